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

}  // namespace
}  // namespace thidua
