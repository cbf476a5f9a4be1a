#pragma once
// A streaming JSON reader (RFC 8259): reports the events of one JSON text, read from a std::istream in
// blocks, to a JsonEvents receiver without building a document, so a 100,000-row award list is read in
// constant memory and at a few hundred MB/s. It reads the inputs that can be long lists (award lists,
// certificate batches); small documents (templates, a document's data) are parsed with Poco::JSON.

#include <istream>
#include <stdexcept>
#include <string>

namespace thidua {

/// Receives the events of a JSON text in document order. A method may throw: the exception leaves
/// parseJsonStream() unchanged.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void startObject() = 0;
  virtual void endObject() = 0;
  virtual void startArray() = 0;
  virtual void endArray() = 0;
  virtual void key(const std::string& name) = 0;
  virtual void string(const std::string& value) = 0;
  /// A number exactly as written in the JSON text (a valid RFC 8259 number: "-0", "1E+2",
  /// "12345678901234567890" and "0.1000" are passed unchanged, never rounded or reformatted), so no
  /// digit is lost; a receiver that needs a value parses it (e.g. with strtod).
  virtual void number(const std::string& text) = 0;
  virtual void boolean(bool value) = 0;
  virtual void null() = 0;
};

/// Malformed JSON; what() says where (byte offset) and what, in Vietnamese.
class JsonSyntaxError : public std::runtime_error {
 public:
  /// what() is "byte <offset>: <problem>".
  JsonSyntaxError(size_t offset, const std::string& problem)
      : JsonSyntaxError(offset, problem, "byte " + std::to_string(offset) + ": " + problem) {}
  /// The same error worded by the caller (e.g. with a line and column instead of the byte offset).
  JsonSyntaxError(size_t offset, const std::string& problem, const std::string& message)
      : std::runtime_error(message), offset_(offset), problem_(problem) {}
  size_t offset() const { return offset_; }
  const std::string& problem() const { return problem_; }

 private:
  size_t offset_;
  std::string problem_;
};

/// The input stream failed (an I/O error, a directory given as a file): not a JSON problem, so callers
/// can say the file could not be read. what() names the byte offset reached.
class JsonInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bounds against hostile input, so memory stays bounded whatever the input:
/// - maxDepth: at most this many arrays and objects open at once; one more fails with
///   "byte N: JSON lồng quá <maxDepth> tầng" (N: the offset of the bracket that opens one too many).
/// - maxTokenBytes: at most this many bytes in one string or key (after escapes are decoded) or one
///   number; a longer one fails with "byte N: chuỗi dài quá <max> byte" / "byte N: số dài quá <max> byte"
///   (N: the offset where the string or number starts), before more than that is buffered.
/// The defaults are far above what any award list needs (an Excel cell holds at most 32,767 characters).
struct JsonLimits {
  size_t maxDepth = 64;
  size_t maxTokenBytes = size_t{1} << 20;  // 1 MiB
};

/// Reads exactly one JSON value from `in` (an optional UTF-8 byte-order mark first, whitespace around
/// it) and reports it to `events`. Strings are passed as their UTF-8 bytes with escapes decoded (not
/// checked for valid UTF-8). Throws JsonSyntaxError on malformed input, including trailing data, and on
/// input beyond `limits`; JsonInputError when `in` fails to read.
void parseJsonStream(std::istream& in, JsonEvents& events, const JsonLimits& limits = JsonLimits());

}  // namespace thidua
