#pragma once
// PoDoFo 0.9.8 is not thread-safe (lazy global encodings, locale imbue, PdfDate): every use of it in
// every generator (PDF rendering and signing alike) happens under one process-wide lock, so rendering,
// signing and verification may be called from several threads of one process.

#include <mutex>

namespace thidua {

/// The process-wide lock around every PoDoFo call. Not recursive: take it once per call chain.
std::mutex& podofoMutex();

/// Holds podofoMutex() for its lifetime and turns off PoDoFo's debug and log output (which would
/// otherwise print trailers and warnings on stdout/stderr).
class PodofoLock {
 public:
  PodofoLock();

 private:
  std::lock_guard<std::mutex> lock_;
};

}  // namespace thidua
