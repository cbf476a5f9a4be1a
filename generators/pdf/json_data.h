#pragma once
// Reading template data (Poco::JSON) with Vietnamese errors that name the file and field.

#include <Poco/JSON/Object.h>

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

namespace thidua::pdf {

/// Parses the JSON file at `path`. Throws RenderError naming the file (and line) if it cannot be read or
/// is not valid JSON.
Poco::Dynamic::Var loadJsonFile(const std::string& path);

/// Parses JSON text; `source` names it in errors. Throws RenderError.
Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source);

/// Converts JSON into Mustache data: objects, arrays, strings (NFC), numbers (as written: 3, 2.5),
/// booleans; null is false. Escaping happens at render time.
kainjow::mustache::data toMustache(const Poco::Dynamic::Var& value);

/// Field accessors on a JSON object; `where` names the object in errors ("du-lieu.json", "mục 3 của
/// list.json"). Text is returned in NFC. Missing optional fields give the fallback; a required field
/// that is missing or of the wrong type throws RenderError naming `where` and the field.
class JsonFields {
 public:
  JsonFields(Poco::JSON::Object::Ptr object, std::string where);

  bool has(const std::string& key) const;
  std::string text(const std::string& key) const;  // required, non-empty
  std::string optionalText(const std::string& key, const std::string& fallback = "") const;
  double number(const std::string& key, double fallback) const;
  /// A string split on '\n', or an array of strings; required unless `optional`.
  std::vector<std::string> lines(const std::string& key, bool optional = false) const;
  JsonFields object(const std::string& key) const;  // required
  const std::string& where() const { return where_; }
  Poco::JSON::Object::Ptr raw() const { return object_; }

 private:
  Poco::JSON::Object::Ptr object_;
  std::string where_;
};

}  // namespace thidua::pdf
