#include "generators/xlsx/form_writer.h"

#include <map>
#include <stdexcept>

#include "generators/xlsx/form_layout.h"
#include "generators/xlsx/xlsx_workbook.h"

namespace thidua::xlsx {
namespace {

constexpr const char* kFont = "Times New Roman";
constexpr uint32_t kInputFill = 0xFFF2CC;
constexpr uint32_t kHeaderFill = 0xDDEBF7;
constexpr uint32_t kNotApplicableFill = 0xD9D9D9;

lxw_format* makeFormat(lxw_workbook* wb, CellStyle style) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFont);
  format_set_font_size(f, 12);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  bool boxed = true;
  switch (style) {
    case CellStyle::Title:
      format_set_bold(f);
      format_set_font_size(f, 14);
      format_set_align(f, LXW_ALIGN_CENTER);
      boxed = false;
      break;
    case CellStyle::Subtitle:
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      boxed = false;
      break;
    case CellStyle::Note:
      format_set_italic(f);
      format_set_font_size(f, 11);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      boxed = false;
      break;
    case CellStyle::SectionTitle:
      format_set_bold(f);
      boxed = false;
      break;
    case CellStyle::Header:
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      format_set_bg_color(f, kHeaderFill);
      break;
    case CellStyle::Label:
      format_set_text_wrap(f);
      break;
    case CellStyle::LabelBold:
      format_set_bold(f);
      format_set_text_wrap(f);
      break;
    case CellStyle::Input:
      format_set_unlocked(f);
      format_set_bg_color(f, kInputFill);
      format_set_num_format(f, "#,##0");
      break;
    case CellStyle::InputText:
      format_set_unlocked(f);
      format_set_bg_color(f, kInputFill);
      format_set_text_wrap(f);
      break;
    case CellStyle::TextBox:
      format_set_unlocked(f);
      format_set_bg_color(f, kInputFill);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      break;
    case CellStyle::NotApplicable:
      format_set_bg_color(f, kNotApplicableFill);
      break;
    case CellStyle::Total:
      format_set_bold(f);
      format_set_num_format(f, "#,##0");
      break;
  }
  if (boxed) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

void check(lxw_error err, const std::string& what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(what + ": " + lxw_strerror(err));
}

// "'name'!$A$1:$A$4"-style absolute range of list `index` on the lists sheet.
std::string listRange(int index, size_t items) {
  std::string col = cellName(0, index);
  col.pop_back();  // drop the row number "1"
  return std::string("=") + kListsSheet + "!$" + col + "$1:$" + col + "$" + std::to_string(items);
}

class FormRenderer {
 public:
  FormRenderer(const FormDefinition& def, const FormData& data, Workbook& wb)
      : def_(def), data_(data), wb_(wb) {
    for (int s = static_cast<int>(CellStyle::Title); s <= static_cast<int>(CellStyle::Total); ++s) {
      formats_[static_cast<CellStyle>(s)] = makeFormat(wb.get(), static_cast<CellStyle>(s));
    }
  }

  void render() {
    FormLayout layout = layoutForm(def_, data_.unit, data_.period);
    lxw_worksheet* ws = wb_.addSheet(layout.sheet);
    lxw_worksheet* identity = wb_.addSheet(kIdentitySheet);
    lxw_worksheet* lists = wb_.addSheet(kListsSheet);
    renderForm(ws, layout);
    renderIdentity(identity);
    renderLists(lists);
    worksheet_activate(ws);
    worksheet_hide(identity);
    worksheet_hide(lists);
  }

