#pragma once
// PoDoFo 0.9.8 is not thread-safe (lazy global encodings, locale imbue, PdfDate): every use of it in
// this module holds this lock, so signing and verification may be called from several threads.

#include <mutex>

namespace thidua::signing {

/// The process-wide lock around PoDoFo calls made by thidua_signing.
std::mutex& podofoMutex();

}  // namespace thidua::signing
