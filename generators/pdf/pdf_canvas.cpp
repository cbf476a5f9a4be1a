#include "generators/pdf/pdf_canvas.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "generators/common/fonts.h"
#include "generators/common/unicode.h"

namespace thidua::pdf {
namespace {

using namespace PoDoFo;


// Appends `v` with at most three decimals and no trailing zeros (PDF real numbers).
void appendNumber(std::string& out, double v) {
  long long milli = std::llround(v * 1000.0);
  if (milli < 0) {
    out += '-';
    milli = -milli;
  }
  out += std::to_string(milli / 1000);
  int frac = static_cast<int>(milli % 1000);
  if (frac != 0) {
    char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10), 0};
    int n = 3;
    while (digits[n - 1] == '0') --n;
    out += '.';
    out.append(digits, static_cast<size_t>(n));
  }
}

void appendNumbers(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    appendNumber(out, v);
    out += ' ';
  }
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

const char kHex[] = "0123456789ABCDEF";
const char* const kFontNames[] = {"/TR", "/TB", "/TI", "/TBI"};

}  // namespace

Face faceOf(bool bold, bool italic) {
  return bold ? (italic ? Face::BoldItalic : Face::Bold) : (italic ? Face::Italic : Face::Regular);
}

PdfCanvas::PdfCanvas(const PdfIdentity& identity)
    : doc_(std::make_unique<PdfMemDocument>()) {
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
  content_.reserve(16384);
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

const PdfCanvas::Glyph& PdfCanvas::glyph(Face face, char32_t cp) {
  auto& cache = glyphs_[static_cast<int>(face)];
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  PdfFont* f = font(face);
  Glyph g;
  if (cp <= 0xFFFF) {
    f->SetFontSize(100.0f);
    g.width = f->GetFontMetrics()->UnicodeCharWidth(static_cast<unsigned short>(cp)) / 100.0;
    g.id = static_cast<unsigned short>(f->GetFontMetrics()->GetGlyphId(static_cast<long>(cp)));
  }
  return cache.emplace(cp, g).first->second;
}

double PdfCanvas::textWidth(Face face, double size, std::string_view text) {
  double w = 0;
  for (size_t i = 0; i < text.size();) w += glyph(face, nextCodePoint(text, i)).width;
  return w * size;
}

// Content streams below this size are stored uncompressed: deflate's set-up costs more than it saves.
constexpr size_t kCompressFrom = 16384;

static void setStream(PdfObject* object, const std::string& data) {
  if (data.size() >= kCompressFrom) {
    object->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()));
  } else {
    object->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()), TVecFilters());
  }
}

void PdfCanvas::resetState() {
  fill_ = stroke_ = Color{-1, -1, -1};
  lineWidth_ = -1;
  textFace_ = -1;
  textSize_ = -1;
}

void PdfCanvas::finishPage() {
  if (!page_) return;
  PdfDictionary fontsDict;
  for (int f = 0; f < 4; ++f) {
    if (pageFonts_[static_cast<size_t>(f)]) {
      fontsDict.AddKey(PdfName(kFontNames[f] + 1), fonts_[static_cast<size_t>(f)]->GetObject()->Reference());
    }
  }
  PdfDictionary resources;
  resources.AddKey("Font", fontsDict);
  if (!pageLayers_.empty()) {
    PdfDictionary xobjects;
    for (int l : pageLayers_) {
      xobjects.AddKey(PdfName("L" + std::to_string(l)), layers_[static_cast<size_t>(l)]->Reference());
    }
    resources.AddKey("XObject", xobjects);
  }
  page_->GetDictionary().AddKey("Resources", resources);
  if (recording_) {
    PageFile record;
    record.width = pageWidth_;
    record.height = pageHeight_;
    record.content = content_;
    record.fonts = pageFonts_;
    recorded_.push_back(std::move(record));
  }
  PdfObject* contents = doc_->GetObjects().CreateObject();
  setStream(contents, content_);
  page_->GetDictionary().AddKey("Contents", contents->Reference());
  content_.clear();
  page_ = nullptr;
}

void PdfCanvas::newPage(double width, double height) {
  finishPage();
  if (!kids_) kids_ = std::make_unique<PdfArray>();
  page_ = doc_->GetObjects().CreateObject("Page");
  page_->GetDictionary().AddKey("Parent", doc_->GetPagesTree()->GetObject()->Reference());
  PdfArray box;
  box.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  box.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  box.push_back(PdfVariant(width));
  box.push_back(PdfVariant(height));
  page_->GetDictionary().AddKey("MediaBox", box);
  kids_->push_back(page_->Reference());
  pageWidth_ = width;
  pageHeight_ = height;
  ++pageCount_;
  pageFonts_ = {};
  pageLayers_.clear();
  resetState();
}

