#include "generators/common/heap_tuning.h"

#include <malloc.h>

namespace thidua {

void tuneHeapForRendering() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // blocks below 32 MB come from the heap, and are reused
  mallopt(M_TRIM_THRESHOLD, 64 << 20);  // keep up to 64 MB of freed heap before returning it
  mallopt(M_TOP_PAD, 4 << 20);          // grow the heap 4 MB at a time
}

}  // namespace thidua
