#include "generators/pdf/document_layout.h"

#include <algorithm>
#include <cmath>

#include "generators/pdf/pdf_canvas.h"
#include "generators/pdf/text_layout.h"

namespace thidua::pdf {
namespace {

constexpr double kAscent = 0.891;    // Liberation Serif, per unit of size
constexpr double kDescent = 0.216;
constexpr double kLineFactor = 1.2;  // single line spacing
constexpr double kParagraphGap = 6;  // points after each paragraph
constexpr double kIndent = 36;       // first-line indent, 1.27 cm

Run plain(const std::string& text, bool bold = false, bool italic = false) {
  Run r;
  r.text = text;
  r.bold = bold;
  r.italic = italic;
  return r;
}

class Layout {
 public:
  Layout(PdfCanvas& canvas, const Document& doc) : canvas_(canvas), doc_(doc) {
    const PageSetup& p = doc.page;
    left_ = mmToPt(p.marginLeft);
    right_ = kA4Width - mmToPt(p.marginRight);
    top_ = mmToPt(p.marginTop);
    bottom_ = kA4Height - mmToPt(p.marginBottom);
    size_ = p.fontSize;
  }

  void run() {
    newPage();
    header();
    blocks(doc_.body, true);
    closing();
    if (!doc_.annex.empty()) {
      newPage();
      blocks(doc_.annex);
    }
  }

 private:
  double width() const { return right_ - left_; }
  static double lineHeight(double size) { return size * kLineFactor; }
  // Baseline of a line whose box starts at top-down y.
  static double baseline(double y, double size) {
    return y + (lineHeight(size) - (kAscent + kDescent) * size) / 2 + kAscent * size;
  }
  double pdfY(double y) const { return kA4Height - y; }

  void newPage() {
    canvas_.newPage(kA4Width, kA4Height);
    ++page_;
    y_ = top_;
    if (page_ >= 2) {
      const std::string n = std::to_string(page_);
      const double w = canvas_.textWidth(Face::Regular, size_, n);
      const double base = top_ * 0.6;
      canvas_.drawText(Face::Regular, size_, left_ + (width() - w) / 2, pdfY(base), n);
    }
  }

  // Draws lines one by one, breaking pages as needed. Returns the y after the last line.
  void flow(const std::vector<Line>& lines, double size, double x, double firstIndent, Align align) {
    const double lh = lineHeight(size);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (y_ + lh > bottom_) newPage();
      const double indent = i == 0 ? firstIndent : 0;
      drawLine(canvas_, lines[i], size, x + indent, pdfY(baseline(y_, size)), width() - (x - left_) - indent,
               align);
      y_ += lh;
    }
  }

  // Centred lines in a column [x, x + w] starting at y; returns the height used. No page breaks.
  double centred(const std::vector<std::string>& texts, Face face, double size, double x, double w, double y,
                 double lh) {
    double used = 0;
    for (const std::string& t : texts) {
      for (const Line& line : breakText(canvas_, t, face, size, w)) {
        drawLine(canvas_, line, size, x, pdfY(y + used + (lh - (kAscent + kDescent) * size) / 2 + kAscent * size),
                 w, Align::Center);
        used += lh;
      }
    }
    return used;
  }

  double maxWidth(const std::vector<std::string>& texts, Face face, double size) {
    double w = 0;
    for (const auto& t : texts) w = std::max(w, canvas_.textWidth(face, size, t));
    return w;
  }

