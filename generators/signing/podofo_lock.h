#pragma once
// PoDoFo 0.9.8 is not thread-safe (lazy global encodings, locale imbue, PdfDate): every use of it in
// this module happens under one process-wide lock, so signing and verification may be called from
// several threads.

#include <mutex>

namespace thidua::signing {

/// The process-wide lock around PoDoFo calls made by thidua_signing.
std::mutex& podofoMutex();

/// Holds podofoMutex() for its lifetime and turns off PoDoFo's debug and log output (which would
/// otherwise print trailers and warnings on stdout/stderr).
class PodofoLock {
 public:
  PodofoLock();

 private:
  std::lock_guard<std::mutex> lock_;
};

}  // namespace thidua::signing
