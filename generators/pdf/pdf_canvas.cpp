#include "generators/pdf/pdf_canvas.h"

#include <podofo/podofo.h>

#include <stdexcept>

#include "generators/common/fonts.h"

namespace thidua::pdf {
namespace {

using namespace PoDoFo;

// Decodes one UTF-8 code point at `i`, advancing it; invalid bytes yield U+FFFD.
char32_t nextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += extra + 1;
  return cp;
}

FontFace commonFace(Face face) {
  switch (face) {
    case Face::Regular: return FontFace::Regular;
    case Face::Bold: return FontFace::Bold;
    case Face::Italic: return FontFace::Italic;
    case Face::BoldItalic: return FontFace::BoldItalic;
  }
  return FontFace::Regular;
}

PdfString utf8(std::string_view text) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(text.data()), static_cast<pdf_long>(text.size()));
}

}  // namespace

Face faceOf(bool bold, bool italic) {
  return bold ? (italic ? Face::BoldItalic : Face::Bold) : (italic ? Face::Italic : Face::Regular);
}

std::mutex& podofoMutex() {
  static std::mutex mutex;
  return mutex;
}

PdfCanvas::PdfCanvas(const PdfIdentity& identity)
    : lock_(podofoMutex()), doc_(std::make_unique<PdfMemDocument>()) {
  doc_->SetPdfVersion(ePdfVersion_1_7);
  PdfInfo* info = doc_->GetInfo();
  PdfDictionary& dict = info->GetObject()->GetDictionary();
  const PdfString date(identity.pdfDate.empty() ? std::string("D:20000101000000Z") : identity.pdfDate);
  dict.AddKey("CreationDate", date);
  dict.AddKey("ModDate", date);
  info->SetProducer(PdfString("thidua"));
  info->SetCreator(PdfString("thidua"));
  if (!identity.title.empty()) info->SetTitle(utf8(identity.title));
  info->SetCustomKey(PdfName("ThiduaId"), utf8(identity.id));
}

PdfCanvas::~PdfCanvas() = default;

PdfFont* PdfCanvas::font(Face face) {
  PdfFont*& f = fonts_[static_cast<int>(face)];
  if (!f) {
    const std::string path = serifFontPath(commonFace(face));
    const bool bold = face == Face::Bold || face == Face::BoldItalic;
    const bool italic = face == Face::Italic || face == Face::BoldItalic;
    f = doc_->CreateFontSubset("Liberation Serif", bold, italic, false,
                               PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
    if (!f) throw std::runtime_error("PoDoFo could not load font " + path);
  }
  return f;
}

double PdfCanvas::charWidth(Face face, char32_t cp) {
  auto& cache = widths_[static_cast<int>(face)];
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  PdfFont* f = font(face);
  f->SetFontSize(100.0f);
  const double w = cp > 0xFFFF ? 0.0
                              : f->GetFontMetrics()->UnicodeCharWidth(static_cast<unsigned short>(cp)) / 100.0;
  cache.emplace(cp, w);
  return w;
}

double PdfCanvas::textWidth(Face face, double size, std::string_view text) {
  double w = 0;
  for (size_t i = 0; i < text.size();) w += charWidth(face, nextCodePoint(text, i));
  return w * size;
}

void PdfCanvas::newPage(double width, double height) {
  if (!painter_) painter_ = std::make_unique<PdfPainter>();
  if (pageCount_ > 0) painter_->FinishPage();
  PdfPage* page = doc_->CreatePage(PdfRect(0, 0, width, height));
  painter_->SetPage(page);
  ++pageCount_;
  colorSet_ = false;
}

void PdfCanvas::drawText(Face face, double size, double x, double y, std::string_view text,
                         const Color& color) {
  if (text.empty()) return;
  PdfFont* f = font(face);
  f->SetFontSize(static_cast<float>(size));
  painter_->SetFont(f);
  painter_->SetColor(color.r, color.g, color.b);
  painter_->DrawText(x, y, utf8(text));
}

void PdfCanvas::drawLine(double x1, double y1, double x2, double y2, double width, const Color& color) {
  painter_->SetStrokeWidth(width);
  painter_->SetStrokingColor(color.r, color.g, color.b);
  painter_->DrawLine(x1, y1, x2, y2);
}

void PdfCanvas::strokeRect(double x, double y, double w, double h, double width, const Color& color) {
  painter_->SetStrokeWidth(width);
  painter_->SetStrokingColor(color.r, color.g, color.b);
  painter_->Rectangle(x, y, w, h);
  painter_->Stroke();
}

void PdfCanvas::fillRect(double x, double y, double w, double h, const Color& color) {
  painter_->SetColor(color.r, color.g, color.b);
  painter_->Rectangle(x, y, w, h);
  painter_->Fill();
}

std::string PdfCanvas::finish() {
  if (painter_ && pageCount_ > 0) painter_->FinishPage();
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc_->Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace thidua::pdf
