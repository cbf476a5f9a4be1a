#include "generators/common/podofo_lock.h"

#include <podofo/podofo.h>

namespace thidua {

std::mutex& podofoMutex() {
  static std::mutex mutex;
  return mutex;
}

PodofoLock::PodofoLock() : lock_(podofoMutex()) {
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
}

}  // namespace thidua
