#include "generators/xlsx/form_data.h"

#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "generators/common/iso_time.h"
#include "generators/xlsx/json_fields.h"

namespace thidua::xlsx {
namespace {

// Larger counts are typing mistakes (and would lose precision in a spreadsheet cell).
constexpr std::int64_t kMaxNumber = 1000000000000000;

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
  JsonReader o = json::read(text, origin);
  FormData data;
  data.unit = o.text("unit");
  data.period = o.text("period");
  const std::string created = o.text("created");
  if (!parseIsoDate(created, data.created)) o.fail("created", "ngày phải có dạng YYYY-MM-DD, ví dụ 2025-11-30");
  auto values = o.optionalObject("values");
  if (!values) return data;
  const auto fields = fieldsOf(def);
  for (const auto& name : values->names()) {
    auto it = fields.find(name);
    if (it == fields.end()) values->fail(name, "biểu mẫu " + def.id + " không có trường này");
    if (!values->has(name)) continue;
    FieldValue fv;
    if (it->second.type == InputType::Integer) {
      fv.isNumber = true;
      fv.number = *values->optionalInteger(name, 0, kMaxNumber);
    } else {
      fv.text = *values->optionalText(name);
      if (it->second.type == InputType::List) {
        const auto* items = def.findList(it->second.list);
        bool found = false;
        for (const auto& item : *items) found = found || item == fv.text;
        if (!found) values->fail(name, "giá trị \"" + fv.text + "\" không có trong danh sách " + it->second.list);
      }
    }
    data.values[name] = fv;
  }
  return data;
}

}  // namespace thidua::xlsx
