#pragma once
// Strict reading of a JSON request body: the common JsonReader (generators/common/json_reader.h) with the
// server's convention. Each read names the field it wants; the first problem (missing field, wrong type,
// invalid UTF-8, blank required text) is remembered and reading goes on (the failed read returns an empty
// value), so a handler reads everything and checks finish() once; finish() also reports any field no
// read asked for. Problems become wf::Error Validation (HTTP 400) with the field's JSON path.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "generators/common/json_reader.h"
#include "workflow/result.h"

namespace thidua::server {

class JsonFields {
 public:
  /// Parses `text` as one JSON object. Fails with Validation (field empty) when the text is not JSON
  /// or not an object.
  static wf::Result<JsonFields> parse(const std::string& text);

  /// Required string field (NFC); also fails when it is blank.
  std::string text(const std::string& name) { return reader_.text(name); }
  /// Optional string field (absent or null gives nullopt).
  std::optional<std::string> optionalText(const std::string& name) { return reader_.optionalText(name); }
  /// Required integer field.
  std::int64_t integer(const std::string& name) { return reader_.integer(name); }
  std::optional<std::int64_t> optionalInteger(const std::string& name) { return reader_.optionalInteger(name); }
  std::optional<bool> optionalBoolean(const std::string& name) { return reader_.optionalBoolean(name); }
  /// Required array of objects; each element reads with the prefix "name[i].".
  std::vector<JsonFields> objects(const std::string& name);
  /// Optional array of objects (absent or null gives an empty vector).
  std::vector<JsonFields> optionalObjects(const std::string& name);
  /// Optional nested object (absent or null gives nullopt).
  std::optional<JsonFields> optionalObject(const std::string& name);

  /// Returns the first problem met by any read on this body (or its nested objects), else the first
  /// field present in the body that no read asked for, else success.
  wf::Status finish();

 private:
  struct State {
    std::optional<JsonProblem> first;
  };
  JsonFields(JsonReader reader, std::shared_ptr<State> state);
  std::vector<JsonFields> wrap(std::vector<JsonReader> readers) const;

  JsonReader reader_;
  std::shared_ptr<State> state_;
};

}  // namespace thidua::server
