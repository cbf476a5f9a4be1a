#include "generators/xlsx/award_list_template.h"

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>

#include "generators/common/file_io.h"
#include "generators/xlsx/shared_strings.h"
#include "generators/xlsx/sheet_xml.h"
#include "generators/xlsx/xlsx_workbook.h"
#include "generators/xlsx/zip_index.h"

namespace thidua::xlsx {
namespace {

constexpr const char* kFont = "Times New Roman";
constexpr const char* kDimensionOpen = "<dimension ref=\"";

lxw_format* font(lxw_workbook* wb, double size) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFont);
  format_set_font_size(f, size);
  return f;
}

// The value of attribute `name` in the element starting at `at` (up to its '>'), or "" if absent.
std::string attribute(const std::string& xml, size_t at, const char* name) {
  const size_t end = xml.find('>', at);
  const std::string key = std::string(" ") + name + "=\"";
  const size_t p = xml.find(key, at);
  if (p == std::string::npos || p > end) return "";
  const size_t v = p + key.size();
  return xml.substr(v, xml.find('"', v) - v);
}

// libxlsxwriter writes the whole workbook: header rows, then the two sample rows.
uint32_t writeWorkbook(const AwardListLayout& layout, const AwardListHeader& h, const std::vector<CellKind>& kinds,
                       const std::string& scratchPath) {
  Workbook book(scratchPath, false);
  lxw_workbook* wb = book.get();
  book.setProperties(h.title, h.issuer, h.created);
  lxw_worksheet* ws = book.addSheet(layout.sheet);

  lxw_format* left = font(wb, 12);
  format_set_align(left, LXW_ALIGN_CENTER);
  lxw_format* leftBold = font(wb, 12);
  format_set_bold(leftBold);
  format_set_align(leftBold, LXW_ALIGN_CENTER);
  lxw_format* title = font(wb, 14);
  format_set_bold(title);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* subtitle = font(wb, 13);
  format_set_bold(subtitle);
  format_set_align(subtitle, LXW_ALIGN_CENTER);
  format_set_text_wrap(subtitle);
  lxw_format* italic = font(wb, 13);
  format_set_italic(italic);
  format_set_align(italic, LXW_ALIGN_CENTER);
  format_set_text_wrap(italic);
  lxw_format* header = font(wb, 12);
  format_set_bold(header);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  lxw_format* cell = font(wb, 12);
  format_set_border(cell, LXW_BORDER_THIN);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* number = font(wb, 12);
  format_set_border(number, LXW_BORDER_THIN);
  format_set_align(number, LXW_ALIGN_CENTER);
  format_set_align(number, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* date = font(wb, 12);
  format_set_border(date, LXW_BORDER_THIN);
  format_set_num_format(date, "dd/mm/yyyy");
  format_set_align(date, LXW_ALIGN_CENTER);

  const auto n = static_cast<lxw_col_t>(layout.columns.size());
  for (lxw_col_t c = 0; c < n; ++c) worksheet_set_column(ws, c, c, layout.columns[c].width, nullptr);
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);

  // Header: issuing body on the left, Quốc hiệu and Tiêu ngữ on the right.
  lxw_row_t row = 0;
  const lxw_col_t split = n / 2;
  auto band = [&](lxw_col_t first, lxw_col_t last, const std::string& text, lxw_format* f) {
    if (last > first) {
      worksheet_merge_range(ws, row, first, row, last, text.c_str(), f);
    } else {
      worksheet_write_string(ws, row, first, text.c_str(), f);
    }
  };
  band(0, split - 1, h.superior, left);
  band(split, n - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", leftBold);
  ++row;
  band(0, split - 1, h.issuer, leftBold);
  band(split, n - 1, "Độc lập - Tự do - Hạnh phúc", leftBold);
  row += 2;
  worksheet_set_row(ws, row, 20, nullptr);
  band(0, n - 1, h.title.empty() ? layout.title : h.title, title);
  ++row;
  if (!h.subtitle.empty()) {
    worksheet_set_row(ws, row, 36, nullptr);
    band(0, n - 1, h.subtitle, subtitle);
    ++row;
  }
  std::string annex = "(Kèm theo Quyết định số " + h.decisionNumber + " ngày " + h.decisionDate;
  if (!h.decidedBy.empty()) annex += " của " + h.decidedBy;
  annex += ")";
  band(0, n - 1, annex, italic);
  row += 2;
  worksheet_set_row(ws, row, 32, nullptr);
  for (lxw_col_t c = 0; c < n; ++c) worksheet_write_string(ws, row, c, layout.columns[c].header.c_str(), header);
  worksheet_repeat_rows(ws, row, row);
  worksheet_freeze_panes(ws, row + 1, 0);
  ++row;

  const uint32_t firstRow = row + 1;
  for (lxw_col_t c = 0; c < n; ++c) {
    const CellKind k = kinds[c];
    lxw_format* f = k == CellKind::Counter || k == CellKind::Number ? number : k == CellKind::Date ? date : cell;
    worksheet_write_number(ws, row, c, 0, f);
    worksheet_write_number(ws, row + 1, c, 0, cell);
  }
  book.commit();
  return firstRow;
}

// Cuts the sheet XML around the sample rows and reads their styles.
void cut(const AwardListLayout& layout, AwardListTemplate& t) {
  std::string xml;
  for (const ZipEntryData& e : indexZip(t.archive)) {
    if (e.name == AwardListTemplate::kSheetPart) xml = inflateEntry(e);
    if (e.name == AwardListTemplate::kStringsPart) t.sharedStrings = inflateEntry(e);
  }
  if (xml.empty() || t.sharedStrings.empty()) throw std::runtime_error("mẫu XLSX thiếu trang tính hoặc bảng chuỗi");
  const std::string first = "<row r=\"" + std::to_string(t.firstRow) + "\"";
  const std::string second = "<row r=\"" + std::to_string(t.firstRow + 1) + "\"";
  const size_t a = xml.find(first), b = xml.find(second), end = xml.find("</sheetData>");
  if (a == std::string::npos || b == std::string::npos || end == std::string::npos || !(a < b && b < end)) {
    throw std::runtime_error("mẫu XLSX: không tìm thấy dòng mẫu");
  }
  const size_t n = layout.columns.size();
  t.valueStyle.assign(n, "");
  t.blankStyle.assign(n, "");
  auto styles = [&](size_t from, size_t to, std::vector<std::string>& out) {
    size_t seen = 0;
    for (size_t p = xml.find("<c ", from); p < to; p = xml.find("<c ", p + 1)) {
      const std::string s = attribute(xml, p, "s");
      if (seen < n) out[seen] = s.empty() ? "" : " s=\"" + s + "\"";
      ++seen;
    }
    if (seen != n) throw std::runtime_error("mẫu XLSX: dòng mẫu không đủ ô");
  };
  styles(a, b, t.valueStyle);
  styles(b, end, t.blankStyle);

  t.sheetHead = xml.substr(0, a);
  t.sheetTail = xml.substr(end);
  t.dimensionAt = t.sheetHead.find(kDimensionOpen);
  const size_t dimensionEnd =
      t.dimensionAt == std::string::npos ? t.dimensionAt : t.sheetHead.find("/>", t.dimensionAt);
  if (dimensionEnd == std::string::npos) throw std::runtime_error("mẫu XLSX: không tìm thấy <dimension>");
  t.sheetHead.replace(t.dimensionAt, dimensionEnd + 2 - t.dimensionAt,
                      std::string(AwardListTemplate::kDimensionWidth, ' '));

  t.sharedCount = sharedStringCount(t.sharedStrings);
}

}  // namespace

std::string AwardListTemplate::dimension(size_t columns, uint32_t lastRow) const {
  std::string d = std::string(kDimensionOpen) + "A1:" + columnLetters(static_cast<unsigned>(columns - 1)) +
                  std::to_string(lastRow) + "\"/>";
  d.resize(kDimensionWidth, ' ');
  return d;
}

AwardListTemplate buildAwardListTemplate(const AwardListLayout& layout, const AwardListHeader& header,
                                         const std::vector<CellKind>& kinds, const std::string& scratchPath) {
  AwardListTemplate t;
  try {
    t.firstRow = writeWorkbook(layout, header, kinds, scratchPath);
    std::optional<std::string> archive = readWholeFile(scratchPath);
    if (!archive) throw std::runtime_error("không đọc được tệp tạm " + scratchPath);
    t.archive = std::move(*archive);
  } catch (...) {
    std::remove(scratchPath.c_str());
    throw;
  }
  std::remove(scratchPath.c_str());
  cut(layout, t);
  return t;
}

}  // namespace thidua::xlsx
