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
  thread_local std::vector<PdfCanvas::CellRun> runs;  // reused: one allocation per thread
  runs.clear();
  for (int row = 0; row < qr.width; ++row) {
    int col = 0;
    while (col < qr.width) {
      if (!qr.dark[static_cast<size_t>(row) * qr.width + col]) {
        ++col;
        continue;
      }
      int end = col;
      while (end < qr.width && qr.dark[static_cast<size_t>(row) * qr.width + end]) ++end;
      runs.push_back(PdfCanvas::CellRun{col, row, end - col});
      col = end;
    }
  }
  canvas.fillCells(x + quiet * module, y + size - quiet * module, module, runs);
}

}  // namespace thidua::pdf