  void header() {
    const DocumentMeta& m = doc_.meta;
    const double leftW = width() * 0.38;
    const double rightX = left_ + leftW;
    const double rightW = width() - leftW;
    const double hs = 13;  // header size
    const double lh = hs * 1.15;

    // Left column: superior body upright, issuing body bold, short rule.
    double ly = y_;
    ly += centred(m.superior, Face::Regular, hs, left_, leftW, ly, lh);
    ly += centred(m.issuer, Face::Bold, hs, left_, leftW, ly, lh);
    const double issuerW = std::min(maxWidth(m.issuer, Face::Bold, hs), leftW);
    const double ruleW = std::max(issuerW / 3, 40.0);
    ly += 4;
    canvas_.drawLine(left_ + (leftW - ruleW) / 2, pdfY(ly), left_ + (leftW + ruleW) / 2, pdfY(ly), 0.6);

    // Right column: Quốc hiệu, Tiêu ngữ with a rule as long as the line.
    const std::string quocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const std::string tieuNgu = "Độc lập - Tự do - Hạnh phúc";
    double qs = 13;
    while (qs > 11 && canvas_.textWidth(Face::Bold, qs, quocHieu) > rightW) qs -= 0.5;
    double ry = y_;
    ry += centred({quocHieu}, Face::Bold, qs, rightX, rightW, ry, lh);
    const double ts = 14;
    ry += centred({tieuNgu}, Face::Bold, ts, rightX, rightW, ry, ts * 1.15);
    const double tw = canvas_.textWidth(Face::Bold, ts, tieuNgu);
    ry += 3;
    canvas_.drawLine(rightX + (rightW - tw) / 2, pdfY(ry), rightX + (rightW + tw) / 2, pdfY(ry), 0.6);

    // Number under the left column, place and date under the right one.
    y_ = std::max(ly, ry) + 8;
    const double nl = centred({"Số: " + m.number}, Face::Regular, hs, left_, leftW, y_, lh);
    const double dl = centred({m.placeDate}, Face::Italic, size_, rightX, rightW, y_, size_ * 1.15);
    y_ += std::max(nl, dl) + 16;

    // Type and summary, with a short rule under the summary.
    y_ += centred({m.type}, Face::Bold, 14, left_, width(), y_, 14 * 1.2);
    if (!m.summary.empty()) {
      y_ += centred(m.summary, Face::Bold, 14, left_ + width() * 0.05, width() * 0.9, y_, 14 * 1.2);
      const double sw = std::min(maxWidth(m.summary, Face::Bold, 14), width() * 0.9) / 3;
      y_ += 3;
      canvas_.drawLine(left_ + (width() - sw) / 2, pdfY(y_), left_ + (width() + sw) / 2, pdfY(y_), 0.6);
    }
    y_ += 14;

    if (!m.authorityLine.empty()) {
      y_ += centred({m.authorityLine}, Face::Bold, 14, left_, width(), y_, 14 * 1.2);
      y_ += 10;
    }
    for (const std::string& basis : m.bases) {
      paragraph({plain(basis, false, true)}, kIndent, Align::Justify, size_);
    }
  }

  void paragraph(const std::vector<Run>& runs, double firstIndent, Align align, double size, bool bold = false,
                 bool italic = false) {
    const auto lines = breakLines(canvas_, runs, size, width() - firstIndent, width(), bold, italic);
    flow(lines, size, left_, firstIndent, align);
    y_ += kParagraphGap;
  }

  // Height needed by a block's first lines, to keep a heading with what follows it.
  double leadHeight(const Block& b) {
    if (b.kind == BlockKind::Table) return lineHeight(size_ - 1) * 3 + 8;
    if (b.kind == BlockKind::PageBreak) return 0;
    return lineHeight(size_) * 2;
  }

  // Height of a paragraph-like block (heading, paragraph, list item) once broken into lines.
  double blockHeight(const Block& b) {
    std::vector<Run> runs = b.runs;
    double indent = kIndent;
    bool bold = false, italic = false;
    if (b.kind == BlockKind::ListItem) {
      runs.insert(runs.begin(), plain(b.marker + " "));
      indent += 14 * (b.level - 1);
    } else if (b.kind == BlockKind::Heading) {
      bold = b.level <= 4;
      italic = b.level == 4 || b.level == 5;
      if (b.level == 1 || b.level == 6) indent = 0;
    }
    const size_t lines = breakLines(canvas_, runs, size_, width() - indent, width(), bold, italic).size();
    return lines * lineHeight(size_) + kParagraphGap + (b.kind == BlockKind::Heading && b.level == 1 ? 4 : 0);
  }

