#pragma once
// QR codes (libqrencode) drawn as vector rectangles.

#include <string>
#include <vector>

#include "generators/pdf/pdf_canvas.h"

namespace thidua::pdf {

/// A QR symbol: width x width modules, row-major, true = dark.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;
};

/// Encodes `text` as 8-bit data at error-correction level M. Throws std::runtime_error if libqrencode
/// fails (e.g. text too long). Thread-safe.
QrMatrix encodeQr(const std::string& text);

/// Draws `qr` as dark rectangles in the square whose bottom-left corner is (x, y) with side `size`
/// points, including a 4-module quiet zone inside the square.
void drawQr(PdfCanvas& canvas, const QrMatrix& qr, double x, double y, double size);

}  // namespace thidua::pdf
