#pragma once
// PNG signature and seal images as PDF image XObjects (with an SMask for the alpha channel). The PNG is
// decoded and Flate-compressed once per distinct image per process; each document then gets a copy of
// the compressed streams.

#include <memory>
#include <string>

namespace PoDoFo {
class PdfDocument;
class PdfImage;
}  // namespace PoDoFo

namespace thidua::signing {

/// Returns a new image XObject in `doc` showing `png` (8-bit gray or RGB, with or without alpha;
/// palette PNGs are decoded per call). Throws PoDoFo::PdfError when `png` cannot be decoded. The cache
/// is thread-safe; callers hold podofoMutex() for the PoDoFo work.
std::unique_ptr<PoDoFo::PdfImage> pngImage(PoDoFo::PdfDocument& doc, const std::string& png);

}  // namespace thidua::signing