void PdfCanvas::beginLayer() {
  pageContent_.swap(content_);
  content_.clear();
  pageFontsSaved_ = pageFonts_;
  pageFonts_ = {};
  resetState();
}

int PdfCanvas::endLayer(double width, double height) {
  PdfObject* form = doc_->GetObjects().CreateObject("XObject");
  PdfDictionary& dict = form->GetDictionary();
  dict.AddKey("Subtype", PdfName("Form"));
  PdfArray box;
  box.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  box.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  box.push_back(PdfVariant(width));
  box.push_back(PdfVariant(height));
  dict.AddKey("BBox", box);
  PdfDictionary fontsDict;
  for (int f = 0; f < 4; ++f) {
    if (pageFonts_[static_cast<size_t>(f)]) {
      fontsDict.AddKey(PdfName(kFontNames[f] + 1), fonts_[static_cast<size_t>(f)]->GetObject()->Reference());
    }
  }
  PdfDictionary resources;
  resources.AddKey("Font", fontsDict);
  dict.AddKey("Resources", resources);
  setStream(form, content_);
  layers_.push_back(form);
  content_.swap(pageContent_);
  pageContent_.clear();
  pageFonts_ = pageFontsSaved_;
  resetState();
  return static_cast<int>(layers_.size() - 1);
}

void PdfCanvas::drawLayer(int layer) {
  content_ += "/L" + std::to_string(layer) + " Do\n";
  if (std::find(pageLayers_.begin(), pageLayers_.end(), layer) == pageLayers_.end()) pageLayers_.push_back(layer);
}

void PdfCanvas::fillColor(const Color& c) {
  if (c.r == fill_.r && c.g == fill_.g && c.b == fill_.b) return;
  fill_ = c;
  appendNumbers(content_, {c.r, c.g, c.b});
  content_ += "rg\n";
}

void PdfCanvas::strokeColor(const Color& c) {
  if (c.r == stroke_.r && c.g == stroke_.g && c.b == stroke_.b) return;
  stroke_ = c;
  appendNumbers(content_, {c.r, c.g, c.b});
  content_ += "RG\n";
}

void PdfCanvas::lineWidth(double w) {
  if (w == lineWidth_) return;
  lineWidth_ = w;
  appendNumber(content_, w);
  content_ += " w\n";
}

void PdfCanvas::appendGlyphs(Face face, std::string_view text, double* width) {
  auto& used = used_[static_cast<size_t>(face)];
  double w = 0;
  content_ += '<';
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = nextCodePoint(text, i);
    const Glyph& g = glyph(face, cp);
    used.insert(cp);
    w += g.width;
    content_ += kHex[(g.id >> 12) & 15];
    content_ += kHex[(g.id >> 8) & 15];
    content_ += kHex[(g.id >> 4) & 15];
    content_ += kHex[g.id & 15];
  }
  content_ += '>';
  if (width) *width = w;
}

void PdfCanvas::drawText(Face face, double size, double x, double y, std::string_view text, const Color& color) {
  if (text.empty()) return;
  drawPieces(size, y, {TextPiece{face, x, text}}, color);
}

void PdfCanvas::drawPieces(double size, double y, const std::vector<TextPiece>& pieces, const Color& color) {
  if (pieces.empty()) return;
  fillColor(color);
  content_ += "BT\n";
  double lineX = 0;    // start of the current text line (Td origin)
  double cursor = 0;   // where the next glyph would be drawn without an offset
  bool inArray = false;
  bool first = true;
  for (const TextPiece& p : pieces) {
    if (p.text.empty()) continue;
    const int fi = static_cast<int>(p.face);
    font(p.face);
    if (textFace_ != fi || textSize_ != size) {
      if (inArray) {
        content_ += "] TJ\n";
        inArray = false;
      }
      content_ += kFontNames[fi];
      content_ += ' ';
      appendNumber(content_, size);
      content_ += " Tf\n";
      textFace_ = fi;
      textSize_ = size;
    }
    if (!inArray) {
      // Start a new text line at the piece (Td is relative to the previous line start).
      if (first) {
        appendNumbers(content_, {p.x, y});
      } else {
        appendNumbers(content_, {p.x - lineX, 0});
      }
      content_ += "Td [";
      lineX = p.x;
      cursor = p.x;
      inArray = true;
      first = false;
    } else {
      const double gap = p.x - cursor;
      content_ += ' ';
      appendNumber(content_, -gap * 1000.0 / size);
      content_ += ' ';
    }
    double w = 0;
    appendGlyphs(p.face, p.text, &w);
    cursor = p.x + w * size;
    pageFonts_[static_cast<size_t>(fi)] = true;
  }
  if (inArray) content_ += "] TJ\n";
  content_ += "ET\n";
}

