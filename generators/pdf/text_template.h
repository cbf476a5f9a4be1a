#pragma once
// A Mustache template (kainjow) parsed once and rendered many times, with errors as file:line:column.

#include <kainjow/mustache.hpp>

#include <memory>
#include <string>

namespace thidua::pdf {

/// How {{name}} values are escaped ({{{name}}} is never escaped).
enum class Escape {
  Markdown,  // backslash-escape characters Markdown would interpret, newlines become spaces
  None,      // plain text fields
};

/// A parsed Mustache template. Immutable after construction; render() may be called concurrently only
/// on distinct objects.
class TextTemplate {
 public:
  /// Parses `text` (normalised to NFC); `source` names it in errors. Throws RenderError
  /// "source:line:column: message" on a syntax error (unclosed tag or section, stray closing tag).
  TextTemplate(const std::string& text, std::string source, Escape escape);

  /// Reads and parses the file at `path`. Throws RenderError naming the file if it cannot be read.
  static TextTemplate fromFile(const std::string& path, Escape escape);

  /// Renders with `data`. Throws RenderError naming the source on a render error.
  std::string render(const kainjow::mustache::data& data) const;

  /// A copy that shares nothing with this one, for rendering on another thread.
  TextTemplate clone() const;

  const std::string& source() const { return source_; }

 private:
  std::string text_;
  std::string source_;
  std::shared_ptr<kainjow::mustache::mustache> template_;
};

/// Returns `value` with Markdown-active ASCII characters backslash-escaped and line breaks as spaces.
std::string escapeMarkdown(const std::string& value);

}  // namespace thidua::pdf
