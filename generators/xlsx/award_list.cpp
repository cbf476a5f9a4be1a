#include "generators/xlsx/award_list.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "generators/xlsx/json_fields.h"
#include "generators/xlsx/xlsx_workbook.h"

namespace thidua::xlsx {
namespace {

constexpr const char* kFont = "Times New Roman";

lxw_format* font(lxw_workbook* wb, double size) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFont);
  format_set_font_size(f, size);
  return f;
}

// Parses "YYYY-MM-DD" or "DD/MM/YYYY".
bool parseDate(const std::string& s, lxw_datetime& out) {
  int y = 0, m = 0, d = 0;
  if (s.size() == 10 && s[4] == '-' && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
  } else if (s.size() == 10 && s[2] == '/' && std::sscanf(s.c_str(), "%2d/%2d/%4d", &d, &m, &y) == 3) {
  } else {
    return false;
  }
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = lxw_datetime{y, m, d, 0, 0, 0.0};
  return true;
}

}  // namespace

AwardListLayout parseAwardListLayout(const std::string& text, const std::string& origin) {
  auto o = json::parseObject(text, origin);
  json::Where w{origin, ""};
  if (json::requireString(o, "kind", w) != "award-list") json::fail(w.child("kind"), "phải là \"award-list\"");
  AwardListLayout layout;
  layout.id = json::requireString(o, "id", w);
  layout.sheet = json::requireString(o, "sheet", w);
  layout.title = json::requireString(o, "title", w);
  auto cols = json::requireArray(o, "columns", w);
  if (cols->size() < 2 || cols->size() > 50) json::fail(w.child("columns"), "cần từ 2 đến 50 cột");
  for (size_t i = 0; i < cols->size(); ++i) {
    json::Where cw = w.child("columns").index(i);
    auto c = json::objectAt(cols, i, w.child("columns"));
    AwardListColumn col;
    col.field = json::requireString(c, "field", cw);
    col.header = json::requireString(c, "header", cw);
    col.width = json::optionalNumber(c, "width", cw, 15);
    if (col.width <= 0 || col.width > 255) json::fail(cw.child("width"), "từ 0 đến 255");
    col.type = json::optionalString(c, "type", cw, "text");
    if (col.type != "text" && col.type != "number" && col.type != "date") {
      json::fail(cw.child("type"), "phải là \"text\", \"number\" hoặc \"date\"");
    }
    layout.columns.push_back(col);
  }
  return layout;
}

struct AwardListWriter::Impl {
  Impl(const AwardListLayout& l, const std::string& path) : layout(l), wb(path, true) {}

  AwardListLayout layout;
  Workbook wb;
  lxw_worksheet* ws = nullptr;
  lxw_format* cell = nullptr;
  lxw_format* number = nullptr;
  lxw_format* date = nullptr;
  lxw_row_t row = 0;
  long count = 0;
};

AwardListWriter::AwardListWriter(const AwardListLayout& layout, const AwardListHeader& h,
                                 const std::string& path)
    : impl_(std::make_unique<Impl>(layout, path)) {
  Impl& m = *impl_;
  lxw_workbook* wb = m.wb.get();
  m.wb.setProperties(h.title, h.issuer, h.created);
  m.ws = m.wb.addSheet(layout.sheet);
  lxw_worksheet* ws = m.ws;

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
  m.cell = font(wb, 12);
  format_set_border(m.cell, LXW_BORDER_THIN);
  format_set_text_wrap(m.cell);
  format_set_align(m.cell, LXW_ALIGN_VERTICAL_CENTER);
  m.number = font(wb, 12);
  format_set_border(m.number, LXW_BORDER_THIN);
  format_set_align(m.number, LXW_ALIGN_CENTER);
  format_set_align(m.number, LXW_ALIGN_VERTICAL_CENTER);
  m.date = font(wb, 12);
  format_set_border(m.date, LXW_BORDER_THIN);
  format_set_num_format(m.date, "dd/mm/yyyy");
  format_set_align(m.date, LXW_ALIGN_CENTER);

  const auto n = static_cast<lxw_col_t>(layout.columns.size());
  for (lxw_col_t c = 0; c < n; ++c) worksheet_set_column(ws, c, c, layout.columns[c].width, nullptr);
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);

  // Header: issuing body on the left, Quốc hiệu and Tiêu ngữ on the right.
  const lxw_col_t split = n / 2;
  auto band = [&](lxw_col_t first, lxw_col_t last, const std::string& text, lxw_format* f) {
    if (last > first) {
      worksheet_merge_range(ws, m.row, first, m.row, last, text.c_str(), f);
    } else {
      worksheet_write_string(ws, m.row, first, text.c_str(), f);
    }
  };
  band(0, split - 1, h.superior, left);
  band(split, n - 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", leftBold);
  ++m.row;
  band(0, split - 1, h.issuer, leftBold);
  band(split, n - 1, "Độc lập - Tự do - Hạnh phúc", leftBold);
  m.row += 2;
  worksheet_set_row(ws, m.row, 20, nullptr);
  band(0, n - 1, h.title.empty() ? layout.title : h.title, title);
  ++m.row;
  if (!h.subtitle.empty()) {
    worksheet_set_row(ws, m.row, 36, nullptr);
    band(0, n - 1, h.subtitle, subtitle);
    ++m.row;
  }
  std::string annex = "(Kèm theo Quyết định số " + h.decisionNumber + " ngày " + h.decisionDate;
  if (!h.decidedBy.empty()) annex += " của " + h.decidedBy;
  annex += ")";
  band(0, n - 1, annex, italic);
  m.row += 2;
  worksheet_set_row(ws, m.row, 32, nullptr);
  for (lxw_col_t c = 0; c < n; ++c) {
    worksheet_write_string(ws, m.row, c, layout.columns[c].header.c_str(), header);
  }
  worksheet_repeat_rows(ws, m.row, m.row);
  worksheet_freeze_panes(ws, m.row + 1, 0);
  ++m.row;
}

AwardListWriter::~AwardListWriter() = default;

void AwardListWriter::addRow(const std::vector<std::string>& values) {
  Impl& m = *impl_;
  const auto& cols = m.layout.columns;
  if (values.size() != cols.size()) throw std::invalid_argument("số giá trị của dòng không khớp số cột");
  ++m.count;
  for (size_t c = 0; c < cols.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const std::string& v = values[c];
    if (cols[c].field == "stt") {
      worksheet_write_number(m.ws, m.row, col, static_cast<double>(m.count), m.number);
    } else if (v.empty()) {
      worksheet_write_blank(m.ws, m.row, col, m.cell);
    } else if (cols[c].type == "date") {
      lxw_datetime d;
      if (!parseDate(v, d)) {
        throw std::invalid_argument("dòng " + std::to_string(m.count) + ", cột \"" + cols[c].header +
                                    "\": ngày không hợp lệ \"" + v + "\"");
      }
      worksheet_write_datetime(m.ws, m.row, col, &d, m.date);
    } else if (cols[c].type == "number") {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0') {
        throw std::invalid_argument("dòng " + std::to_string(m.count) + ", cột \"" + cols[c].header +
                                    "\": không phải là số \"" + v + "\"");
      }
      worksheet_write_number(m.ws, m.row, col, d, m.number);
    } else {
      worksheet_write_string(m.ws, m.row, col, v.c_str(), m.cell);
    }
  }
  ++m.row;
}

void AwardListWriter::finish() { impl_->wb.commit(); }

long AwardListWriter::rows() const { return impl_->count; }

}  // namespace thidua::xlsx
