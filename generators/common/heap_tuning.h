#pragma once
// Process-wide settings of the C heap (glibc malloc) for rendering work.

namespace thidua {

/// Call once at the start of main() of a one-shot rendering process, before any thread starts. Large
/// blocks (font programs, PDF and XLSX buffers of a few MB) are then served from the heap and reused after
/// free instead of being mapped and unmapped each time, and the heap grows in 4 MB steps: on virtual
/// machines, where every first touch of a fresh page is a costly fault, this takes about a fifth off the
/// CPU time of rendering a document (docs/performance.md). Freed memory above 64 MB is still returned to
/// the system.
void tuneHeapForRendering();

}  // namespace thidua
