#include "generators/pdf/json_data.h"

#include <Poco/JSON/Array.h>

#include "generators/common/file_io.h"
#include "generators/common/json_text.h"
#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {

Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source) {
  try {
    return parseJsonText(text);
  } catch (const JsonSyntaxError& e) {
    throw RenderError(source + ": JSON không hợp lệ (" + e.what() + ")");
  }
}

Poco::Dynamic::Var loadJsonFile(const std::string& path) {
  const std::optional<std::string> text = readWholeFile(path);
  if (!text) throw RenderError(path + ": không mở được tệp dữ liệu");
  return parseJson(*text, path);
}

kainjow::mustache::data toMustache(const Poco::Dynamic::Var& value) {
  using kainjow::mustache::data;
  if (value.isEmpty()) return data(false);
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto obj = value.extract<Poco::JSON::Object::Ptr>();
    data d = data::type::object;
    if (!obj) return d;
    for (const auto& kv : *obj) d.set(kv.first, toMustache(kv.second));
    return d;
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto arr = value.extract<Poco::JSON::Array::Ptr>();
    data d = data::type::list;
    if (!arr) return d;
    for (const auto& item : *arr) d.push_back(toMustache(item));
    return d;
  }
  if (value.isBoolean()) return data(value.convert<bool>());
  if (value.isNumeric()) return data(jsonNumberText(value));
  return data(toNfc(value.convert<std::string>()));
}

JsonReader readFields(Poco::JSON::Object::Ptr object, const std::string& origin) {
  return JsonReader(
      std::move(object), origin, [](const JsonProblem& p) { throw RenderError(p.message); },
      JsonReader::TextPolicy::NumbersAsText);
}

}  // namespace thidua::pdf
