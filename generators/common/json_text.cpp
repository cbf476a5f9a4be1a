#include "generators/common/json_text.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "generators/common/unicode.h"

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

// "dòng L, cột C" of byte `offset`.
std::string lineAndColumn(const std::string& text, size_t offset) {
  const TextPosition p = textPosition(text, offset);
  return "dòng " + std::to_string(p.line) + ", cột " + std::to_string(p.column);
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
    // Lines and columns as an editor shows them: the byte-order mark is not a column.
    const size_t at = e.offset() >= bom ? e.offset() - bom : 0;
    throw JsonSyntaxError(e.offset(), e.problem(), lineAndColumn(text.substr(bom), at) + ": " + e.problem());
  }
  // The two readers disagree (the streaming one has no limits Poco has): Poco's own words, then.
  throw JsonSyntaxError(0, pocoProblem, "không đọc được (" + pocoProblem + ")");
}

std::string jsonNumberText(const Poco::Dynamic::Var& number) {
  if (number.isInteger()) return number.convert<std::string>();
  std::ostringstream out;
  out << number.convert<double>();
  return out.str();
}

}  // namespace thidua
