#include "generators/common/json_stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace thidua {
namespace {

// Records events as text: {, }, [, ], k:name, s:value, n:number, b:true, null.
class Recorder : public JsonEvents {
 public:
  std::string log;
  void startObject() override { log += "{ "; }
  void endObject() override { log += "} "; }
  void startArray() override { log += "[ "; }
  void endArray() override { log += "] "; }
  void key(const std::string& k) override { log += "k:" + k + " "; }
  void string(const std::string& s) override { log += "s:" + s + " "; }
  void number(const std::string& n) override { log += "n:" + n + " "; }
  void boolean(bool b) override { log += b ? "b:true " : "b:false "; }
  void null() override { log += "null "; }
};

std::string events(const std::string& json) {
  std::istringstream in(json);
  Recorder r;
  parseJsonStream(in, r);
  return r.log;
}

std::string error(const std::string& json, const JsonLimits& limits = JsonLimits()) {
  try {
    std::istringstream in(json);
    Recorder r;
    parseJsonStream(in, r, limits);
  } catch (const JsonSyntaxError& e) {
    return e.what();
  }
  return "";
}

TEST(JsonStream, ReportsEventsInOrder) {
  EXPECT_EQ(events(R"( {"a": [1, -2.5, true, false, null, {}, []], "b": {"c": "d"}} )"),
            "{ k:a [ n:1 n:-2.5 b:true b:false null { } [ ] ] k:b { k:c s:d } } ");
  EXPECT_EQ(events("\xEF\xBB\xBF[]"), "[ ] ");
  EXPECT_EQ(events("\"x\""), "s:x ");
}

TEST(JsonStream, DecodesEscapes) {
  EXPECT_EQ(events(R"("a\"b\\c\/d\b\f\n\r\t")"), "s:a\"b\\c/d\b\f\n\r\t ");
  EXPECT_EQ(events(R"("Nguy\u1ec5n \u0110\u00e0")"), "s:Nguyễn Đà ");
  EXPECT_EQ(events(R"("\ud83c\udff5")"), "s:\xF0\x9F\x8F\xB5 ");
  EXPECT_EQ(events("\"Nguyễn Thị Hạnh\""), "s:Nguyễn Thị Hạnh ");
}

// Numbers are passed exactly as written: nothing is rounded or reformatted.
TEST(JsonStream, NumbersAsWritten) {
  EXPECT_EQ(events("[0, -0, 42, 1e3, 1E+2, 0.1, 1000.50, 12345678901234567890, 0.1234567890123456789, -2.5e-7]"),
            "[ n:0 n:-0 n:42 n:1e3 n:1E+2 n:0.1 n:1000.50 n:12345678901234567890 n:0.1234567890123456789 "
            "n:-2.5e-7 ] ");
  EXPECT_EQ(events("{\"a\":123456789012345678901234567890}"), "{ k:a n:123456789012345678901234567890 } ");
}

TEST(JsonStream, LongStringsAcrossReadBlocks) {
  const std::string big(200000, 'x');
  EXPECT_EQ(events("[\"" + big + "\", \"" + big + "\\n\"]"), "[ s:" + big + " s:" + big + "\n ] ");
}

TEST(JsonStream, RejectsMalformedInput) {
  EXPECT_NE(error(R"({"a": [1, 2)").find("kết thúc giữa chừng"), std::string::npos);
  EXPECT_NE(error("{} x").find("dữ liệu thừa"), std::string::npos);
  EXPECT_NE(error("[01]").find("cần dấu"), std::string::npos);
  EXPECT_NE(error("[1.]").find("số không hợp lệ"), std::string::npos);
  EXPECT_NE(error("[-]").find("số không hợp lệ"), std::string::npos);
  EXPECT_NE(error("\"a\x01\"").find("ký tự điều khiển"), std::string::npos);
  EXPECT_NE(error(R"("\x")").find("chuỗi thoát"), std::string::npos);
  EXPECT_NE(error(R"("\ud800")").find("cặp thay thế"), std::string::npos);
  EXPECT_NE(error(R"("\u12")").find("\\u"), std::string::npos);
  EXPECT_NE(error("{\"a\" 1}").find("\":\""), std::string::npos);
  EXPECT_NE(error("{1: 2}").find("tên trường"), std::string::npos);
  EXPECT_NE(error("[tru]").find("giá trị không hợp lệ"), std::string::npos);
  EXPECT_NE(error("").find("byte 0"), std::string::npos);
  EXPECT_NE(error("[1,]").find("cần một giá trị"), std::string::npos);
}

// At most 64 arrays/objects open at once by default; one more fails at the offset of its bracket.
TEST(JsonStream, LimitsNestingDepth) {
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_EQ(error(ok), "");
  EXPECT_EQ(error(std::string(65, '[') + std::string(65, ']')), "byte 64: JSON lồng quá 64 tầng");
  EXPECT_EQ(error("{\"a\": [{\"b\": 1}]}", JsonLimits{2, 100}), "byte 7: JSON lồng quá 2 tầng");
  // A hostile document that never closes stops at the limit, not at the end of memory.
  EXPECT_EQ(error(std::string(1000000, '[')), "byte 64: JSON lồng quá 64 tầng");
}

// One string (key or value, counted after decoding escapes) or number of at most 1 MiB by default;
// a longer one fails at its starting offset, also when it spans several read blocks.
TEST(JsonStream, LimitsStringAndNumberLength) {
  const size_t mib = size_t{1} << 20;
  EXPECT_EQ(error("[\"" + std::string(mib, 'x') + "\"]"), "");
  EXPECT_EQ(error("[1, \"" + std::string(mib + 1, 'x') + "\"]"), "byte 4: chuỗi dài quá 1048576 byte");
  EXPECT_EQ(error("{\"" + std::string(mib + 1, 'k') + "\": 1}"), "byte 1: chuỗi dài quá 1048576 byte");
  EXPECT_EQ(error("[" + std::string(mib, '7') + "]"), "");
  EXPECT_EQ(error("[0, " + std::string(mib + 1, '7') + "]"), "byte 4: số dài quá 1048576 byte");
  EXPECT_EQ(error("[0." + std::string(mib, '5') + "]"), "byte 1: số dài quá 1048576 byte");
  // Escapes count as the bytes they decode to.
  const JsonLimits small{64, 4};
  EXPECT_EQ(error(R"(["\u1ec5x"])", small), "");  // 3 + 1 bytes
  EXPECT_EQ(error(R"(["ab", "\u1ec5\u1ec5"])", small), "byte 7: chuỗi dài quá 4 byte");
  EXPECT_EQ(error(R"(["abcd", "abcde"])", small), "byte 9: chuỗi dài quá 4 byte");
  EXPECT_EQ(error("[1234, 1.234]", small), "byte 7: số dài quá 4 byte");
  // The limits also hold for a stream that never ends the string.
  EXPECT_EQ(error("\"" + std::string(3 * mib, 'x')), "byte 0: chuỗi dài quá 1048576 byte");
}

// A stream that fails to read (here a directory opened as a file) is an input error, not malformed JSON.
TEST(JsonStream, ReadFailureIsNotASyntaxError) {
  std::ifstream dir(std::filesystem::temp_directory_path(), std::ios::binary);
  ASSERT_TRUE(dir.is_open());
  Recorder r;
  EXPECT_THROW(parseJsonStream(dir, r), JsonInputError);
}

}  // namespace
}  // namespace thidua