  // Before the body's last short block (up to six lines, with the headings just above it): if they fit on
  // this page but the Nơi nhận and signature would then go alone onto the next one, start them on the
  // next page, so that the signature page carries text.
  void keepEndWithClosing(const std::vector<Block>& list, size_t from) {
    if (y_ <= top_ + 1) return;
    double h = 0;
    for (size_t i = from; i < list.size(); ++i) {
      const Block& b = list[i];
      if (b.kind != BlockKind::Paragraph && b.kind != BlockKind::ListItem && b.kind != BlockKind::Heading) return;
      h += blockHeight(b);
    }
    if (h > lineHeight(size_) * 6 + kParagraphGap + (list.size() - 1 - from) * (lineHeight(size_) * 2 + 10)) return;
    if (y_ + h <= bottom_ && y_ + h + measureClosing().height > bottom_) newPage();
  }

  void blocks(const std::vector<Block>& list, bool beforeClosing = false) {
    // The last block and the headings right above it form the group kept with the closing.
    size_t endGroup = list.empty() ? 0 : list.size() - 1;
    while (endGroup > 0 && list[endGroup - 1].kind == BlockKind::Heading) --endGroup;
    for (size_t i = 0; i < list.size(); ++i) {
      const Block& b = list[i];
      if (beforeClosing && i == endGroup) keepEndWithClosing(list, i);
      switch (b.kind) {
        case BlockKind::Paragraph:
          paragraph(b.runs, kIndent, Align::Justify, size_);
          break;
        case BlockKind::ListItem: {
          std::vector<Run> runs;
          runs.push_back(plain(b.marker + " "));
          runs.insert(runs.end(), b.runs.begin(), b.runs.end());
          paragraph(runs, kIndent + 14 * (b.level - 1), Align::Justify, size_);
          break;
        }
        case BlockKind::Heading: {
          // Keep the heading (and any headings right after it) with the first lines that follow.
          double need = 0;
          size_t j = i;
          for (; j < list.size() && list[j].kind == BlockKind::Heading; ++j) {
            need += lineHeight(size_) * 2 + kParagraphGap;  // generous: headings may wrap
          }
          if (j < list.size()) need += leadHeight(list[j]);
          if (y_ > top_ + 1 && y_ + need > bottom_) newPage();
          heading(b);
          break;
        }
        case BlockKind::Table:
          table(b.table);
          break;
        case BlockKind::PageBreak:
          if (y_ > top_ + 1) newPage();
          break;
      }
    }
  }

  void heading(const Block& b) {
    switch (b.level) {
      case 1: y_ += 4; paragraph(b.runs, 0, Align::Center, size_, true, false); break;
      case 2:
      case 3: paragraph(b.runs, kIndent, Align::Justify, size_, true, false); break;
      case 4: paragraph(b.runs, kIndent, Align::Justify, size_, true, true); break;
      case 5: paragraph(b.runs, kIndent, Align::Justify, size_, false, true); break;
      default: paragraph(b.runs, 0, Align::Center, size_, false, false); break;
    }
  }

  // ---- tables ----
  struct CellLayout {
    std::vector<Line> lines;
    Align align = Align::Left;
    bool bold = false;
  };

  void table(const Table& t) {
    if (t.rows.empty()) return;
    const double ts = size_ - 1;
    const double lh = lineHeight(ts);
    const double pad = 3;
    size_t cols = 0;
    for (const auto& row : t.rows) cols = std::max(cols, row.size());

    // Column widths from the natural (one-line) and minimal (longest word) widths of the cells.
    std::vector<double> natural(cols, 0), minimal(cols, 0);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const bool head = r < t.headerRows;
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        const auto lines = breakLines(canvas_, t.rows[r][c].runs, ts, 1e9, 1e9, head);
        for (const Line& l : lines) {
          natural[c] = std::max(natural[c], l.width + 2 * pad);
          for (const Word& w : l.words) minimal[c] = std::max(minimal[c], w.width + 2 * pad);
        }
      }
    }
    std::vector<double> widths(cols);
    double sumNatural = 0, sumMinimal = 0;
    for (size_t c = 0; c < cols; ++c) {
      minimal[c] = std::max(minimal[c], 2 * pad + ts);
      natural[c] = std::max(natural[c], minimal[c]);
      sumNatural += natural[c];
      sumMinimal += minimal[c];
    }
    const double total = width();
    for (size_t c = 0; c < cols; ++c) {
      if (sumNatural <= total) {
        widths[c] = natural[c] * total / sumNatural;
      } else if (sumMinimal <= total) {
        const double spare = total - sumMinimal;
        widths[c] = minimal[c] + spare * (natural[c] - minimal[c]) / std::max(sumNatural - sumMinimal, 1e-9);
      } else {
        widths[c] = -1;  // below
      }
    }
    if (sumNatural > total && sumMinimal > total) {
      // Some words are wider than the page: narrow columns keep their minimum, the wide ones share the
      // rest (their long words are cut).
      const double fair = total / static_cast<double>(cols);
      double kept = 0, wide = 0;
      for (size_t c = 0; c < cols; ++c) (minimal[c] <= fair ? kept : wide) += minimal[c];
      for (size_t c = 0; c < cols; ++c) {
        widths[c] = minimal[c] <= fair ? minimal[c] : (total - kept) * minimal[c] / wide;
      }
    }

