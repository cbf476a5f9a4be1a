#include "generators/xlsx/form_definition.h"

#include <set>
#include <stdexcept>

#include "generators/xlsx/json_fields.h"

namespace thidua::xlsx {
namespace {

using json::Where;

bool isKey(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

std::string requireKey(const Poco::JSON::Object::Ptr& o, const Where& w) {
  std::string key = json::requireString(o, "key", w);
  if (!isKey(key)) json::fail(w.child("key"), "chỉ gồm chữ thường không dấu, số, '_' hoặc '-'");
  return key;
}

// "integer" | "text" | "list:NAME" for fields; "n" | "t" | "list:NAME" | "sum" | "-" for grid cells.
void parseType(const std::string& code, const FormDefinition& def, const Where& w, InputType& type,
               std::string& list) {
  if (code == "integer" || code == "n") {
    type = InputType::Integer;
  } else if (code == "text" || code == "t") {
    type = InputType::Text;
  } else if (code.rfind("list:", 0) == 0) {
    type = InputType::List;
    list = code.substr(5);
    if (!def.findList(list)) json::fail(w, "không có danh sách \"" + list + "\" trong \"lists\"");
  } else {
    json::fail(w, "kiểu không hợp lệ \"" + code + "\" (integer, text, list:TÊN)");
  }
}

void claimKey(std::set<std::string>& keys, const std::string& key, const Where& w) {
  if (!keys.insert(key).second) json::fail(w, "mã trường \"" + key + "\" bị trùng");
}

FormSection parseGrid(const Poco::JSON::Object::Ptr& o, const FormDefinition& def, const Where& w,
                      std::set<std::string>& keys) {
  FormSection s;
  s.kind = SectionKind::Grid;
  s.title = json::optionalString(o, "title", w);
  s.totalLabel = json::optionalString(o, "total", w);
  s.required = json::optionalBool(o, "required", w, true);
  auto heads = json::requireArray(o, "labelHeaders", w);
  if (static_cast<int>(heads->size()) != def.labelColumns) {
    json::fail(w.child("labelHeaders"), "cần đúng " + std::to_string(def.labelColumns) + " tiêu đề");
  }
  for (size_t i = 0; i < heads->size(); ++i) s.labelHeaders.push_back(json::stringAt(heads, i, w.child("labelHeaders")));
  auto cols = json::requireArray(o, "columns", w);
  size_t valueColumns = def.widths.size() - static_cast<size_t>(def.labelColumns);
  if (cols->size() == 0 || cols->size() > valueColumns) {
    json::fail(w.child("columns"), "cần từ 1 đến " + std::to_string(valueColumns) + " cột số liệu");
  }
  std::set<std::string> colKeys;
  for (size_t i = 0; i < cols->size(); ++i) {
    Where cw = w.child("columns").index(i);
    auto c = json::objectAt(cols, i, w.child("columns"));
    GridColumn col{requireKey(c, cw), json::requireString(c, "header", cw)};
    if (!colKeys.insert(col.key).second) json::fail(cw.child("key"), "mã cột bị trùng");
    s.columns.push_back(col);
  }
  auto rows = json::requireArray(o, "rows", w);
  if (rows->size() == 0) json::fail(w.child("rows"), "cần ít nhất một dòng");
  for (size_t i = 0; i < rows->size(); ++i) {
    Where rw = w.child("rows").index(i);
    auto r = json::objectAt(rows, i, w.child("rows"));
    GridRow row;
    row.key = requireKey(r, rw);
    row.bold = json::optionalBool(r, "bold", rw, false);
    auto labels = json::requireArray(r, "labels", rw);
    if (static_cast<int>(labels->size()) != def.labelColumns) {
      json::fail(rw.child("labels"), "cần đúng " + std::to_string(def.labelColumns) + " nhãn");
    }
    for (size_t j = 0; j < labels->size(); ++j) row.labels.push_back(json::stringAt(labels, j, rw.child("labels")));
    auto cells = json::requireArray(r, "cells", rw);
    if (cells->size() != s.columns.size()) {
      json::fail(rw.child("cells"), "cần đúng " + std::to_string(s.columns.size()) + " ô (một ô mỗi cột)");
    }
    bool numeric = false;
    for (size_t j = 0; j < cells->size(); ++j) {
      Where cw = rw.child("cells").index(j);
      std::string code = json::stringAt(cells, j, rw.child("cells"));
      CellSpec cell;
      if (code == "-") {
        cell.kind = CellSpec::Kind::None;
      } else if (code == "sum") {
        cell.kind = CellSpec::Kind::RowTotal;
        if (!numeric) json::fail(cw, "ô \"sum\" cần ít nhất một ô số \"n\" đứng trước trong dòng");
      } else {
        cell.kind = CellSpec::Kind::Input;
        parseType(code, def, cw, cell.type, cell.list);
        if (cell.type == InputType::Integer) numeric = true;
        claimKey(keys, row.key + "." + s.columns[j].key, cw);
      }
      row.cells.push_back(cell);
    }
    s.rows.push_back(row);
  }
  return s;
}

FormSection parseFields(const Poco::JSON::Object::Ptr& o, SectionKind kind, const FormDefinition& def,
                        const Where& w, std::set<std::string>& keys) {
  FormSection s;
  s.kind = kind;
  s.title = json::optionalString(o, "title", w);
  auto fields = json::requireArray(o, "fields", w);
  if (fields->size() == 0) json::fail(w.child("fields"), "cần ít nhất một trường");
  for (size_t i = 0; i < fields->size(); ++i) {
    Where fw = w.child("fields").index(i);
    auto f = json::objectAt(fields, i, w.child("fields"));
    FormField field;
    field.key = requireKey(f, fw);
    claimKey(keys, field.key, fw.child("key"));
    field.label = json::requireString(f, "label", fw);
    field.required = json::optionalBool(f, "required", fw, false);
    field.height = json::optionalNumber(f, "height", fw, kind == SectionKind::Text ? 90 : 0);
    if (field.height < 0 || field.height > 409) json::fail(fw.child("height"), "từ 0 đến 409");
    if (kind == SectionKind::Text) {
      field.type = InputType::Text;
    } else {
      parseType(json::requireString(f, "type", fw), def, fw.child("type"), field.type, field.list);
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
  auto o = json::parseObject(text, origin);
  Where w{origin, ""};
  if (json::requireString(o, "kind", w) != "report-form") json::fail(w.child("kind"), "phải là \"report-form\"");
  FormDefinition def;
  def.id = json::requireString(o, "id", w);
  if (!isKey(def.id)) json::fail(w.child("id"), "chỉ gồm chữ thường không dấu, số, '_' hoặc '-'");
  long long version = json::requireInt(o, "version", w);
  if (version < 1 || version > 1000000) json::fail(w.child("version"), "phải là số nguyên dương");
  def.version = static_cast<int>(version);
  def.name = json::requireString(o, "name", w);
  def.sheet = json::requireString(o, "sheet", w);
  if (def.sheet.size() > 31 * 3 || def.sheet.find_first_of("[]:*?/\\'") != std::string::npos) {
    json::fail(w.child("sheet"), "tên trang tính không hợp lệ");
  }
  def.labelColumns = static_cast<int>(json::requireInt(o, "labelColumns", w));
  auto widths = json::requireArray(o, "widths", w);
  for (size_t i = 0; i < widths->size(); ++i) {
    Poco::Dynamic::Var v = widths->get(static_cast<unsigned>(i));
    if (!v.isNumeric() || v.convert<double>() <= 0 || v.convert<double>() > 255) {
      json::fail(w.child("widths").index(i), "độ rộng cột phải là số từ 0 đến 255");
    }
    def.widths.push_back(v.convert<double>());
  }
  if (def.labelColumns < 1 || static_cast<size_t>(def.labelColumns) >= def.widths.size()) {
    json::fail(w.child("labelColumns"), "phải từ 1 đến số cột trừ 1");
  }
  auto title = json::requireArray(o, "title", w);
  for (size_t i = 0; i < title->size(); ++i) def.title.push_back(json::stringAt(title, i, w.child("title")));
  def.note = json::optionalString(o, "note", w);
  if (auto lists = json::optionalObject(o, "lists", w)) {
    std::vector<std::string> names;
    lists->getNames(names);  // sorted: a stable order for the hidden sheet
    for (const auto& name : names) {
      if (!isKey(name)) json::fail(w.child("lists").child(name), "tên danh sách không hợp lệ");
      auto items = json::requireArray(lists, name, w.child("lists"));
      if (items->size() == 0) json::fail(w.child("lists").child(name), "danh sách rỗng");
      std::vector<std::string> values;
      for (size_t i = 0; i < items->size(); ++i) {
        values.push_back(json::stringAt(items, i, w.child("lists").child(name)));
      }
      def.lists.emplace_back(name, values);
    }
  }
  auto sections = json::requireArray(o, "sections", w);
  if (sections->size() == 0) json::fail(w.child("sections"), "cần ít nhất một phần");
  std::set<std::string> keys;
  for (size_t i = 0; i < sections->size(); ++i) {
    Where sw = w.child("sections").index(i);
    auto s = json::objectAt(sections, i, w.child("sections"));
    std::string kind = json::requireString(s, "kind", sw);
    if (kind == "grid") {
      def.sections.push_back(parseGrid(s, def, sw, keys));
    } else if (kind == "fields") {
      def.sections.push_back(parseFields(s, SectionKind::Fields, def, sw, keys));
    } else if (kind == "text") {
      def.sections.push_back(parseFields(s, SectionKind::Text, def, sw, keys));
    } else {
      json::fail(sw.child("kind"), "phải là \"grid\", \"fields\" hoặc \"text\"");
    }
  }
  return def;
}

FormDefinition loadFormDefinition(const std::string& path) {
  return parseFormDefinition(json::readFile(path), path);
}

}  // namespace thidua::xlsx
