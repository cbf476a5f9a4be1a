#include "generators/pdf/pdf_canvas.h"

#include <algorithm>
#include <stdexcept>

#include "generators/common/unicode.h"

namespace thidua::pdf {
namespace {

void appendNumbers(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    appendPdfNumber(out, v);
    out += ' ';
  }
}

const char kHex[] = "0123456789ABCDEF";

// Format characters that text pasted from word processors carries and that must not be drawn: the soft
// hyphen (shown only where a word is broken, which this layout never does), zero-width spaces and joiners,
// direction marks and embeddings, the word joiner and invisible operators, the byte-order mark.
bool invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

}  // namespace

PdfCanvas::PdfCanvas(FontSet& fonts) : fonts_(fonts) { content_.reserve(16384); }

const Glyph& PdfCanvas::glyph(Face face, char32_t cp) {
  auto& cache = glyphs_[static_cast<size_t>(face)];
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  return cache.emplace(cp, fonts_.glyph(face, cp)).first->second;
}

double PdfCanvas::textWidth(Face face, double size, std::string_view text) {
  double w = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = nextCodePoint(text, i);
    if (!invisible(cp)) w += glyph(face, cp).width;
  }
  return w * size;
}

void PdfCanvas::resetState() {
  fill_ = stroke_ = Color{-1, -1, -1};
  lineWidth_ = -1;
  textFace_ = -1;
  textSize_ = -1;
}

void PdfCanvas::finishPage() {
  if (!inPage_) return;
  if (inLayer_) throw std::logic_error("PdfCanvas: a layer is still being recorded");
  PdfPage& page = pages_.back();
  page.content = content_;  // copied: content_ keeps its capacity for the next page
  page.fonts = contentFonts_;
  content_.clear();
  contentFonts_ = {};
  inPage_ = false;
}

void PdfCanvas::newPage(double width, double height) {
  finishPage();
  PdfPage page;
  page.width = width;
  page.height = height;
  pages_.push_back(std::move(page));
  inPage_ = true;
  resetState();
}

std::vector<PdfPage> PdfCanvas::takePages() {
  finishPage();
  std::vector<PdfPage> pages;
  pages.swap(pages_);
  return pages;
}

std::vector<PdfLayer> PdfCanvas::takeLayers() {
  std::vector<PdfLayer> layers;
  layers.swap(layers_);
  return layers;
}

void PdfCanvas::beginLayer() {
  if (inLayer_) throw std::logic_error("PdfCanvas: layers cannot be nested");
  inLayer_ = true;
  pageContent_.swap(content_);
  content_.clear();
  pageFonts_ = contentFonts_;
  contentFonts_ = {};
  resetState();
}

int PdfCanvas::endLayer(double width, double height) {
  if (!inLayer_) throw std::logic_error("PdfCanvas: endLayer() without beginLayer()");
  PdfLayer layer;
  layer.width = width;
  layer.height = height;
  layer.content = content_;
  layer.fonts = contentFonts_;
  layers_.push_back(std::move(layer));
  content_.swap(pageContent_);
  pageContent_.clear();
  contentFonts_ = pageFonts_;
  inLayer_ = false;
  resetState();
  return static_cast<int>(layers_.size() - 1);
}

void PdfCanvas::drawLayer(int layer) {
  if (!inPage_ || inLayer_) throw std::logic_error("PdfCanvas: drawLayer() needs a page");
  content_ += "/L" + std::to_string(layer) + " Do\n";
  auto& used = pages_.back().layers;
  if (std::find(used.begin(), used.end(), layer) == used.end()) used.push_back(layer);
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
  appendPdfNumber(content_, w);
  content_ += " w\n";
}

void PdfCanvas::appendGlyphs(Face face, std::string_view text, double* width) {
  double w = 0;
  content_ += '<';
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = nextCodePoint(text, i);
    if (invisible(cp)) continue;
    const Glyph& g = glyph(face, cp);
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
    if (textFace_ != fi || textSize_ != size) {
      if (inArray) {
        content_ += "] TJ\n";
        inArray = false;
      }
      content_ += '/';
      content_ += kFontResourceNames[fi];
      content_ += ' ';
      appendPdfNumber(content_, size);
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
      appendPdfNumber(content_, -gap * 1000.0 / size);
      content_ += ' ';
    }
    double w = 0;
    appendGlyphs(p.face, p.text, &w);
    cursor = p.x + w * size;
    contentFonts_[static_cast<size_t>(fi)] = true;
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

void PdfCanvas::fillBitmap(double x, double y, double width, double height, int columns, int rows,
                           const std::vector<bool>& dark, const Color& color) {
  if (columns <= 0 || rows <= 0) return;
  if (dark.size() != static_cast<size_t>(columns) * static_cast<size_t>(rows)) {
    throw std::invalid_argument("PdfCanvas::fillBitmap: the bitmap does not have columns x rows cells");
  }
  fillColor(color);
  content_ += "q ";
  appendNumbers(content_, {width, 0, 0, height, x, y});
  content_ += "cm\nBI /W ";
  content_ += std::to_string(columns);
  content_ += " /H ";
  content_ += std::to_string(rows);
  // An image mask: 1 bit per cell, rows padded to whole bytes; /D [1 0] paints the 1 bits.
  content_ += " /IM true /BPC 1 /D [1 0] /I false /F /AHx ID\n";
  for (int r = 0; r < rows; ++r) {
    const size_t row = static_cast<size_t>(r) * static_cast<size_t>(columns);
    for (int c = 0; c < columns; c += 8) {
      unsigned byte = 0;
      for (int bit = 0; bit < 8; ++bit) {
        byte <<= 1;
        if (c + bit < columns && dark[row + static_cast<size_t>(c + bit)]) byte |= 1;
      }
      content_ += kHex[byte >> 4];
      content_ += kHex[byte & 15];
    }
  }
  content_ += ">\nEI Q\n";
}

}  // namespace thidua::pdf
