#include "generators/xlsx/shared_strings.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace thidua::xlsx {
namespace {

TEST(SharedStrings, SharesRepeatsAndLeavesDistinctColumnsInline) {
  SharedStrings s(2, 2);
  EXPECT_EQ(s.intern(0, "Giáo viên"), 2);
  EXPECT_EQ(s.intern(0, "Hiệu trưởng"), 3);
  EXPECT_EQ(s.intern(0, "Giáo viên"), 2);
  EXPECT_EQ(s.intern(0, std::string(SharedStrings::kMaxLength + 1, 'x')), -1);
  // Column 1: all distinct; after kProbe of them it stops sharing, even texts it already holds.
  for (size_t i = 0; i < SharedStrings::kProbe; ++i) EXPECT_GE(s.intern(1, "name " + std::to_string(i)), 0);
  EXPECT_EQ(s.intern(1, "name 0"), -1);
  EXPECT_EQ(s.intern(1, "Giáo viên"), -1);
  EXPECT_EQ(s.intern(0, "Giáo viên"), 2);

  const std::string xml =
      "<?xml version=\"1.0\"?>\n<sst xmlns=\"x\" count=\"3\" uniqueCount=\"2\"><si><t>a</t></si><si><t>b</t></si></sst>";
  const std::string out = s.extend(xml);
  const std::string head = "<?xml version=\"1.0\"?>\n<sst xmlns=\"x\" count=\"" +
                           std::to_string(3 + 4 + SharedStrings::kProbe) + "\" uniqueCount=\"" +
                           std::to_string(2 + 2 + SharedStrings::kProbe) + "\">";
  EXPECT_EQ(out.substr(0, head.size()), head);
  EXPECT_NE(out.find("<si><t>b</t></si><si><t>Giáo viên</t></si><si><t>Hiệu trưởng</t></si><si><t>name 0</t></si>"),
            std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 6), "</sst>");
  EXPECT_THROW(s.extend("<sst count=\"1\" uniqueCount=\"1\"></sst>"), std::runtime_error);
}

// The error of sharedStringCount(xml), or "" if it returns.
std::string countError(const std::string& xml) {
  try {
    sharedStringCount(xml);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

std::string table(const std::string& unique) {
  return "<?xml version=\"1.0\"?>\n<sst xmlns=\"x\" count=\"3\" uniqueCount=\"" + unique +
         "\"><si><t>a</t></si></sst>";
}

// uniqueCount (the next free index) is read strictly: digits only, at most kMaxCount.
TEST(SharedStrings, CountIsCheckedDigitsOnlyAndInRange) {
  EXPECT_EQ(sharedStringCount(table("2")), 2u);
  EXPECT_EQ(sharedStringCount(table("0")), 0u);
  EXPECT_EQ(sharedStringCount(table("2147483647")), SharedStrings::kMaxCount);
  const std::string range = "sharedStrings.xml: uniqueCount phải là số nguyên từ 0 đến 2147483647, không phải ";
  EXPECT_EQ(countError(table("2147483648")), range + "\"2147483648\"");
  EXPECT_EQ(countError(table("4294967298")), range + "\"4294967298\"");  // 2 after a 32-bit wrap
  EXPECT_EQ(countError(table("99999999999999999999999")), range + "\"9999999999999999\"");
  EXPECT_EQ(countError(table("12a")), range + "\"12a\"");
  EXPECT_EQ(countError(table("-1")), range + "\"-1\"");
  EXPECT_EQ(countError(table(" 2")), range + "\" 2\"");
  EXPECT_EQ(countError(table("+2")), range + "\"+2\"");
  EXPECT_EQ(countError(table("")), range + "\"\"");
  EXPECT_EQ(countError("<sst count=\"1\"><si><t>a</t></si></sst>"),
            "sharedStrings.xml: thiếu thuộc tính uniqueCount của <sst>");
  // An attribute of a child element is not the table's.
  EXPECT_EQ(countError("<sst count=\"1\"><si uniqueCount=\"1\"><t>a</t></si></sst>"),
            "sharedStrings.xml: thiếu thuộc tính uniqueCount của <sst>");
  EXPECT_EQ(countError("<sst uniqueCount=\"1\">"), "sharedStrings.xml không hợp lệ");
}

// extend() applies the same checks to both numbers, so the counts it writes cannot wrap around.
TEST(SharedStrings, ExtendRefusesBadCounts) {
  SharedStrings s(2, 1);
  s.intern(0, "Giáo viên");
  EXPECT_NE(s.extend("<sst count=\"3\" uniqueCount=\"2\"></sst>").find("count=\"4\" uniqueCount=\"3\""),
            std::string::npos);
  EXPECT_THROW(s.extend("<sst count=\"3\" uniqueCount=\"4294967298\"></sst>"), std::runtime_error);
  EXPECT_THROW(s.extend("<sst count=\"18446744073709551619\" uniqueCount=\"2\"></sst>"), std::runtime_error);
  EXPECT_THROW(s.extend("<sst count=\"3x\" uniqueCount=\"2\"></sst>"), std::runtime_error);
}

}  // namespace
}  // namespace thidua::xlsx
