#include "generators/common/json_reader.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace thidua {
namespace {

// A handler that throws the message, as the generators do.
JsonReader throwing(const std::string& json, JsonReader::TextPolicy policy = JsonReader::TextPolicy::Strict) {
  auto r = JsonReader::parse(
      json, "d.json", [](const JsonProblem& p) -> void { throw std::invalid_argument(p.message); }, policy);
  return *r;
}

template <typename Read>
std::string errorOf(const std::string& json, Read read) {
  try {
    JsonReader r = throwing(json);
    read(r);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(JsonReader, ReadsTypedFieldsAndNormalisesTextToNfc) {
  // "Nguyễn" with a combining circumflex and tilde: decomposed.
  JsonReader r = throwing(R"({"name":"Nguye\u0302\u0303n","n":3,"f":2.5,"b":true,"note":""})");
  EXPECT_EQ(r.text("name"), "Nguyễn");
  EXPECT_EQ(r.integer("n"), 3);
  EXPECT_EQ(r.optionalNumber("f"), 2.5);
  EXPECT_EQ(r.optionalBoolean("b"), true);
  EXPECT_EQ(r.optionalText("note"), "");
  EXPECT_EQ(r.optionalText("absent"), std::nullopt);
}

TEST(JsonReader, NullIsAbsentForOptionalFieldsAndMissingForRequiredOnes) {
  JsonReader r = throwing(R"({"a":null,"o":null,"l":null})");
  EXPECT_FALSE(r.has("a"));
  EXPECT_EQ(r.optionalText("a"), std::nullopt);
  EXPECT_EQ(r.optionalInteger("a"), std::nullopt);
  EXPECT_EQ(r.optionalObject("o"), std::nullopt);
  EXPECT_TRUE(r.optionalObjects("l").empty());
  EXPECT_TRUE(r.lines("l", true).empty());
  EXPECT_EQ(errorOf(R"({"a":null})", [](JsonReader& r) { r.text("a"); }), "d.json: thiếu trường bắt buộc \"a\"");
}

TEST(JsonReader, OneWordingPerProblemWithTheFullPath) {
  EXPECT_EQ(errorOf(R"({"s":{"name":1}})", [](JsonReader& r) { r.object("s").text("name"); }),
            "d.json: trường \"s.name\" phải là chuỗi ký tự");
  EXPECT_EQ(errorOf(R"({"s":{}})", [](JsonReader& r) { r.object("s").text("name"); }),
            "d.json: thiếu trường bắt buộc \"s.name\"");
  EXPECT_EQ(errorOf(R"({"rows":[{"u":"a"},{"u":" \t"}]})",
                    [](JsonReader& r) {
                      for (auto& row : r.objects("rows")) row.text("u");
                    }),
            "d.json: trường \"rows[1].u\" không được để trống");
  EXPECT_EQ(errorOf(R"({"rows":[{},2]})", [](JsonReader& r) { r.objects("rows"); }),
            "d.json: phần tử \"rows[1]\" phải là đối tượng {…}");
  EXPECT_EQ(errorOf(R"({"rows":{}})", [](JsonReader& r) { r.objects("rows"); }),
            "d.json: trường \"rows\" phải là mảng […]");
  EXPECT_EQ(errorOf(R"({"p":[]})", [](JsonReader& r) { r.object("p"); }),
            "d.json: trường \"p\" phải là đối tượng {…}");
  EXPECT_EQ(errorOf(R"({"x":"1"})", [](JsonReader& r) { r.optionalNumber("x"); }),
            "d.json: trường \"x\" phải là số");
  EXPECT_EQ(errorOf(R"({"x":1})", [](JsonReader& r) { r.optionalBoolean("x"); }),
            "d.json: trường \"x\" phải là true hoặc false");
  EXPECT_EQ(errorOf(R"({"t":["a",1]})", [](JsonReader& r) { r.texts("t"); }),
            "d.json: phần tử \"t[1]\" phải là chuỗi ký tự");
  EXPECT_EQ(errorOf(R"({"w":[1,"a"]})", [](JsonReader& r) { r.numbers("w"); }),
            "d.json: phần tử \"w[1]\" phải là số");
  EXPECT_EQ(errorOf(R"({"k":"x"})", [](JsonReader& r) { r.fail("k", "không hợp lệ"); }), "d.json: k: không hợp lệ");
}

TEST(JsonReader, RefusesInvalidUtf8) {
  // The JSON parser itself refuses such bytes; a program may still build the object in memory.
  Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
  row->set("u", std::string("a\xff"));
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  rows->add(row);
  Poco::JSON::Object::Ptr top = new Poco::JSON::Object;
  top->set("rows", rows);
  JsonReader r(top, "d.json", [](const JsonProblem& p) { throw std::invalid_argument(p.message); });
  try {
    for (auto& item : r.objects("rows")) item.optionalText("u");
    FAIL() << "invalid UTF-8 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "d.json: trường \"rows[0].u\" không phải văn bản UTF-8 hợp lệ");
  }
}

TEST(JsonReader, IntegersHaveNoFractionAndStayInRange) {
  JsonReader r = throwing(R"({"a":3.0,"b":-7,"big":9223372036854775807})");
  EXPECT_EQ(r.integer("a"), 3);
  EXPECT_EQ(r.integer("b", -10, 10), -7);
  EXPECT_EQ(r.integer("big"), 9223372036854775807LL);
  EXPECT_EQ(errorOf(R"({"v":1.5})", [](JsonReader& r) { r.integer("v"); }), "d.json: trường \"v\" phải là số nguyên");
  EXPECT_EQ(errorOf(R"({"v":"3"})", [](JsonReader& r) { r.integer("v"); }), "d.json: trường \"v\" phải là số nguyên");
  EXPECT_EQ(errorOf(R"({"v":true})", [](JsonReader& r) { r.integer("v"); }), "d.json: trường \"v\" phải là số nguyên");
  EXPECT_EQ(errorOf(R"({"v":0})", [](JsonReader& r) { r.integer("v", 1, 100); }),
            "d.json: trường \"v\" phải là số nguyên từ 1 đến 100");
  EXPECT_NE(errorOf(R"({"v":18446744073709551615})", [](JsonReader& r) { r.integer("v"); }).find("phải là số nguyên từ"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"v":1e300})", [](JsonReader& r) { r.integer("v"); }).find("phải là số nguyên từ"),
            std::string::npos);
}

TEST(JsonReader, NumbersAsTextPolicyPrintsThemAsWritten) {
  JsonReader r = throwing(R"({"n":12,"f":2.5,"s":"x"})", JsonReader::TextPolicy::NumbersAsText);
  EXPECT_EQ(r.text("n"), "12");
  EXPECT_EQ(r.optionalText("f"), "2.5");
  EXPECT_EQ(r.text("s"), "x");
  EXPECT_EQ(errorOf(R"({"n":12})", [](JsonReader& r) { r.text("n"); }), "d.json: trường \"n\" phải là chuỗi ký tự");
}

TEST(JsonReader, LinesComeFromAStringOrAnArrayOfStrings) {
  JsonReader r = throwing(R"({"a":"một\nhai","b":["ba","bốn"],"e":[]})");
  EXPECT_EQ(r.lines("a"), (std::vector<std::string>{"một", "hai"}));
  EXPECT_EQ(r.lines("b"), (std::vector<std::string>{"ba", "bốn"}));
  EXPECT_TRUE(r.lines("e", true).empty());
  EXPECT_EQ(errorOf(R"({"e":[]})", [](JsonReader& r) { r.lines("e"); }), "d.json: trường \"e\" không được để trống");
  EXPECT_EQ(errorOf(R"({"e":[1]})", [](JsonReader& r) { r.lines("e"); }), "d.json: phần tử \"e[0]\" phải là chuỗi ký tự");
  EXPECT_EQ(errorOf(R"({"e":5})", [](JsonReader& r) { r.lines("e"); }),
            "d.json: trường \"e\" phải là chuỗi ký tự hoặc mảng chuỗi ký tự");
}

TEST(JsonReader, ParseReportsSyntaxAndNonObjects) {
  std::vector<JsonProblem> seen;
  auto record = [&](const JsonProblem& p) { seen.push_back(p); };
  EXPECT_EQ(JsonReader::parse("{", "d.json", record), std::nullopt);
  EXPECT_EQ(JsonReader::parse("[1]", "d.json", record), std::nullopt);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].message.rfind("d.json: JSON không hợp lệ: ", 0), 0u) << seen[0].message;
  EXPECT_EQ(seen[1].message, "d.json: nội dung phải là một đối tượng JSON {…}");
  EXPECT_EQ(seen[1].path, "");
}

