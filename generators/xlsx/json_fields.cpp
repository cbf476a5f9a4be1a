#include "generators/xlsx/json_fields.h"

#include <stdexcept>

#include "generators/common/file_io.h"

namespace thidua::xlsx::json {

JsonReader read(const std::string& text, const std::string& origin) {
  auto reader = JsonReader::parse(text, origin, [](const JsonProblem& p) { throw std::invalid_argument(p.message); });
  return *reader;  // parse() returns only with a reader: its handler throws
}

std::string readFile(const std::string& path) {
  std::optional<std::string> bytes = readWholeFile(path);
  if (!bytes) throw std::runtime_error("không đọc được tệp " + path);
  return std::move(*bytes);
}

}  // namespace thidua::xlsx::json
