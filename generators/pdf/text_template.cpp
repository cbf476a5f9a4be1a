#include "generators/pdf/text_template.h"

#include <regex>
#include <sstream>

#include "generators/common/file_io.h"
#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

// "line:column" of a byte offset.
std::string position(const std::string& text, size_t offset) {
  const TextPosition p = textPosition(text, offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Translates kainjow's English message "... at N" into Vietnamese with line:column.
std::string describe(const std::string& message, const std::string& text, const std::string& source) {
  static const std::regex kAt(R"((.*) at (\d+)$)");
  std::smatch m;
  std::string what = message;
  std::string where = source;
  if (std::regex_match(message, m, kAt)) {
    what = m[1];
    where += ":" + position(text, std::stoul(m[2]));
  }
  static const std::regex kUnclosedSection(R"(Unclosed section \"(.*)\")");
  static const std::regex kUnopened(R"(Unopened section \"(.*)\")");
  if (std::regex_match(what, m, kUnclosedSection)) {
    what = "khối {{#" + m[1].str() + "}} chưa được đóng bằng {{/" + m[1].str() + "}}";
  } else if (std::regex_match(what, m, kUnopened)) {
    what = "thẻ đóng {{/" + m[1].str() + "}} không có thẻ mở tương ứng";
  } else if (what == "Unclosed tag") {
    what = "thẻ {{ chưa được đóng bằng }}";
  } else if (what == "Invalid set delimiter tag") {
    what = "thẻ đổi dấu phân cách không hợp lệ";
  } else {
    what = "lỗi mẫu Mustache: " + what;
  }
  return where + ": " + what;
}

}  // namespace

std::string escapeMarkdown(const std::string& value) {
  std::string out;
  out.reserve(value.size() + 8);
  for (char c : value) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#':
      case '|': case '~': case '!': case '+': case '-': case '&': case '=':
        out += '\\';
        out += c;
        break;
      case '\r': break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

TextTemplate::TextTemplate(const std::string& text, std::string source, Escape escape)
    : text_(toNfc(text)), source_(std::move(source)) {
  template_ = std::make_shared<kainjow::mustache::mustache>(text_);
  if (!template_->is_valid()) throw RenderError(describe(template_->error_message(), text_, source_));
  if (escape == Escape::Markdown) {
    template_->set_custom_escape(escapeMarkdown);
  } else {
    template_->set_custom_escape([](const std::string& s) { return s; });
  }
}

TextTemplate TextTemplate::fromFile(const std::string& path, Escape escape) {
  const std::optional<std::string> read = readWholeFile(path);
  if (!read) throw RenderError(path + ": không mở được tệp mẫu");
  const std::string& text = *read;
  if (!isValidUtf8(text)) throw RenderError(path + ": tệp mẫu không phải UTF-8 hợp lệ");
  return TextTemplate(text, path, escape);
}

TextTemplate TextTemplate::clone() const {
  TextTemplate copy = *this;
  copy.template_ = std::make_shared<kainjow::mustache::mustache>(*template_);
  return copy;
}

std::string TextTemplate::render(const kainjow::mustache::data& data) const {
  std::string out = template_->render(data);
  if (!template_->is_valid()) throw RenderError(describe(template_->error_message(), text_, source_));
  return out;
}

}  // namespace thidua::pdf
