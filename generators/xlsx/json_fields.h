#pragma once
// The XLSX module's JSON data files, read with the common JsonReader. Every problem throws
// std::invalid_argument carrying the reader's message ("ORIGIN: …", naming the field's JSON path).

#include <string>

#include "generators/common/json_reader.h"

namespace thidua::xlsx::json {

/// Parses `text` (from `origin`, a file name) as a JSON object and returns a strict reader whose problems
/// throw std::invalid_argument. Throws std::invalid_argument on a syntax error or when the top level is
/// not an object.
JsonReader read(const std::string& text, const std::string& origin);

/// Reads the whole file `path`. Throws std::runtime_error if it cannot be read.
std::string readFile(const std::string& path);

}  // namespace thidua::xlsx::json
