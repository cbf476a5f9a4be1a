#include "generators/pdf/qr_code.h"

#include <memory>
#include <stdexcept>

#include "generators/pdf/qrencode_mask.h"

namespace thidua::pdf {

QrMatrix encodeQr(const std::string& text) {
  const auto fail = [&] {
    return std::runtime_error("libqrencode could not encode a QR code of " + std::to_string(text.size()) +
                              " bytes");
  };
  std::unique_ptr<QRinput, decltype(&QRinput_free)> input(QRinput_new2(0, QR_ECLEVEL_M), &QRinput_free);
  if (!input || QRinput_append(input.get(), QR_MODE_8, static_cast<int>(text.size()),
                               reinterpret_cast<const unsigned char*>(text.data())) != 0)
    throw fail();
  // Mask 0 here; the mask the standard selects is chosen and applied by applyBestQrMask.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeMask(input.get(), 0), &QRcode_free);
  if (!code) throw fail();
  return applyBestQrMask(QrFrame{code->width, code->data, QrLevel::kM});
}

void drawQr(PdfCanvas& canvas, const QrMatrix& qr, double x, double y, double size) {
  const int quiet = 4;
  const double module = size / (qr.width + 2 * quiet);
  const double side = module * qr.width;
  canvas.fillBitmap(x + quiet * module, y + quiet * module, side, side, qr.width, qr.width, qr.dark);
}

}  // namespace thidua::pdf
