#include "generators/common/unicode.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace thidua {
namespace {

TEST(Unicode, NfdBecomesNfc) {
  // "Việt" decomposed: e + combining circumflex (U+0302) + combining dot below (U+0323).
  std::string nfd = "Vie\xCC\x82\xCC\xA3t";
  EXPECT_EQ(toNfc(nfd), "Việt");
  EXPECT_EQ(toNfc("Bằng khen"), "Bằng khen");
}

TEST(Unicode, FastPathKeepsNfcResults) {
  EXPECT_EQ(toNfc("Nguyễn Thị Hạnh – “Đơn vị học tập”"), "Nguyễn Thị Hạnh – “Đơn vị học tập”");
  EXPECT_EQ(toNfc("Nguye\xcc\x82\xcc\x83n"), "Nguyễn");         // combining marks
  EXPECT_EQ(toNfc("\xe2\x80\x80"), "\xe2\x80\x82");               // U+2000, a canonical singleton
  EXPECT_THROW(toNfc("Hạnh \xC3\x28"), std::invalid_argument);  // invalid byte after stable text
}

TEST(Unicode, CodePointsDecodeAndEncode) {
  std::string text = "Đa\xFF";
  size_t i = 0;
  EXPECT_EQ(nextCodePoint(text, i), U'Đ');
  EXPECT_EQ(nextCodePoint(text, i), U'a');
  EXPECT_EQ(nextCodePoint(text, i), U'\uFFFD');
  EXPECT_EQ(i, text.size());
  std::string out;
  appendUtf8(out, U'ệ');
  appendUtf8(out, U'\U0001F600');
  appendUtf8(out, static_cast<char32_t>(0xD800));  // a surrogate is not a scalar value
  EXPECT_EQ(out, "ệ\xF0\x9F\x98\x80\xEF\xBF\xBD");
}

TEST(Unicode, InvalidUtf8IsRejected) {
  EXPECT_FALSE(isValidUtf8("\xC3\x28"));
  EXPECT_TRUE(isValidUtf8("Thủ tướng Chính phủ"));
  EXPECT_THROW(toNfc("\xFF\xFE"), std::invalid_argument);
}

TEST(Unicode, SearchKeyIgnoresCaseAndDiacritics) {
  EXPECT_EQ(searchKey("Đặng Thị Hồng"), "dang thi hong");
  EXPECT_EQ(searchKey("Đ"), searchKey("đ"));
  EXPECT_EQ(searchKey("NGUYỄN"), searchKey("nguyen"));
}

TEST(TextPosition, CountsLinesAndCodePoints) {
  const std::string text = "Kế hoạch\nNguyễn Văn An";  // "ế" and "ạ" are 3 bytes, "ễ" 3, "ă" 2
  EXPECT_EQ(textPosition(text, 0).line, 1u);
  EXPECT_EQ(textPosition(text, 0).column, 1u);
  const size_t an = text.find("An");
  EXPECT_EQ(textPosition(text, an).line, 2u);
  EXPECT_EQ(textPosition(text, an).column, 12u);
  EXPECT_EQ(textPosition(text, text.size() + 10).line, 2u);  // past the end: the end
}

}  // namespace
}  // namespace thidua
