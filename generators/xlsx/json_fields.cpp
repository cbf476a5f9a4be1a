#include "generators/xlsx/json_fields.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <stdexcept>

#include "generators/common/file_io.h"
#include "generators/common/unicode.h"

namespace thidua::xlsx::json {

Where Where::child(const std::string& key) const {
  return Where{origin, path.empty() ? key : path + "." + key};
}

Where Where::index(size_t i) const {
  return Where{origin, path + "[" + std::to_string(i) + "]"};
}

std::string Where::describe() const { return path.empty() ? origin : origin + ": " + path; }

void fail(const Where& w, const std::string& message) {
  throw std::invalid_argument(w.describe() + ": " + message);
}

Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& origin) {
  Poco::Dynamic::Var v;
  try {
    Poco::JSON::Parser parser;
    v = parser.parse(text);
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument(origin + ": JSON không hợp lệ: " + e.displayText());
  }
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw std::invalid_argument(origin + ": nội dung phải là một đối tượng JSON {…}");
  }
  return v.extract<Poco::JSON::Object::Ptr>();
}

std::string readFile(const std::string& path) {
  std::optional<std::string> bytes = readWholeFile(path);
  if (!bytes) throw std::runtime_error("không đọc được tệp " + path);
  return std::move(*bytes);
}

namespace {

std::string asText(const Poco::Dynamic::Var& v, const Where& w) {
  if (!v.isString()) fail(w, "phải là chuỗi ký tự");
  std::string s = v.extract<std::string>();
  try {
    return thidua::toNfc(s);
  } catch (const std::invalid_argument&) {
    fail(w, "không phải UTF-8 hợp lệ");
  }
}

}  // namespace

std::string requireString(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                          bool allowEmpty) {
  Where at = w.child(key);
  if (!o->has(key) || o->isNull(key)) fail(at, "thiếu trường bắt buộc");
  std::string s = asText(o->get(key), at);
  if (!allowEmpty && s.empty()) fail(at, "không được để trống");
  return s;
}

std::string optionalString(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                           const std::string& fallback) {
  if (!o->has(key) || o->isNull(key)) return fallback;
  return asText(o->get(key), w.child(key));
}

long long requireInt(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w) {
  Where at = w.child(key);
  if (!o->has(key) || o->isNull(key)) fail(at, "thiếu trường bắt buộc");
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isNumeric()) fail(at, "phải là số nguyên");
  double d = v.convert<double>();
  if (std::floor(d) != d) fail(at, "phải là số nguyên");
  return static_cast<long long>(d);
}

double optionalNumber(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                      double fallback) {
  if (!o->has(key) || o->isNull(key)) return fallback;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isNumeric()) fail(w.child(key), "phải là số");
  return v.convert<double>();
}

bool optionalBool(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                  bool fallback) {
  if (!o->has(key) || o->isNull(key)) return fallback;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isBoolean()) fail(w.child(key), "phải là true hoặc false");
  return v.extract<bool>();
}

Poco::JSON::Array::Ptr requireArray(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                    const Where& w) {
  Poco::JSON::Array::Ptr a = optionalArray(o, key, w);
  if (!a) fail(w.child(key), "thiếu mảng bắt buộc");
  return a;
}

Poco::JSON::Array::Ptr optionalArray(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                     const Where& w) {
  if (!o->has(key) || o->isNull(key)) return nullptr;
  if (!o->isArray(key)) fail(w.child(key), "phải là mảng […]");
  return o->getArray(key);
}

Poco::JSON::Object::Ptr requireObject(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                      const Where& w) {
  Poco::JSON::Object::Ptr p = optionalObject(o, key, w);
  if (!p) fail(w.child(key), "thiếu đối tượng bắt buộc");
  return p;
}

Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                       const Where& w) {
  if (!o->has(key) || o->isNull(key)) return nullptr;
  if (!o->isObject(key)) fail(w.child(key), "phải là đối tượng {…}");
  return o->getObject(key);
}

Poco::JSON::Object::Ptr objectAt(const Poco::JSON::Array::Ptr& a, size_t i, const Where& w) {
  if (!a->isObject(static_cast<unsigned>(i))) fail(w.index(i), "phải là đối tượng {…}");
  return a->getObject(static_cast<unsigned>(i));
}

std::string stringAt(const Poco::JSON::Array::Ptr& a, size_t i, const Where& w) {
  return asText(a->get(static_cast<unsigned>(i)), w.index(i));
}

}  // namespace thidua::xlsx::json
