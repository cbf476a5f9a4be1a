#include "generators/pdf/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace thidua::pdf {

QrMatrix encodeQr(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                       &QRcode_free);
  if (!code) throw std::runtime_error("libqrencode could not encode a QR code of " + std::to_string(text.size()) +
                                      " bytes");
  QrMatrix m;
  m.width = code->width;
  m.dark.resize(static_cast<size_t>(m.width) * m.width);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  return m;
}

void drawQr(PdfCanvas& canvas, const QrMatrix& qr, double x, double y, double size) {
  const int quiet = 4;
  const double module = size / (qr.width + 2 * quiet);
  const double side = module * qr.width;
  canvas.fillBitmap(x + quiet * module, y + quiet * module, side, side, qr.width, qr.width, qr.dark);
}

}  // namespace thidua::pdf
