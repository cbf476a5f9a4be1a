#include "generators/xlsx/form_layout.h"

namespace thidua::xlsx {
namespace {

std::string substitute(std::string text, const std::string& unit, const std::string& period) {
  for (const auto& [name, value] : {std::pair<std::string, std::string>{"{unit}", unit},
                                    std::pair<std::string, std::string>{"{period}", period}}) {
    size_t at = 0;
    while ((at = text.find(name, at)) != std::string::npos) {
      text.replace(at, name.size(), value);
      at += value.size();
    }
  }
  return text;
}

class Planner {
 public:
  explicit Planner(FormLayout& out) : out_(out) {}

  LayoutCell& add(int row, int col, int lastCol, CellRole role, CellStyle style) {
    LayoutCell c;
    c.row = row;
    c.col = col;
    c.lastCol = lastCol;
    c.role = role;
    c.style = style;
    out_.cells.push_back(c);
    return out_.cells.back();
  }
  LayoutCell& label(int row, int col, int lastCol, CellStyle style, const std::string& text) {
    LayoutCell& c = add(row, col, lastCol, CellRole::Label, style);
    c.text = text;
    return c;
  }
  LayoutCell& input(int row, int col, int lastCol, const std::string& field, InputType type,
                    const std::string& list, bool required, CellStyle style) {
    LayoutCell& c = add(row, col, lastCol, CellRole::Input, style);
    c.field = field;
    c.type = type;
    c.list = list;
    c.required = required;
    return c;
  }