    auto layoutRow = [&](size_t r) {
      std::vector<CellLayout> cells(cols);
      const bool head = r < t.headerRows;
      for (size_t c = 0; c < cols; ++c) {
        const double inner = widths[c] - 2 * pad;
        if (c < t.rows[r].size()) {
          const TableCell& cell = t.rows[r][c];
          cells[c].lines = breakLines(canvas_, cell.runs, ts, inner, inner, head);
          cells[c].align = head || cell.align == 1 ? Align::Center : cell.align == 2 ? Align::Right : Align::Left;
          if (cells[c].lines.size() == 1 && cells[c].lines[0].words.empty()) cells[c].lines.clear();
        }
      }
      return cells;
    };
    auto rowLines = [](const std::vector<CellLayout>& cells) {
      size_t n = 1;
      for (const auto& c : cells) n = std::max(n, c.lines.size());
      return n;
    };
    // Draws `count` lines of each cell starting at line `from`, as one row segment at y_.
    auto drawSegment = [&](const std::vector<CellLayout>& cells, size_t from, size_t count) {
      const double h = count * lh + 2 * pad;
      double x = left_;
      for (size_t c = 0; c < cols; ++c) {
        canvas_.strokeRect(x, pdfY(y_ + h), widths[c], h, 0.5);
        for (size_t i = from; i < from + count && i < cells[c].lines.size(); ++i) {
          drawLine(canvas_, cells[c].lines[i], ts, x + pad, pdfY(baseline(y_ + pad + (i - from) * lh, ts)),
                   widths[c] - 2 * pad, cells[c].align);
        }
        x += widths[c];
      }
      y_ += h;
    };

    std::vector<std::vector<CellLayout>> header;
    double headerHeight = 0;
    for (size_t r = 0; r < t.headerRows && r < t.rows.size(); ++r) {
      header.push_back(layoutRow(r));
      headerHeight += rowLines(header.back()) * lh + 2 * pad;
    }
    auto drawHeader = [&]() {
      for (const auto& cells : header) drawSegment(cells, 0, rowLines(cells));
    };

