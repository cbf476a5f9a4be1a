#pragma once
// Small typed accessors over Poco::JSON objects for the XLSX module's data files. Every failure throws
// std::invalid_argument naming the origin (a file) and the JSON path of the offending field.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

namespace thidua::xlsx::json {

/// Where a value sits: "FILE: path.to[3].field" in messages.
struct Where {
  std::string origin;
  std::string path;
  Where child(const std::string& key) const;
  Where index(size_t i) const;
  std::string describe() const;
};

/// Parses `text` as a JSON object. Throws std::invalid_argument naming `origin` on a syntax error or when
/// the top level is not an object.
Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& origin);

/// Reads the whole file `path`. Throws std::runtime_error if it cannot be read.
std::string readFile(const std::string& path);

/// Required string field, NFC-normalised. Throws if absent, not a string or empty (unless allowEmpty).
std::string requireString(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                          bool allowEmpty = false);
/// Optional string field (NFC); `fallback` when absent or null.
std::string optionalString(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                           const std::string& fallback = "");
/// Required integer field.
long long requireInt(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w);
/// Optional number field.
double optionalNumber(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w,
                      double fallback);
/// Optional boolean field.
bool optionalBool(const Poco::JSON::Object::Ptr& o, const std::string& key, const Where& w, bool fallback);
/// Required array / object fields.
Poco::JSON::Array::Ptr requireArray(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                    const Where& w);
Poco::JSON::Array::Ptr optionalArray(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                     const Where& w);
Poco::JSON::Object::Ptr requireObject(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                      const Where& w);
Poco::JSON::Object::Ptr optionalObject(const Poco::JSON::Object::Ptr& o, const std::string& key,
                                       const Where& w);
/// Element `i` of `a` as an object / a string (NFC).
Poco::JSON::Object::Ptr objectAt(const Poco::JSON::Array::Ptr& a, size_t i, const Where& w);
std::string stringAt(const Poco::JSON::Array::Ptr& a, size_t i, const Where& w);

/// Throws std::invalid_argument "ORIGIN: PATH: message".
[[noreturn]] void fail(const Where& w, const std::string& message);

}  // namespace thidua::xlsx::json
