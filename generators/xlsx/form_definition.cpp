#include "generators/xlsx/form_definition.h"

#include <set>
#include <stdexcept>

#include "generators/xlsx/json_fields.h"

namespace thidua::xlsx {
namespace {

bool isKey(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

std::string requireKey(JsonReader& o) {
  std::string key = o.text("key");
  if (!isKey(key)) o.fail("key", "chỉ gồm chữ thường không dấu, số, '_' hoặc '-'");
  return key;
}

std::string itemName(const std::string& name, size_t i) { return name + "[" + std::to_string(i) + "]"; }

// "integer" | "text" | "list:NAME" for fields; "n" | "t" | "list:NAME" | "sum" | "-" for grid cells.
// `name` is where the code sits in `o`, for messages.
void parseType(const std::string& code, const FormDefinition& def, JsonReader& o, const std::string& name,
               InputType& type, std::string& list) {
  if (code == "integer" || code == "n") {
    type = InputType::Integer;
  } else if (code == "text" || code == "t") {
    type = InputType::Text;
  } else if (code.rfind("list:", 0) == 0) {
    type = InputType::List;
    list = code.substr(5);
    if (!def.findList(list)) o.fail(name, "không có danh sách \"" + list + "\" trong \"lists\"");
  } else {
    o.fail(name, "kiểu không hợp lệ \"" + code + "\" (integer, text, list:TÊN)");
  }
}

void claimKey(std::set<std::string>& keys, const std::string& key, JsonReader& o, const std::string& name) {
  if (!keys.insert(key).second) o.fail(name, "mã trường \"" + key + "\" bị trùng");
}

FormSection parseGrid(JsonReader& o, const FormDefinition& def, std::set<std::string>& keys) {
  FormSection s;
  s.kind = SectionKind::Grid;
  s.title = o.optionalText("title").value_or("");
  s.totalLabel = o.optionalText("total").value_or("");
  s.required = o.optionalBoolean("required").value_or(true);
  s.labelHeaders = o.texts("labelHeaders");
  if (static_cast<int>(s.labelHeaders.size()) != def.labelColumns) {
    o.fail("labelHeaders", "cần đúng " + std::to_string(def.labelColumns) + " tiêu đề");
  }
  std::vector<JsonReader> cols = o.objects("columns");
  size_t valueColumns = def.widths.size() - static_cast<size_t>(def.labelColumns);
  if (cols.size() == 0 || cols.size() > valueColumns) {
    o.fail("columns", "cần từ 1 đến " + std::to_string(valueColumns) + " cột số liệu");
  }
  std::set<std::string> colKeys;
  for (JsonReader& c : cols) {
    GridColumn col;
    col.key = requireKey(c);
    col.header = c.text("header");
    if (!colKeys.insert(col.key).second) c.fail("key", "mã cột bị trùng");
    s.columns.push_back(col);
  }
  std::vector<JsonReader> rows = o.objects("rows");
  if (rows.size() == 0) o.fail("rows", "cần ít nhất một dòng");
  for (JsonReader& r : rows) {
    GridRow row;
    row.key = requireKey(r);
    row.bold = r.optionalBoolean("bold").value_or(false);
    row.labels = r.texts("labels");
    if (static_cast<int>(row.labels.size()) != def.labelColumns) {
      r.fail("labels", "cần đúng " + std::to_string(def.labelColumns) + " nhãn");
    }
    const std::vector<std::string> cells = r.texts("cells");
    if (cells.size() != s.columns.size()) {
      r.fail("cells", "cần đúng " + std::to_string(s.columns.size()) + " ô (một ô mỗi cột)");
    }
    bool numeric = false;
    for (size_t j = 0; j < cells.size(); ++j) {
      const std::string& code = cells[j];
      CellSpec cell;
      if (code == "-") {
        cell.kind = CellSpec::Kind::None;
      } else if (code == "sum") {
        cell.kind = CellSpec::Kind::RowTotal;
        if (!numeric) {
          r.fail(itemName("cells", j), "ô \"sum\" cần ít nhất một ô số \"n\" đứng trước trong dòng");
        }
      } else {
        cell.kind = CellSpec::Kind::Input;
        parseType(code, def, r, itemName("cells", j), cell.type, cell.list);
        if (cell.type == InputType::Integer) numeric = true;
        claimKey(keys, row.key + "." + s.columns[j].key, r, itemName("cells", j));
      }
      row.cells.push_back(cell);
    }
    s.rows.push_back(row);
  }
  return s;
}

FormSection parseFields(JsonReader& o, SectionKind kind, const FormDefinition& def, std::set<std::string>& keys) {
  FormSection s;
  s.kind = kind;
  s.title = o.optionalText("title").value_or("");
  std::vector<JsonReader> fields = o.objects("fields");
  if (fields.size() == 0) o.fail("fields", "cần ít nhất một trường");
  for (JsonReader& f : fields) {
    FormField field;
    field.key = requireKey(f);
    claimKey(keys, field.key, f, "key");
    field.label = f.text("label");
    field.required = f.optionalBoolean("required").value_or(false);
    field.height = f.optionalNumber("height").value_or(kind == SectionKind::Text ? 90 : 0);
    if (field.height < 0 || field.height > 409) f.fail("height", "từ 0 đến 409");
    if (kind == SectionKind::Text) {
      field.type = InputType::Text;
    } else {
      parseType(f.text("type"), def, f, "type", field.type, field.list);
    }
    s.fields.push_back(field);
  }
  return s;
}

}  // namespace

const std::vector<std::string>* FormDefinition::findList(const std::string& name) const {
  for (const auto& l : lists) {
    if (l.first == name) return &l.second;
  }
  return nullptr;
}

FormDefinition parseFormDefinition(const std::string& text, const std::string& origin) {
  JsonReader o = json::read(text, origin);
  if (o.text("kind") != "report-form") o.fail("kind", "phải là \"report-form\"");
  FormDefinition def;
  def.id = o.text("id");
  if (!isKey(def.id)) o.fail("id", "chỉ gồm chữ thường không dấu, số, '_' hoặc '-'");
  def.version = static_cast<int>(o.integer("version", 1, 1000000));
  def.name = o.text("name");
  def.sheet = o.text("sheet");
  if (def.sheet.size() > 31 * 3 || def.sheet.find_first_of("[]:*?/\\'") != std::string::npos) {
    o.fail("sheet", "tên trang tính không hợp lệ");
  }
  const std::int64_t labelColumns = o.integer("labelColumns");
  def.widths = o.numbers("widths");
  for (size_t i = 0; i < def.widths.size(); ++i) {
    if (def.widths[i] <= 0 || def.widths[i] > 255) {
      o.fail(itemName("widths", i), "độ rộng cột phải là số từ 0 đến 255");
    }
  }
  if (labelColumns < 1 || static_cast<size_t>(labelColumns) >= def.widths.size()) {
    o.fail("labelColumns", "phải từ 1 đến số cột trừ 1");
  }
  def.labelColumns = static_cast<int>(labelColumns);
  def.title = o.texts("title");
  def.note = o.optionalText("note").value_or("");
  if (auto lists = o.optionalObject("lists")) {
    for (const auto& name : lists->names()) {  // sorted: a stable order for the hidden sheet
      if (!isKey(name)) lists->fail(name, "tên danh sách không hợp lệ");
      std::vector<std::string> values = lists->texts(name);
      if (values.size() == 0) lists->fail(name, "danh sách rỗng");
      def.lists.emplace_back(name, values);
    }
  }
  std::vector<JsonReader> sections = o.objects("sections");
  if (sections.size() == 0) o.fail("sections", "cần ít nhất một phần");
  std::set<std::string> keys;
  for (JsonReader& s : sections) {
    std::string kind = s.text("kind");
    if (kind == "grid") {
      def.sections.push_back(parseGrid(s, def, keys));
    } else if (kind == "fields") {
      def.sections.push_back(parseFields(s, SectionKind::Fields, def, keys));
    } else if (kind == "text") {
      def.sections.push_back(parseFields(s, SectionKind::Text, def, keys));
    } else {
      s.fail("kind", "phải là \"grid\", \"fields\" hoặc \"text\"");
    }
  }
  return def;
}

FormDefinition loadFormDefinition(const std::string& path) {
  return parseFormDefinition(json::readFile(path), path);
}

}  // namespace thidua::xlsx