void PdfCanvas::drawLine(double x1, double y1, double x2, double y2, double width, const Color& color) {
  lineWidth(width);
  strokeColor(color);
  appendNumbers(content_, {x1, y1});
  content_ += "m ";
  appendNumbers(content_, {x2, y2});
  content_ += "l S\n";
}

void PdfCanvas::strokeRect(double x, double y, double w, double h, double width, const Color& color) {
  lineWidth(width);
  strokeColor(color);
  appendNumbers(content_, {x, y, w, h});
  content_ += "re S\n";
}

void PdfCanvas::fillCells(double x, double top, double cell, const std::vector<CellRun>& runs, const Color& color) {
  if (runs.empty()) return;
  fillColor(color);
  content_ += "q ";
  appendNumbers(content_, {cell, 0, 0, -cell, x, top});
  content_ += "cm\n";
  for (const CellRun& r : runs) {
    content_ += std::to_string(r.col);
    content_ += ' ';
    content_ += std::to_string(r.row);
    content_ += ' ';
    content_ += std::to_string(r.length);
    content_ += " 1 re\n";
  }
  content_ += "f Q\n";
}

std::string PdfCanvas::finish() {
  finishPage();
  // Tell each subset font every character drawn with it; PoDoFo embeds the subsets on write.
  for (size_t f = 0; f < 4; ++f) {
    if (!fonts_[f] || used_[f].empty()) continue;
    std::string all;
    for (char32_t cp : used_[f]) appendUtf8(all, cp);
    const PdfString s = utf8(all);
    fonts_[f]->AddUsedSubsettingGlyphs(s, static_cast<long>(s.GetCharacterLength()));
  }
  PdfDictionary& pages = doc_->GetPagesTree()->GetObject()->GetDictionary();
  pages.AddKey("Kids", kids_ ? *kids_ : PdfArray());
  pages.AddKey("Count", PdfVariant(static_cast<pdf_int64>(pageCount_)));
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc_->Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace thidua::pdf

namespace thidua::pdf {
namespace {

// Collects `object` and every object it references (depth first, each once).
void collect(const PdfVecObjects& objects, const PdfObject* object, std::set<const PdfObject*>& seen,
             std::vector<const PdfObject*>& order);

void collectVariant(const PdfVecObjects& objects, const PdfObject& value, std::set<const PdfObject*>& seen,
                    std::vector<const PdfObject*>& order) {
  if (value.IsReference()) {
    if (const PdfObject* target = objects.GetObject(value.GetReference())) collect(objects, target, seen, order);
  } else if (value.IsDictionary()) {
    for (const auto& kv : value.GetDictionary().GetKeys()) collectVariant(objects, *kv.second, seen, order);
  } else if (value.IsArray()) {
    for (const PdfObject& item : value.GetArray()) collectVariant(objects, item, seen, order);
  }
}

void collect(const PdfVecObjects& objects, const PdfObject* object, std::set<const PdfObject*>& seen,
             std::vector<const PdfObject*>& order) {
  if (!seen.insert(object).second) return;
  order.push_back(object);
  if (object->IsDictionary()) {
    for (const auto& kv : object->GetDictionary().GetKeys()) collectVariant(objects, *kv.second, seen, order);
  } else if (object->IsArray()) {
    for (const PdfObject& item : object->GetArray()) collectVariant(objects, item, seen, order);
  }
}

}  // namespace

std::pair<SharedFonts, std::vector<PageFile>> PdfCanvas::finishSeparately() {
  finish();  // embeds the subsets
  SharedFonts fonts;
  std::set<const PdfObject*> seen;
  std::vector<const PdfObject*> order;
  for (size_t f = 0; f < 4; ++f) {
    if (!fonts_[f] || used_[f].empty()) continue;
    fonts.fontObject[f] = static_cast<int>(fonts_[f]->GetObject()->Reference().ObjectNumber());
    collect(doc_->GetObjects(), fonts_[f]->GetObject(), seen, order);
  }
  std::sort(order.begin(), order.end(), [](const PdfObject* a, const PdfObject* b) {
    return a->Reference().ObjectNumber() < b->Reference().ObjectNumber();
  });
  for (const PdfObject* object : order) {
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    object->WriteObject(&device, ePdfWriteMode_Compact, nullptr);
    const int number = static_cast<int>(object->Reference().ObjectNumber());
    fonts.objects.push_back(SerializedObject{number, std::string(buffer.GetBuffer(), device.GetLength())});
    fonts.maxNumber = std::max(fonts.maxNumber, number);
  }
  return {std::move(fonts), std::move(recorded_)};
}

}  // namespace thidua::pdf
