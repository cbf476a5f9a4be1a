#include "server/json_fields.h"

#include <gtest/gtest.h>

namespace thidua::server {
namespace {

TEST(JsonFields, ReadsKnownFieldsAndNormalisesTextToNfc) {
  // "Nguyễn" written with a combining tilde + dot below, decomposed.
  auto parsed = JsonFields::parse(R"({"name":"Nguye\u0302\u0303n","version":3,"urgent":true})");
  ASSERT_TRUE(parsed.ok());
  auto f = parsed.value();
  EXPECT_EQ(f.text("name"), "Nguyễn");
  EXPECT_EQ(f.integer("version"), 3);
  EXPECT_EQ(f.optionalBoolean("urgent"), true);
  EXPECT_EQ(f.optionalText("comment"), std::nullopt);
  EXPECT_TRUE(f.finish().ok());
}

TEST(JsonFields, MalformedTextIsAValidationError) {
  for (const char* bad : {"", "{", "{\"a\":1,}", "[1]", "{\"a\":1} x", "nul"}) {
    auto parsed = JsonFields::parse(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, wf::ErrorCode::Validation);
  }
}

TEST(JsonFields, NamesTheMissingField) {
  auto f = JsonFields::parse(R"({"comment":"x"})").value();
  f.text("action");
  f.integer("version");
  f.optionalText("comment");
  auto status = f.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "action");
  EXPECT_EQ(status.error().message, "Nội dung yêu cầu: thiếu trường bắt buộc \"action\"");
}

TEST(JsonFields, NamesTheUnknownField) {
  auto f = JsonFields::parse(R"({"action":"approve","version":1,"verison":2})").value();
  f.text("action");
  f.integer("version");
  auto status = f.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "verison");
  EXPECT_EQ(status.error().message, "Nội dung yêu cầu: trường \"verison\" không được hỗ trợ");
}

TEST(JsonFields, NamesNestedFieldsWithTheirIndex) {
  auto f = JsonFields::parse(R"({"candidates":[{"name":"A","kind":"ca_nhan"},{"name":"B","kindd":"x"}]})").value();
  for (auto& c : f.objects("candidates")) {
    c.text("name");
    c.optionalText("kind");
  }
  auto status = f.finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "candidates[1].kindd");
}

TEST(JsonFields, RejectsWrongTypesAndBlankRequiredText) {
  auto f = JsonFields::parse(R"({"version":"3"})").value();
  f.integer("version");
  EXPECT_EQ(f.finish().error().field, "version");
  auto g = JsonFields::parse(R"({"action":"   "})").value();
  g.text("action");
  EXPECT_EQ(g.finish().error().field, "action");
  auto h = JsonFields::parse(R"({"version":1.5})").value();
  h.integer("version");
  EXPECT_FALSE(h.finish().ok());
}

}  // namespace
}  // namespace thidua::server
