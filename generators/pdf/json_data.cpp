#include "generators/pdf/json_data.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <stdexcept>

#include "generators/common/file_io.h"
#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

std::string numberText(const Poco::Dynamic::Var& v) {
  if (v.isInteger()) return v.convert<std::string>();
  std::ostringstream out;
  out << v.convert<double>();
  return out.str();
}

// toNfc validates as it normalises (one pass); its invalid_argument becomes an error naming the field.
std::string nfcOrThrow(const std::string& s, const std::string& where) {
  try {
    return toNfc(s);
  } catch (const std::invalid_argument&) {
    throw RenderError(where + ": văn bản không phải UTF-8 hợp lệ");
  }
}

}  // namespace

Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(text);
  } catch (const Poco::Exception& e) {
    throw RenderError(source + ": JSON không hợp lệ (" + e.displayText() + ")");
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
  if (value.isNumeric()) return data(numberText(value));
  return data(toNfc(value.convert<std::string>()));
}

JsonFields::JsonFields(Poco::JSON::Object::Ptr object, std::string where)
    : object_(std::move(object)), where_(std::move(where)) {
  if (!object_) throw RenderError(where_ + ": cần một đối tượng JSON {…}");
}

bool JsonFields::has(const std::string& key) const {
  return object_->has(key) && !object_->isNull(key);
}

std::string JsonFields::optionalText(const std::string& key, const std::string& fallback) const {
  if (!has(key)) return fallback;
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isString() && !v.isNumeric()) {
    throw RenderError(where_ + ": trường \"" + key + "\" phải là chuỗi");
  }
  return nfcOrThrow(v.isNumeric() ? numberText(v) : v.convert<std::string>(), where_ + ", trường \"" + key + "\"");
}

std::string JsonFields::text(const std::string& key) const {
  if (!has(key)) throw RenderError(where_ + ": thiếu trường bắt buộc \"" + key + "\"");
  std::string s = optionalText(key);
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw RenderError(where_ + ": trường \"" + key + "\" không được để trống");
  }
  return s;
}

double JsonFields::number(const std::string& key, double fallback) const {
  if (!has(key)) return fallback;
  const Poco::Dynamic::Var v = object_->get(key);
  if (!v.isNumeric()) throw RenderError(where_ + ": trường \"" + key + "\" phải là số");
  return v.convert<double>();
}

std::vector<std::string> JsonFields::lines(const std::string& key, bool optional) const {
  std::vector<std::string> out;
  if (!has(key)) {
    if (optional) return out;
    throw RenderError(where_ + ": thiếu trường bắt buộc \"" + key + "\"");
  }
  const Poco::Dynamic::Var v = object_->get(key);
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    for (size_t i = 0; i < arr->size(); ++i) {
      const Poco::Dynamic::Var item = arr->get(static_cast<unsigned>(i));
      if (!item.isString()) {
        throw RenderError(where_ + ": phần tử " + std::to_string(i + 1) + " của trường \"" + key +
                          "\" phải là chuỗi");
      }
      out.push_back(nfcOrThrow(item.convert<std::string>(), where_ + ", trường \"" + key + "\""));
    }
  } else if (v.isString()) {
    std::string s = nfcOrThrow(v.convert<std::string>(), where_ + ", trường \"" + key + "\"");
    size_t start = 0;
    while (true) {
      size_t nl = s.find('\n', start);
      out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  } else {
    throw RenderError(where_ + ": trường \"" + key + "\" phải là chuỗi hoặc mảng chuỗi");
  }
  if (out.empty() && !optional) throw RenderError(where_ + ": trường \"" + key + "\" không được để trống");
  return out;
}

JsonFields JsonFields::object(const std::string& key) const {
  if (!has(key)) throw RenderError(where_ + ": thiếu trường bắt buộc \"" + key + "\"");
  const Poco::Dynamic::Var v = object_->get(key);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw RenderError(where_ + ": trường \"" + key + "\" phải là đối tượng {…}");
  }
  return JsonFields(v.extract<Poco::JSON::Object::Ptr>(), where_ + ", trường \"" + key + "\"");
}

}  // namespace thidua::pdf