 private:
  void renderForm(lxw_worksheet* ws, const FormLayout& layout) {
    for (size_t c = 0; c < layout.widths.size(); ++c) {
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), layout.widths[c], nullptr);
    }
    for (const auto& [row, height] : layout.rowHeights) worksheet_set_row(ws, static_cast<lxw_row_t>(row), height, nullptr);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    std::map<std::pair<int, int>, double> numbers;
    for (const LayoutCell& c : layout.cells) {
      lxw_format* f = formats_[c.style];
      const auto r = static_cast<lxw_row_t>(c.row);
      const auto col = static_cast<lxw_col_t>(c.col);
      if (c.lastCol > c.col) {
        check(worksheet_merge_range(ws, r, col, r, static_cast<lxw_col_t>(c.lastCol), "", f), "merge");
      }
      switch (c.role) {
        case CellRole::Label:
          check(worksheet_write_string(ws, r, col, c.text.c_str(), f), "write " + cellName(c.row, c.col));
          break;
        case CellRole::Blank:
          if (c.lastCol == c.col) worksheet_write_blank(ws, r, col, f);
          break;
        case CellRole::Formula: {
          double sum = 0;
          for (const auto& ref : c.refs) sum += numbers[ref];
          numbers[{c.row, c.col}] = sum;
          std::string formula = "=" + c.formula;
          check(worksheet_write_formula_num(ws, r, col, formula.c_str(), f, sum), "formula " + cellName(c.row, c.col));
          break;
        }
        case CellRole::Input:
          writeInput(ws, c, f, numbers);
          break;
      }
    }
    lxw_protection protection{};
    worksheet_protect(ws, nullptr, &protection);
  }

  void writeInput(lxw_worksheet* ws, const LayoutCell& c, lxw_format* f,
                  std::map<std::pair<int, int>, double>& numbers) {
    const auto r = static_cast<lxw_row_t>(c.row);
    const auto col = static_cast<lxw_col_t>(c.col);
    auto it = data_.values.find(c.field);
    if (it != data_.values.end() && it->second.isNumber) {
      numbers[{c.row, c.col}] = static_cast<double>(it->second.number);
      worksheet_write_number(ws, r, col, static_cast<double>(it->second.number), f);
    } else if (it != data_.values.end() && !it->second.text.empty()) {
      worksheet_write_string(ws, r, col, it->second.text.c_str(), f);
    } else if (c.lastCol == c.col) {
      worksheet_write_blank(ws, r, col, f);
    }
    lxw_data_validation v{};
    std::string listFormula;
    if (c.type == InputType::Integer) {
      v.validate = LXW_VALIDATION_TYPE_INTEGER;
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = 0;
      v.error_title = const_cast<char*>("Số liệu không hợp lệ");
      v.error_message = const_cast<char*>("Nhập số nguyên không âm: 0, 1, 2, ...");
    } else if (c.type == InputType::List) {
      // A list formula to a range on the hidden sheet: inline lists over 255 bytes crash libxlsxwriter.
      int index = 0;
      size_t items = 0;
      for (size_t i = 0; i < def_.lists.size(); ++i) {
        if (def_.lists[i].first == c.list) {
          index = static_cast<int>(i);
          items = def_.lists[i].second.size();
        }
      }
      listFormula = listRange(index, items);
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = const_cast<char*>(listFormula.c_str());
      v.error_title = const_cast<char*>("Giá trị không hợp lệ");
      v.error_message = const_cast<char*>("Chọn một giá trị trong danh sách.");
    } else {
      return;
    }
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    check(worksheet_data_validation_range(ws, r, col, r, static_cast<lxw_col_t>(c.lastCol), &v),
          "validation " + cellName(c.row, c.col));
  }

  void renderIdentity(lxw_worksheet* ws) {
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    worksheet_set_column(ws, 1, 1, 60, nullptr);
    const std::string values[4] = {def_.id, "", data_.unit, data_.period};
    for (int i = 0; i < 4; ++i) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, kIdentityLabels[i], nullptr);
      if (i == 1) {
        worksheet_write_number(ws, 1, 1, def_.version, nullptr);
      } else {
        worksheet_write_string(ws, static_cast<lxw_row_t>(i), 1, values[i].c_str(), nullptr);
      }
    }
    lxw_protection protection{};
    worksheet_protect(ws, nullptr, &protection);
  }

  void renderLists(lxw_worksheet* ws) {
    for (size_t i = 0; i < def_.lists.size(); ++i) {
      const auto& items = def_.lists[i].second;
      worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), 40, nullptr);
      for (size_t k = 0; k < items.size(); ++k) {
        worksheet_write_string(ws, static_cast<lxw_row_t>(k), static_cast<lxw_col_t>(i), items[k].c_str(), nullptr);
      }
    }
    lxw_protection protection{};
    worksheet_protect(ws, nullptr, &protection);
  }

  const FormDefinition& def_;
  const FormData& data_;
  Workbook& wb_;
  std::map<CellStyle, lxw_format*> formats_;
};

}  // namespace

void writeForm(const FormDefinition& def, const FormData& data, const std::string& path) {
  Workbook wb(path, false);
  wb.setProperties(def.name + " - " + data.unit + " - " + data.period, data.unit, data.created);
  FormRenderer(def, data, wb).render();
  wb.commit();
}

}  // namespace thidua::xlsx
