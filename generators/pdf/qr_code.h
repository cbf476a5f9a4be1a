#pragma once
// QR codes: encoded by libqrencode, masked per ISO/IEC 18004 (qr_mask.h), drawn as a one-bit image mask.

#include <string>

#include "generators/pdf/pdf_canvas.h"
#include "generators/pdf/qr_mask.h"

namespace thidua::pdf {

/// Encodes `text` as 8-bit data at error-correction level M, in the smallest version that holds it, with
/// the mask pattern the standard selects. Throws std::runtime_error if libqrencode fails (e.g. text too
/// long). Thread-safe.
QrMatrix encodeQr(const std::string& text);

/// Draws `qr` in the square whose bottom-left corner is (x, y) with side `size` points, including a
/// 4-module quiet zone inside the square.
void drawQr(PdfCanvas& canvas, const QrMatrix& qr, double x, double y, double size);

}  // namespace thidua::pdf
