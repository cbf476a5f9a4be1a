#include "generators/xlsx/nfc.h"

#include <gtest/gtest.h>

namespace thidua::xlsx {
namespace {

TEST(Nfc, FastPathOnlyForTextThatIsNfcByConstruction) {
  EXPECT_TRUE(surelyNfc("Nguyễn Thị Hạnh – “Đơn vị học tập”"));
  EXPECT_FALSE(surelyNfc("Nguye\xcc\x82\xcc\x83n"));  // combining marks
  EXPECT_FALSE(surelyNfc("\xe2\x80\x80"));              // U+2000, a canonical singleton
  EXPECT_EQ(nfc("Nguye\xcc\x82\xcc\x83n"), "Nguyễn");
  EXPECT_EQ(nfc("\xe2\x80\x80"), "\xe2\x80\x82");
}

}  // namespace
}  // namespace thidua::xlsx
