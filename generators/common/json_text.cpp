#include "generators/common/json_text.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace thidua {
namespace {

class IgnoreEvents : public JsonEvents {
 public:
  void startObject() override {}
  void endObject() override {}
  void startArray() override {}
  void endArray() override {}
  void key(const std::string&) override {}
  void string(const std::string&) override {}
  void number(const std::string&) override {}
  void boolean(bool) override {}
  void null() override {}
};

// "dòng L, cột C" of byte `offset` (1-based; columns count characters, not UTF-8 bytes).
std::string lineAndColumn(const std::string& text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "dòng " + std::to_string(line) + ", cột " + std::to_string(column);
}

}  // namespace

Poco::Dynamic::Var parseJsonText(const std::string& text) {
  const size_t bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  std::string pocoProblem;
  try {
    Poco::JSON::Parser parser;
    return bom ? parser.parse(text.substr(bom)) : parser.parse(text);
  } catch (const Poco::Exception& e) {
    pocoProblem = e.displayText();
  }
  // Poco says what, in English, but not where: the streaming reader says both.
  try {
    std::istringstream in(text);
    IgnoreEvents ignore;
    parseJsonStream(in, ignore);
  } catch (const JsonSyntaxError& e) {
    throw JsonSyntaxError(e.offset(), e.problem(), lineAndColumn(text, e.offset()) + ": " + e.problem());
  }
  // The two readers disagree (the streaming one has no limits Poco has): Poco's own words, then.
  throw JsonSyntaxError(0, pocoProblem, "không đọc được (" + pocoProblem + ")");
}

}  // namespace thidua
