#include "generators/xlsx/form_data.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

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
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char tail[8] = {0};
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%7s", &y, &mo, &d, &h, &mi, &s, tail);
  if (text.size() == 10) {
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3) return false;
  } else if (n < 6 || (n == 7 && std::string(tail) != "Z")) {
    return false;
  }
  if (y < 1980 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return false;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  out = timegm(&tm);
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
