#pragma once
// Strict, typed reading of JSON objects (Poco::JSON) for every module: data files of the generators and
// HTTP request bodies of the server. The field-reading rules live here once: presence (null counts as
// absent), types, NFC text with invalid UTF-8 refused, blank required text refused, integer ranges, full
// JSON paths ("rows[3].unit") and one Vietnamese wording per problem. What happens on a problem is
// injected: a generator's handler throws its own error type (stop at the first problem); the server's
// handler remembers the first problem and lets reading go on. When the handler returns, the accessor
// that met the problem returns an empty value (empty text, 0, nullopt, empty vector).
//
// Every message reads "ORIGIN: <problem>", the problem naming the full path, e.g.
//   du-lieu.json: thiếu trường bắt buộc "signature.name"
//   data.json: trường "rows[1].unit" không phải văn bản UTF-8 hợp lệ
// Not thread-safe; a reader and the readers it hands out share state.

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace thidua {

/// One problem met while reading: the full path of the field ("" for the document itself) and the
/// complete Vietnamese message, which starts with the origin ("ORIGIN: …").
struct JsonProblem {
  std::string path;
  std::string message;
};

/// Receives each problem. May throw (the exception leaves the accessor) or return.
using JsonProblemHandler = std::function<void(const JsonProblem&)>;

class JsonReader {
 public:
  /// How text fields accept values: Strict takes only JSON strings; NumbersAsText also takes numbers and
  /// returns them as written (3, 2.5).
  enum class TextPolicy { Strict, NumbersAsText };

  /// Reads `object` (must not be null; throws std::invalid_argument if it is). `origin` names the
  /// document in messages (a file name, "Nội dung yêu cầu").
  JsonReader(Poco::JSON::Object::Ptr object, std::string origin, JsonProblemHandler onProblem,
             TextPolicy policy = TextPolicy::Strict);

  /// Parses `text` as one JSON object. On a syntax error or a top level that is not an object, reports
  /// the problem (path "") and returns nullopt if the handler returns.
  static std::optional<JsonReader> parse(const std::string& text, const std::string& origin,
                                         JsonProblemHandler onProblem, TextPolicy policy = TextPolicy::Strict);

  /// True if `name` is present and not null. Does not count as reading it.
  bool has(const std::string& name) const;
  /// Names present in this object (sorted), whether read or not.
  std::vector<std::string> names() const;

  /// Required text in NFC; refused when absent, null, of another type, invalid UTF-8 or blank.
  std::string text(const std::string& name);
  /// Optional text in NFC (absent or null gives nullopt; may be empty).
  std::optional<std::string> optionalText(const std::string& name);
  /// Required integer (a JSON number without fraction; 3.0 counts) in [lo, hi].
  std::int64_t integer(const std::string& name, std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                       std::int64_t hi = std::numeric_limits<std::int64_t>::max());
  std::optional<std::int64_t> optionalInteger(const std::string& name,
                                              std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                                              std::int64_t hi = std::numeric_limits<std::int64_t>::max());
  /// Optional number (integer or fraction).
  std::optional<double> optionalNumber(const std::string& name);
  std::optional<bool> optionalBoolean(const std::string& name);
  /// Required / optional nested object; its fields are read with the prefix "name.".
  JsonReader object(const std::string& name);
  std::optional<JsonReader> optionalObject(const std::string& name);
  /// Required / optional (empty when absent) array of objects; element i reads with the prefix "name[i].".
  std::vector<JsonReader> objects(const std::string& name);
  std::vector<JsonReader> optionalObjects(const std::string& name);
  /// Required array of texts (NFC; empty strings allowed).
  std::vector<std::string> texts(const std::string& name);
  /// Required array of numbers.
  std::vector<double> numbers(const std::string& name);
  /// Text lines: a string split on '\n', or an array of strings. Required (and not empty) unless
  /// `optional`, which gives an empty vector when absent.
  std::vector<std::string> lines(const std::string& name, bool optional = false);

  /// Reports a problem the caller found in the value at `name` (a field, or "name[i]"), worded
  /// "ORIGIN: PATH: message"; with an empty `name`, the object itself. Returns only if the handler does.
  void fail(const std::string& name, const std::string& message);
  /// Reports, for this reader and every reader it handed out, each present field no read asked for:
  /// "ORIGIN: trường "PATH" không được hỗ trợ".
  void reportUnread();

  /// Full path of `name` in this object ("candidates[1].kind"); path("") is this object's own path.
  std::string path(const std::string& name) const;
  /// "ORIGIN: PATH" of `name` (just "ORIGIN" for the document itself), for messages built by callers.
  std::string where(const std::string& name = "") const;
  const std::string& origin() const;
  /// The object read; reading it directly bypasses the checks and the unread-field report.
  const Poco::JSON::Object::Ptr& raw() const;

 private:
  struct Shared;
  struct Node;
  JsonReader(std::shared_ptr<Shared> shared, std::shared_ptr<Node> node);
  std::optional<Poco::Dynamic::Var> take(const std::string& name);
  void report(const std::string& path, const std::string& problem);
  void missing(const std::string& name);
  std::optional<std::string> textValue(const Poco::Dynamic::Var& v, const std::string& path,
                                       const std::string& subject);
  JsonReader child(Poco::JSON::Object::Ptr object, const std::string& path);
  std::vector<JsonReader> readObjects(const std::string& name, bool required);
  /// Marks `name` read and returns its array; reports a missing (if `required`) or non-array value and
  /// returns null.
  Poco::JSON::Array::Ptr arrayField(const std::string& name, bool required);

  std::shared_ptr<Shared> shared_;
  std::shared_ptr<Node> node_;
};

}  // namespace thidua
