#pragma once
// What an incremental update changed in what a reader shows: pages, their content, their annotations.
// Used to tell whether the updates after a signature only added signatures (fields, widgets, values).

#include <cstdint>
#include <string>

namespace thidua::signing {

/// Compares the document as of byte `revisionEnd` of `pdf` (an earlier revision) with the whole `pdf`.
/// Returns "" when the later updates keep the page count, every page's decoded content streams, and every
/// earlier annotation, and add only widgets of signature fields; otherwise a Vietnamese sentence naming
/// the first difference found. Never throws: an unreadable revision is reported as a difference.
/// Caller must hold podofoMutex().
std::string changesOtherThanSignatures(const std::string& pdf, std::int64_t revisionEnd);

}  // namespace thidua::signing