TEST(JsonReader, ARecordingHandlerKeepsReadingAndGetsEmptyValues) {
  std::vector<JsonProblem> seen;
  auto r = JsonReader::parse(R"({"a":1,"n":"x","o":5,"ok":"yes"})", "Nội dung yêu cầu",
                             [&](const JsonProblem& p) { seen.push_back(p); });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text("a"), "");
  EXPECT_EQ(r->integer("n"), 0);
  EXPECT_EQ(r->object("o").optionalText("x"), std::nullopt);
  EXPECT_EQ(r->text("missing"), "");
  EXPECT_EQ(r->text("ok"), "yes");
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].path, "a");
  EXPECT_EQ(seen[0].message, "Nội dung yêu cầu: trường \"a\" phải là chuỗi ký tự");
  EXPECT_EQ(seen[3].path, "missing");
}

TEST(JsonReader, ReportsFieldsNoReadAskedForWithTheirPaths) {
  std::vector<std::string> unread;
  auto r = JsonReader::parse(R"({"a":"x","extra":1,"list":[{"k":"v","kk":2}],"sub":{"z":null}})", "b",
                             [&](const JsonProblem& p) { unread.push_back(p.path); });
  r->text("a");
  for (auto& item : r->objects("list")) item.text("k");
  r->optionalObject("sub");
  r->reportUnread();
  EXPECT_EQ(unread, (std::vector<std::string>{"extra", "list[0].kk", "sub.z"}));
}

}  // namespace
}  // namespace thidua