    y_ += 2;
    // Keep the header with the first body row.
    double first = 0;
    if (t.rows.size() > t.headerRows) first = rowLines(layoutRow(t.headerRows)) * lh + 2 * pad;
    if (y_ > top_ + 1 && y_ + headerHeight + std::min(first, 3 * lh + 2 * pad) > bottom_) newPage();
    drawHeader();
    size_t bodyRowsOnPage = 0;
    for (size_t r = t.headerRows; r < t.rows.size(); ++r) {
      const auto cells = layoutRow(r);
      const size_t n = rowLines(cells);
      size_t done = 0;
      while (done < n) {
        const size_t left = n - done;
        if (y_ + left * lh + 2 * pad <= bottom_) {
          drawSegment(cells, done, left);
          done = n;
          ++bodyRowsOnPage;
          break;
        }
        const double avail = bottom_ - y_ - 2 * pad;
        const size_t fit = avail > 0 ? static_cast<size_t>(std::floor(avail / lh)) : 0;
        if (bodyRowsOnPage == 0 && y_ <= top_ + headerHeight + 1) {
          // A row taller than a page: split it between lines (at least one, so this ends).
          const size_t count = std::min(std::max<size_t>(fit, 1), left);
          drawSegment(cells, done, count);
          done += count;
          if (done == n) break;
        }
        newPage();
        drawHeader();
        bodyRowsOnPage = 0;
      }
    }
    y_ += kParagraphGap + 4;
  }

  // ---- Nơi nhận and signature ----
  // The Nơi nhận list (left) and the signature block (right), measured before drawing.
  struct Closing {
    std::vector<std::pair<std::vector<Line>, double>> left;  // lines of each entry and their size
    std::vector<std::string> titles;                        // "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    double height = 0;
  };
  static constexpr double kSignatureGap = 80;  // room for the handwritten signature and the seal
  static constexpr double kSignatureSize = 14;

  double closingLeftWidth() const { return width() * 0.45; }

  Closing measureClosing() {
    const DocumentMeta& m = doc_.meta;
    const double leftW = closingLeftWidth();
    const double rightW = width() - leftW;
    const double ns = 12, ls = 11;
    Closing c;
    c.left.push_back({breakText(canvas_, "Nơi nhận:", Face::BoldItalic, ns, leftW), ns});
    for (const std::string& r : m.recipients) {
      c.left.push_back({breakText(canvas_, "- " + r + ";", Face::Regular, ls, leftW - 4), ls});
    }
    c.left.push_back({breakText(canvas_, "- Lưu: " + m.archive + ".", Face::Regular, ls, leftW - 4), ls});
    double leftH = 3;
    for (const auto& [lines, size] : c.left) leftH += lines.size() * size * 1.15;
    // "\n" in the data starts a new title line.
    auto addLines = [&c](const std::string& text) {
      size_t start = 0;
      while (start <= text.size()) {
        const size_t nl = text.find('\n', start);
        const std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!line.empty()) c.titles.push_back(line);
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    };
    const Signature& sig = m.signature;
    if (!sig.authority.empty()) addLines(sig.prefix.empty() ? sig.authority : sig.prefix + " " + sig.authority);
    if (!sig.position.empty()) addLines(sig.position);
    size_t titleLines = 0;
    for (const auto& t : c.titles) titleLines += breakText(canvas_, t, Face::Bold, kSignatureSize, rightW).size();
    const double slh = kSignatureSize * 1.2;
    c.height = 6 + std::max(leftH, titleLines * slh + kSignatureGap + slh);
    return c;
  }

  void closing() {
    const Closing c = measureClosing();
    const double leftW = closingLeftWidth();
    const double rightX = left_ + leftW;
    const double rightW = width() - leftW;
    const double slh = kSignatureSize * 1.2;
    if (y_ + c.height > bottom_) newPage();
    const double top = y_ + 6;
    double ly = top + 3;
    for (const auto& [lines, size] : c.left) {
      for (const Line& l : lines) {
        drawLine(canvas_, l, size, left_, pdfY(ly + kAscent * size), leftW, Align::Left);
        ly += size * 1.15;
      }
    }
    double ry = top;
    ry += centred(c.titles, Face::Bold, kSignatureSize, rightX, rightW, ry, slh);
    ry += kSignatureGap;
    centred({doc_.meta.signature.name}, Face::Bold, kSignatureSize, rightX, rightW, ry, slh);
    y_ = top - 6 + c.height;
  }

  PdfCanvas& canvas_;
  const Document& doc_;
  double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0, size_ = 14;
  double y_ = 0;
  int page_ = 0;
};

}  // namespace

std::string renderDocument(const Document& doc) {
  PdfIdentity identity;
  identity.id = doc.meta.id;
  identity.title = doc.meta.type + " " + doc.meta.number;
  identity.pdfDate = doc.meta.pdfDate;
  FontSet fonts;
  PdfCanvas canvas(fonts);
  Layout(canvas, doc).run();
  const std::vector<PdfPage> pages = canvas.takePages();
  return writePdf(fonts.embed(), canvas.takeLayers(), pages, identity);
}

}  // namespace thidua::pdf
