#pragma once
// Reading template data (Poco::JSON) with Vietnamese errors that name the file and field.

#include <Poco/JSON/Object.h>

#include <kainjow/mustache.hpp>

#include <string>

#include "generators/common/json_reader.h"

namespace thidua::pdf {

/// Parses the JSON file at `path`. Throws RenderError naming the file (and line) if it cannot be read or
/// is not valid JSON.
Poco::Dynamic::Var loadJsonFile(const std::string& path);

/// Parses JSON text; `source` names it in errors. Throws RenderError.
Poco::Dynamic::Var parseJson(const std::string& text, const std::string& source);

/// Converts JSON into Mustache data: objects, arrays, strings (NFC), numbers (as written: 3, 2.5),
/// booleans; null is false. Escaping happens at render time.
kainjow::mustache::data toMustache(const Poco::Dynamic::Var& value);

/// A strict reader of the template data `object` (see generators/common/json_reader.h): every problem
/// throws RenderError with the reader's message ("du-lieu.json: thiếu trường bắt buộc "signature.name""),
/// and text fields also take numbers, printed as written (3, 2.5). `origin` names the file.
JsonReader readFields(Poco::JSON::Object::Ptr object, const std::string& origin);

}  // namespace thidua::pdf
