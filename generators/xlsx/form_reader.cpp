#include "generators/common/unicode.h"
#include "generators/xlsx/form_reader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "generators/xlsx/workbook_reader.h"

namespace thidua::xlsx {
namespace {

constexpr size_t kMaxErrors = 200;

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string nfcOrRaw(const std::string& s) {
  try {
    return toNfc(s);
  } catch (const std::invalid_argument&) {
    return s;
  }
}

// "SUM(C5:F5)" and "=sum( c5:f5 )" compare equal.
std::string normaliseFormula(const std::string& f) {
  std::string out;
  for (char c : f) {
    if (c == ' ' || c == '$') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (!out.empty() && out[0] == '=') out.erase(0, 1);
  return out;
}

std::string shown(const RawCell& c) {
  if (c.hasFormula) return "=" + c.formula;
  if (c.type == 'b') return c.value == "1" ? "TRUE" : "FALSE";
  return c.value;
}

bool isEmpty(const RawCell& c) {
  return !c.hasFormula && (!c.hasValue || (c.type != 'n' && trim(c.value).empty()) || c.value.empty());
}

class FormChecker {
 public:
  FormChecker(const FormDefinition& def, const FormLayout& layout, FormReadResult& out)
      : def_(def), layout_(layout), out_(out) {}

  void cell(int row, int col, const RawCell& c) {
    const LayoutCell* lc = layout_.covering(row, col);
    if (!lc || lc->row != row || lc->col != col) {
      if (!isEmpty(c)) locked(cellName(row, col), "ô khoá đã bị nhập \"" + shown(c) + "\"");
      return;
    }
    switch (lc->role) {
      case CellRole::Label: {
        seenLabels_.insert({row, col});
        std::string text = nfcOrRaw(c.value);
        if (c.hasFormula || text != lc->text) {
          locked(cellName(row, col), "ô nhãn đã bị sửa: cần \"" + lc->text + "\", tệp có \"" + shown(c) + "\"");
        }
        break;
      }
      case CellRole::Blank:
        if (!isEmpty(c)) locked(cellName(row, col), "ô khoá đã bị nhập \"" + shown(c) + "\"");
        break;
      case CellRole::Formula:
        seenFormulas_.insert({row, col});
        if (!c.hasFormula || (!c.sharedFormula && normaliseFormula(c.formula) != normaliseFormula(lc->formula))) {
          locked(cellName(row, col), "công thức đã bị sửa: cần \"=" + lc->formula + "\", tệp có \"" + shown(c) + "\"");
        }
        break;
      case CellRole::Input:
        inputs_[{row, col}] = c;
        break;
    }
  }

  void finish() {
    for (const LayoutCell& lc : layout_.cells) {
      if (lc.role == CellRole::Label && !lc.text.empty() && !seenLabels_.count({lc.row, lc.col})) {
        locked(cellName(lc.row, lc.col), "ô nhãn \"" + lc.text + "\" đã bị xoá");
      } else if (lc.role == CellRole::Formula && !seenFormulas_.count({lc.row, lc.col})) {
        locked(cellName(lc.row, lc.col), "công thức \"=" + lc.formula + "\" đã bị xoá");
      }
    }
    for (const LayoutCell& lc : layout_.cells) {
      if (lc.role != CellRole::Input) continue;
      auto it = inputs_.find({lc.row, lc.col});
      std::optional<FieldValue> v;
      if (it != inputs_.end() && !isEmpty(it->second)) v = typed(lc, it->second);
      if (!v && lc.required && !failed_.count(lc.field)) {
        add(ReadErrorCode::MissingValue, cellName(lc.row, lc.col), "chưa nhập \"" + lc.caption + "\" (bắt buộc)");
      }
      out_.values.emplace_back(lc.field, v);
    }
  }

 private:
  std::optional<FieldValue> typed(const LayoutCell& lc, const RawCell& c) {
    const std::string name = cellName(lc.row, lc.col);
    FieldValue v;
    if (lc.type == InputType::Integer) {
      double d = 0;
      bool numeric = false;
      if (c.type == 'n' && !c.hasFormula) {
        char* end = nullptr;
        d = std::strtod(c.value.c_str(), &end);
        numeric = end != c.value.c_str() && *end == '\0' && std::isfinite(d);
      } else if (c.type == 's' && !c.hasFormula) {
        std::string t = trim(c.value);
        size_t i = (!t.empty() && t[0] == '-') ? 1 : 0;
        numeric = i < t.size() && t.size() - i <= 15 && t.find_first_not_of("0123456789", i) == std::string::npos;
        if (numeric) d = std::strtod(t.c_str(), nullptr);
      }
      if (!numeric) {
        fail(lc, ReadErrorCode::NotANumber, name, "\"" + lc.caption + "\" phải là số, tệp có \"" + shown(c) + "\"");
        return std::nullopt;
      }
      if (d < 0) {
        fail(lc, ReadErrorCode::NegativeNumber, name, "\"" + lc.caption + "\" không được âm, tệp có " + trim(c.value));
        return std::nullopt;
      }
      if (std::floor(d) != d || d > 1e15) {
        fail(lc, ReadErrorCode::NotWholeNumber, name, "\"" + lc.caption + "\" phải là số nguyên, tệp có " + c.value);
        return std::nullopt;
      }
      v.isNumber = true;
      v.number = static_cast<long long>(d);
      return v;
    }
    v.text = trim(nfcOrRaw(c.hasFormula || c.type == 'b' ? shown(c) : c.value));
    if (lc.type == InputType::List) {
      const auto* items = def_.findList(lc.list);
      if (!items || std::find(items->begin(), items->end(), v.text) == items->end()) {
        fail(lc, ReadErrorCode::InvalidListValue, name, "\"" + lc.caption + "\" phải chọn trong danh sách, tệp có \"" + v.text + "\"");
        return std::nullopt;
      }
    }
    return v;
  }

  void fail(const LayoutCell& lc, ReadErrorCode code, const std::string& cell, const std::string& message) {
    failed_.insert(lc.field);
    add(code, cell, message);
  }

  void locked(const std::string& cell, const std::string& message) {
    add(ReadErrorCode::LockedCellEdited, cell, message);
  }

  void add(ReadErrorCode code, const std::string& cell, const std::string& message) {
    if (out_.errors.size() >= kMaxErrors) return;
    out_.errors.push_back({code, layout_.sheet, cell, "Trang \"" + layout_.sheet + "\", ô " + cell + ": " + message});
  }

  const FormDefinition& def_;
  const FormLayout& layout_;
  FormReadResult& out_;
  std::set<std::pair<int, int>> seenLabels_, seenFormulas_;
  std::map<std::pair<int, int>, RawCell> inputs_;
  std::set<std::string> failed_;
};

// Reads the hidden identity sheet: B1 form id, B2 version, B3 unit, B4 period.
FormIdentity readIdentity(WorkbookReader& wb) {
  const SheetInfo* sheet = wb.findSheet(kIdentitySheet);
  if (!sheet) {
    throw ReadFailure(ReadErrorCode::WrongForm,
                      "Tệp không phải biểu mẫu báo cáo do thidua tạo ra (không có trang thông tin biểu mẫu \"" +
                          std::string(kIdentitySheet) + "\")");
  }
  std::string values[4];
  wb.readSheet(*sheet, [&](int row, int col, const RawCell& c) {
    if (col == 1 && row >= 0 && row < 4) values[row] = nfcOrRaw(trim(c.value));
  });
  FormIdentity id;
  id.formId = values[0];
  char* end = nullptr;
  long v = std::strtol(values[1].c_str(), &end, 10);
  id.version = (end != values[1].c_str() && (*end == '\0' || std::string(end) == ".0")) ? static_cast<int>(v) : -1;
  id.unit = values[2];
  id.period = values[3];
  return id;
}

ReadError identityError(ReadErrorCode code, const std::string& message) {
  return ReadError{code, kIdentitySheet, "", message};
}

void readInto(const std::string& path, const ReadOptions& options, FormReadResult& out) {
  WorkbookReader wb(path);
  out.identity = readIdentity(wb);
  const FormIdentity& id = out.identity;
  const FormDefinition* def = options.form;
  if (!def && options.catalog) def = options.catalog->find(id.formId);
  if (!def) {
    out.errors.push_back(identityError(ReadErrorCode::WrongForm, "Không nhận ra biểu mẫu \"" + id.formId + "\""));
    return;
  }
  if (id.formId != def->id) {
    out.errors.push_back(identityError(ReadErrorCode::WrongForm, "Tệp là biểu mẫu \"" + id.formId +
                                                                     "\", không phải biểu mẫu \"" + def->id + "\" (" +
                                                                     def->name + ")"));
    return;
  }
  if (id.version != def->version) {
    out.errors.push_back(identityError(ReadErrorCode::WrongVersion,
                                       "Tệp dùng biểu mẫu \"" + def->id + "\" phiên bản " +
                                           (id.version < 0 ? "không rõ" : std::to_string(id.version)) +
                                           ", cần phiên bản " + std::to_string(def->version) +
                                           "; hãy tải biểu mẫu mới"));
    return;
  }
  if (!options.unit.empty() && id.unit != nfcOrRaw(options.unit)) {
    out.errors.push_back(identityError(ReadErrorCode::WrongUnit, "Tệp là báo cáo của đơn vị \"" + id.unit +
                                                                     "\", không phải của \"" + options.unit + "\""));
    return;
  }
  if (!options.period.empty() && id.period != nfcOrRaw(options.period)) {
    out.errors.push_back(identityError(ReadErrorCode::WrongPeriod, "Tệp là báo cáo kỳ \"" + id.period +
                                                                       "\", không phải kỳ \"" + options.period + "\""));
    return;
  }
  const SheetInfo* sheet = wb.findSheet(def->sheet);
  if (!sheet) {
    out.errors.push_back(ReadError{ReadErrorCode::WrongForm, def->sheet, "",
                                   "Tệp không có trang \"" + def->sheet + "\" của biểu mẫu \"" + def->id + "\""});
    return;
  }
  FormLayout layout = layoutForm(*def, id.unit, id.period);
  FormChecker checker(*def, layout, out);
  wb.readSheet(*sheet, [&](int row, int col, const RawCell& c) { checker.cell(row, col, c); });
  checker.finish();
}

}  // namespace

FormReadResult readForm(const std::string& path, const ReadOptions& options) {
  FormReadResult out;
  try {
    readInto(path, options, out);
  } catch (const ReadFailure& f) {
    out.errors.assign(1, f.error());
  }
  if (!out.errors.empty()) out.values.clear();
  return out;
}

std::string formReadResultToJson(const FormReadResult& r) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("ok", r.ok());
  if (r.ok()) {
    o.set("form", r.identity.formId);
    o.set("version", r.identity.version);
    o.set("unit", r.identity.unit);
    o.set("period", r.identity.period);
    Poco::JSON::Object values(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [field, v] : r.values) {
      if (!v) {
        values.set(field, Poco::Dynamic::Var());
      } else if (v->isNumber) {
        values.set(field, static_cast<Poco::Int64>(v->number));
      } else {
        values.set(field, v->text);
      }
    }
    o.set("values", values);
  } else {
    Poco::JSON::Array errors;
    for (const auto& e : r.errors) {
      Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
      j.set("code", codeName(e.code));
      j.set("sheet", e.sheet);
      j.set("cell", e.cell);
      j.set("message", e.message);
      errors.add(j);
    }
    o.set("errors", errors);
  }
  std::ostringstream s;
  o.stringify(s, 2);
  return s.str();
}

}  // namespace thidua::xlsx
