#include "generators/xlsx/sheet_xml.h"

#include <gtest/gtest.h>

namespace thidua::xlsx {
namespace {

std::string escaped(const std::string& s) {
  std::string out;
  appendXmlText(out, s);
  return out;
}

TEST(SheetXml, EscapesText) {
  EXPECT_EQ(escaped("Nguyễn & <Thị> \"Hạnh\" 'x'"), "Nguyễn &amp; &lt;Thị&gt; \"Hạnh\" 'x'");
  EXPECT_EQ(escaped(std::string("a\x01" "b\rc\td\ne\x1f", 10)), "a_x0001_b_x000D_c\td\ne_x001F_");
  EXPECT_EQ(escaped(std::string("\0", 1)), "_x0000_");
  EXPECT_EQ(escaped("_x0041_ and _x12_ and _xZZZZ_"), "_x005F_x0041_ and _x12_ and _xZZZZ_");
  // U+FFFE and U+FFFF are not XML characters; U+FFFD and other EF-led letters are kept.
  EXPECT_EQ(escaped("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c\xEF\xBF\xBD" "d\xEF\xBC\x81"),
            "a_xFFFE_b_xFFFF_c\xEF\xBF\xBD" "d\xEF\xBC\x81");
  EXPECT_EQ(escaped("\xEF\xBF"), "\xEF\xBF");
  EXPECT_TRUE(needsSpacePreserve(" a"));
  EXPECT_TRUE(needsSpacePreserve("a\n"));
  EXPECT_FALSE(needsSpacePreserve("a b"));
}

TEST(SheetXml, ColumnLetters) {
  EXPECT_EQ(columnLetters(0), "A");
  EXPECT_EQ(columnLetters(25), "Z");
  EXPECT_EQ(columnLetters(26), "AA");
  EXPECT_EQ(columnLetters(49), "AX");
  EXPECT_EQ(columnLetters(701), "ZZ");
  EXPECT_EQ(columnLetters(702), "AAA");
}

TEST(SheetXml, WritesCells) {
  SheetXml x(3);
  std::string out;
  x.beginRow(out, 12);
  x.integer(out, 0, " s=\"6\"", 7);
  x.inlineString(out, 1, " s=\"7\"", " a<b ");
  x.sharedString(out, 2, "", 14);
  x.endRow(out);
  x.beginRow(out, 13);
  x.number(out, 0, "", 0.1);
  x.number(out, 1, "", -46005);
  x.blank(out, 2, " s=\"7\"");
  x.endRow(out);
  EXPECT_EQ(out,
            "<row r=\"12\"><c r=\"A12\" s=\"6\"><v>7</v></c>"
            "<c r=\"B12\" s=\"7\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a&lt;b </t></is></c>"
            "<c r=\"C12\" t=\"s\"><v>14</v></c></row>"
            "<row r=\"13\"><c r=\"A13\"><v>0.1</v></c><c r=\"B13\"><v>-46005</v></c><c r=\"C13\" s=\"7\"/></row>");
}

}  // namespace
}  // namespace thidua::xlsx