 private:
  FormLayout& out_;
};

bool isNumeric(const CellSpec& c) {
  return c.kind == CellSpec::Kind::RowTotal ||
         (c.kind == CellSpec::Kind::Input && c.type == InputType::Integer);
}

}  // namespace

const LayoutCell* FormLayout::at(int row, int col) const {
  auto it = index_.find({row, col});
  return it == index_.end() ? nullptr : &cells[it->second];
}

const LayoutCell* FormLayout::covering(int row, int col) const {
  auto it = index_.upper_bound({row, col});
  if (it == index_.begin()) return nullptr;
  --it;
  const LayoutCell& c = cells[it->second];
  return (c.row == row && col >= c.col && col <= c.lastCol) ? &c : nullptr;
}

FormLayout layoutForm(const FormDefinition& def, const std::string& unit, const std::string& period) {
  FormLayout out;
  out.sheet = def.sheet;
  out.widths = def.widths;
  size_t rowsEstimate = def.title.size() + 2;
  for (const FormSection& s : def.sections) rowsEstimate += s.rows.size() + 2 * s.fields.size() + 4;
  out.cells.reserve(rowsEstimate * def.widths.size());
  Planner p(out);
  const int last = static_cast<int>(def.widths.size()) - 1;
  const int firstValue = def.labelColumns;
  int row = 0;
  for (size_t i = 0; i < def.title.size(); ++i) {
    p.label(row, 0, last, i == 0 ? CellStyle::Title : CellStyle::Subtitle,
            substitute(def.title[i], unit, period));
    out.rowHeights[row] = i == 0 ? 22 : 18;
    ++row;
  }
  if (!def.note.empty()) {
    p.label(row, 0, last, CellStyle::Note, substitute(def.note, unit, period));
    out.rowHeights[row] = 30;
    ++row;
  }
  for (const FormSection& s : def.sections) {
    ++row;  // one empty row before each section
    if (!s.title.empty()) {
      p.label(row, 0, last, CellStyle::SectionTitle, s.title);
      out.rowHeights[row] = 18;
      ++row;
    }
    if (s.kind == SectionKind::Grid) {
      for (int c = 0; c < def.labelColumns; ++c) p.label(row, c, c, CellStyle::Header, s.labelHeaders[c]);
      for (size_t j = 0; j < s.columns.size(); ++j) {
        int c = firstValue + static_cast<int>(j);
        p.label(row, c, c, CellStyle::Header, s.columns[j].header);
      }
      out.rowHeights[row] = 33;
      ++row;
      const int firstRow = row;
      for (const GridRow& r : s.rows) {
        for (int c = 0; c < def.labelColumns; ++c) {
          p.label(row, c, c, r.bold ? CellStyle::LabelBold : CellStyle::Label, r.labels[c]);
        }
        for (size_t j = 0; j < r.cells.size(); ++j) {
          const CellSpec& spec = r.cells[j];
          int c = firstValue + static_cast<int>(j);
          if (spec.kind == CellSpec::Kind::None) {
            p.add(row, c, c, CellRole::Blank, CellStyle::NotApplicable);
          } else if (spec.kind == CellSpec::Kind::Input) {
            p.input(row, c, c, r.key + "." + s.columns[j].key, spec.type, spec.list, s.required,
                    spec.type == InputType::Integer ? CellStyle::Input : CellStyle::InputText)
                .caption = r.labels.back() + " – " + s.columns[j].header;
          } else {
            LayoutCell& f = p.add(row, c, c, CellRole::Formula, CellStyle::Total);
            f.formula = "SUM(" + cellName(row, firstValue) + ":" + cellName(row, c - 1) + ")";
            for (size_t k = 0; k < j; ++k) {
              if (isNumeric(r.cells[k])) f.refs.emplace_back(row, firstValue + static_cast<int>(k));
            }
          }
        }
        ++row;
      }
      if (!s.totalLabel.empty()) {
        p.label(row, 0, def.labelColumns - 1, CellStyle::LabelBold, s.totalLabel);
        for (size_t j = 0; j < s.columns.size(); ++j) {
          int c = firstValue + static_cast<int>(j);
          std::vector<std::pair<int, int>> refs;
          for (size_t k = 0; k < s.rows.size(); ++k) {
            if (isNumeric(s.rows[k].cells[j])) refs.emplace_back(firstRow + static_cast<int>(k), c);
          }
          if (refs.empty()) {
            p.add(row, c, c, CellRole::Blank, CellStyle::NotApplicable);
          } else {
            LayoutCell& f = p.add(row, c, c, CellRole::Formula, CellStyle::Total);
            f.formula = "SUM(" + cellName(firstRow, c) + ":" + cellName(row - 1, c) + ")";
            f.refs = refs;
          }
        }
        ++row;
      }
    } else if (s.kind == SectionKind::Fields) {
      for (const FormField& f : s.fields) {
        p.label(row, 0, def.labelColumns - 1, CellStyle::Label, f.label);
        p.input(row, firstValue, last, f.key, f.type, f.list, f.required,
                f.type == InputType::Integer ? CellStyle::Input : CellStyle::InputText)
            .caption = f.label;
        if (f.height > 0) out.rowHeights[row] = f.height;
        ++row;
      }
    } else {
      for (const FormField& f : s.fields) {
        p.label(row, 0, last, CellStyle::Label, f.label);
        ++row;
        p.input(row, 0, last, f.key, InputType::Text, "", f.required, CellStyle::TextBox).caption = f.label;
        out.rowHeights[row] = f.height;
        ++row;
      }
    }
  }
  out.rows = row;
  for (size_t i = 0; i < out.cells.size(); ++i) out.index_[{out.cells[i].row, out.cells[i].col}] = i;
  return out;
}

std::string cellName(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

bool parseColumnName(const std::string& letters, int& col) {
  if (letters.empty() || letters.size() > 3) return false;
  int c = 0;
  for (char ch : letters) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return false;
    c = c * 26 + (ch - 'A' + 1);
  }
  col = c - 1;
  return true;
}

bool parseCellName(const std::string& name, int& row, int& col) {
  size_t i = 0;
  std::string letters;
  if (i < name.size() && name[i] == '$') ++i;
  while (i < name.size() && ((name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= 'a' && name[i] <= 'z'))) {
    letters.push_back(name[i++]);
  }
  if (i < name.size() && name[i] == '$') ++i;
  if (i >= name.size() || !parseColumnName(letters, col)) return false;
  long r = 0;
  for (; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
    r = r * 10 + (name[i] - '0');
    if (r > 1048576) return false;
  }
  if (r < 1) return false;
  row = static_cast<int>(r - 1);
  return true;
}

}  // namespace thidua::xlsx
