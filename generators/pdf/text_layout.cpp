#include "generators/pdf/text_layout.h"

namespace thidua::pdf {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t codePointLength(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

// An item of the word stream: a word, or a forced break.
struct Token {
  Word word;
  bool lineBreak = false;
};

std::vector<Token> tokenize(PdfCanvas& canvas, const std::vector<Run>& runs, double size, bool boldAll,
                            bool italicAll) {
  std::vector<Token> tokens;
  bool open = false;  // the last token is a word that may continue
  for (const Run& run : runs) {
    if (run.lineBreak) {
      tokens.push_back(Token{Word{}, true});
      open = false;
      continue;
    }
    const Face face = faceOf(run.bold || boldAll, run.italic || italicAll);
    size_t i = 0;
    const std::string& t = run.text;
    while (i < t.size()) {
      if (isSpace(t[i])) {
        open = false;
        ++i;
        continue;
      }
      size_t j = i;
      while (j < t.size() && !isSpace(t[j])) ++j;
      Fragment frag{t.substr(i, j - i), face, 0};
      frag.width = canvas.textWidth(face, size, frag.text);
      if (!open) tokens.push_back(Token{});
      Word& w = tokens.back().word;
      w.width += frag.width;
      w.parts.push_back(std::move(frag));
      open = j < t.size() ? false : true;
      i = j;
    }
  }
  return tokens;
}

// Cuts `word` into pieces no wider than `width` (at least one character each).
std::vector<Word> cutWord(PdfCanvas& canvas, const Word& word, double size, double firstWidth, double width) {
  std::vector<Word> pieces(1);
  for (const Fragment& f : word.parts) {
    size_t i = 0;
    while (i < f.text.size()) {
      const size_t n = codePointLength(static_cast<unsigned char>(f.text[i]));
      const std::string ch = f.text.substr(i, n);
      const double cw = canvas.textWidth(f.face, size, ch);
      Word* cur = &pieces.back();
      const double limit = pieces.size() == 1 ? firstWidth : width;
      if (cur->width + cw > limit && (cur->width > 0 || pieces.size() == 1)) {
        pieces.emplace_back();
        cur = &pieces.back();
      }
      if (cur->parts.empty() || cur->parts.back().face != f.face) cur->parts.push_back(Fragment{"", f.face, 0});
      cur->parts.back().text += ch;
      cur->parts.back().width += cw;
      cur->width += cw;
      i += n;
    }
  }
  return pieces;
}

}  // namespace

std::vector<Line> breakLines(PdfCanvas& canvas, const std::vector<Run>& runs, double size, double firstWidth,
                             double otherWidth, bool boldAll, bool italicAll) {
  const double space = canvas.textWidth(Face::Regular, size, " ");
  std::vector<Line> lines(1);
  auto widthOf = [&](size_t lineIndex) { return lineIndex == 0 ? firstWidth : otherWidth; };
  auto place = [&](const Word& w) {
    Line* line = &lines.back();
    double needed = line->words.empty() ? w.width : line->width + space + w.width;
    if (needed > widthOf(lines.size() - 1) + 1e-6 && !line->words.empty()) {
      lines.emplace_back();
      line = &lines.back();
      needed = w.width;
    }
    line->width = needed;
    line->words.push_back(w);
  };
  for (Token& tok : tokenize(canvas, runs, size, boldAll, italicAll)) {
    if (tok.lineBreak) {
      lines.back().endsParagraph = true;
      lines.emplace_back();
      continue;
    }
    const double lineWidth = widthOf(lines.size() - 1);
    if (tok.word.width > otherWidth + 1e-6 || (tok.word.width > lineWidth + 1e-6 && lines.back().words.empty())) {
      // Too long for any line: fill what is left of this line, then whole lines.
      const Line& line = lines.back();
      const double rest = line.words.empty() ? lineWidth : lineWidth - line.width - space;
      auto pieces = cutWord(canvas, tok.word, size, std::max(rest, 0.0), otherWidth);
      if (!pieces.empty() && pieces.front().parts.empty()) pieces.erase(pieces.begin());
      for (const Word& piece : pieces) place(piece);
      continue;
    }
    place(tok.word);
  }
  if (lines.size() > 1 && lines.back().words.empty()) lines.pop_back();
  lines.back().endsParagraph = true;
  return lines;
}

std::vector<Line> breakText(PdfCanvas& canvas, const std::string& text, Face face, double size, double width) {
  Run run;
  run.text = text;
  run.bold = face == Face::Bold || face == Face::BoldItalic;
  run.italic = face == Face::Italic || face == Face::BoldItalic;
  return breakLines(canvas, {run}, size, width, width);
}

void drawLine(PdfCanvas& canvas, const Line& line, double size, double x, double y, double width, Align align,
              const Color& color) {
  if (line.words.empty()) return;
  const double space = canvas.textWidth(Face::Regular, size, " ");
  double gap = space;
  double cx = x;
  if (align == Align::Justify && !line.endsParagraph && line.words.size() > 1) {
    double words = 0;
    for (const Word& w : line.words) words += w.width;
    gap = (width - words) / static_cast<double>(line.words.size() - 1);
  } else if (align == Align::Center) {
    cx = x + (width - line.width) / 2;
  } else if (align == Align::Right) {
    cx = x + width - line.width;
  }
  std::vector<PdfCanvas::TextPiece> pieces;
  for (const Word& w : line.words) {
    double fx = cx;
    for (const Fragment& f : w.parts) {
      pieces.push_back(PdfCanvas::TextPiece{f.face, fx, f.text});
      fx += f.width;
    }
    cx += w.width + gap;
  }
  canvas.drawPieces(size, y, pieces, color);
}

}  // namespace thidua::pdf
