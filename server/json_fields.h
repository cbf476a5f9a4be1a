#pragma once
// Strict reading of a JSON request body. Each read names the field it wants; the first problem
// (missing field, wrong type, invalid UTF-8) is remembered, and finish() also reports any field
// that no read asked for. Reads after a problem return empty values, so a handler reads everything
// and checks finish() once. Text values come back in NFC.

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "workflow/result.h"

namespace thidua::server {

class JsonFields {
 public:
  /// Parses `text` as one JSON object. Fails with Validation (field empty) when the text is not JSON
  /// or not an object.
  static wf::Result<JsonFields> parse(const std::string& text);

  /// Required string field; also fails when it is blank.
  std::string text(const std::string& name);
  /// Optional string field (absent or null gives nullopt).
  std::optional<std::string> optionalText(const std::string& name);
  /// Required integer field.
  std::int64_t integer(const std::string& name);
  std::optional<std::int64_t> optionalInteger(const std::string& name);
  std::optional<bool> optionalBoolean(const std::string& name);
  /// Required array of objects; each element reads with the prefix "name[i].".
  std::vector<JsonFields> objects(const std::string& name);
  /// Optional array of objects (absent or null gives an empty vector).
  std::vector<JsonFields> optionalObjects(const std::string& name);
  /// Optional nested object (absent or null gives nullopt).
  std::optional<JsonFields> optionalObject(const std::string& name);

  /// Returns the first problem met by any read on this body (or its nested objects), else the first
  /// field present in the body that no read asked for, else success.
  wf::Status finish() const;

 private:
  struct Node;
  struct State;
  JsonFields(std::shared_ptr<State> state, std::shared_ptr<Node> node);
  /// Marks `name` as read; returns its value if present and not null.
  std::optional<Poco::Dynamic::Var> take(const std::string& name);
  void fail(const std::string& name, const std::string& message);
  std::string path(const std::string& name) const;
  std::vector<JsonFields> readObjects(const std::string& name, bool required);

  std::shared_ptr<State> state_;
  std::shared_ptr<Node> node_;
};

}  // namespace thidua::server
