// Whole JSON texts through Poco, with Vietnamese errors that point at the line and column.
#include "generators/common/json_text.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>

namespace thidua {
namespace {

std::string error(const std::string& text) {
  try {
    parseJsonText(text);
  } catch (const JsonSyntaxError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonText, ParsesIntoPocoAndSkipsAByteOrderMark) {
  const auto v = parseJsonText("\xEF\xBB\xBF{\"tên\": \"Nguyễn Văn An\"}");
  ASSERT_EQ(v.type(), typeid(Poco::JSON::Object::Ptr));
  EXPECT_EQ(v.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("tên"), "Nguyễn Văn An");
}

TEST(JsonText, ErrorsAreVietnameseWithLineAndColumn) {
  // Columns count characters: "ễ" and "ă" are one column each though two and three bytes long.
  const std::string colon = error("{\n  \"tên\": \"Nguyễn Văn An\",\n  \"đơn vị\" \"Trường\"\n}");
  EXPECT_EQ(colon.rfind("dòng 3, cột 12: ", 0), 0u) << colon;
  EXPECT_EQ(colon.find("Syntax"), std::string::npos) << colon;  // not Poco's English
  EXPECT_EQ(error("[1, 2,]").rfind("dòng 1, cột 7: ", 0), 0u) << error("[1, 2,]");
  EXPECT_EQ(error("\xEF\xBB\xBF[1, 2,]").rfind("dòng 1, cột 7: ", 0), 0u) << error("\xEF\xBB\xBF[1, 2,]");
  EXPECT_EQ(error("{\"a\": 1} x").rfind("dòng 1, cột 10: ", 0), 0u) << error("{\"a\": 1} x");
  const std::string cut = error("{\"a\": [1,\n");
  EXPECT_EQ(cut.rfind("dòng 2, cột 1: ", 0), 0u) << cut;
  EXPECT_EQ(error("{\"a\": 1}"), "");
}

}  // namespace
}  // namespace thidua
