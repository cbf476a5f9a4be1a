#include "generators/xlsx/form_data.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "generators/common/iso_time.h"
#include "generators/xlsx/json_fields.h"

namespace thidua::xlsx {
namespace {

struct FieldInfo {
  InputType type;
  std::string list;
};

std::map<std::string, FieldInfo> fieldsOf(const FormDefinition& def) {
  std::map<std::string, FieldInfo> out;
  for (const auto& s : def.sections) {
    for (const auto& r : s.rows) {
      for (size_t j = 0; j < r.cells.size(); ++j) {
        if (r.cells[j].kind == CellSpec::Kind::Input) {
          out[r.key + "." + s.columns[j].key] = {r.cells[j].type, r.cells[j].list};
        }
      }
    }
    for (const auto& f : s.fields) out[f.key] = {f.type, f.list};
  }
  return out;
}

}  // namespace

bool parseIsoDate(const std::string& text, std::time_t& out) {
  const std::optional<std::time_t> instant = parseIsoInstant(text, 0);
  // XLSX (ZIP) dates start in 1980; years past 2999 are typing mistakes.
  if (!instant || text.compare(0, 4, "1980") < 0 || text.compare(0, 4, "2999") > 0) return false;
  out = *instant;
  return true;
}

FormData parseFormData(const std::string& text, const std::string& origin, const FormDefinition& def) {
  auto o = json::parseObject(text, origin);
  json::Where w{origin, ""};
  FormData data;
  data.unit = json::requireString(o, "unit", w);
  data.period = json::requireString(o, "period", w);
  std::string created = json::requireString(o, "created", w);
  if (!parseIsoDate(created, data.created)) {
    json::fail(w.child("created"), "ngày phải có dạng YYYY-MM-DD, ví dụ 2025-11-30");
  }
  auto values = json::optionalObject(o, "values", w);
  if (!values) return data;
  const auto fields = fieldsOf(def);
  std::vector<std::string> names;
  values->getNames(names);
  for (const auto& name : names) {
    json::Where at = w.child("values").child(name);
    auto it = fields.find(name);
    if (it == fields.end()) json::fail(at, "biểu mẫu " + def.id + " không có trường này");
    if (values->isNull(name)) continue;
    Poco::Dynamic::Var v = values->get(name);
    FieldValue fv;
    if (it->second.type == InputType::Integer) {
      if (!v.isNumeric()) json::fail(at, "phải là số nguyên không âm");
      double d = v.convert<double>();
      if (std::floor(d) != d || d < 0 || d > 1e15) json::fail(at, "phải là số nguyên không âm");
      fv.isNumber = true;
      fv.number = static_cast<long long>(d);
    } else {
      if (!v.isString()) json::fail(at, "phải là chuỗi ký tự");
      fv.text = json::optionalString(values, name, w.child("values"));
      if (it->second.type == InputType::List) {
        const auto* items = def.findList(it->second.list);
        bool found = false;
        for (const auto& item : *items) found = found || item == fv.text;
        if (!found) json::fail(at, "giá trị \"" + fv.text + "\" không có trong danh sách " + it->second.list);
      }
    }
    data.values[name] = fv;
  }
  return data;
}

}  // namespace thidua::xlsx
