#include "generators/pdf/vn_date.h"

#include <gtest/gtest.h>

namespace thidua::pdf {
namespace {

TEST(VnDateTest, LeadingZerosFollowTheDecree) {
  Date d;
  ASSERT_TRUE(parseDate("2024-01-05", d));
  EXPECT_EQ(vietnameseDate(d), "ngày 05 tháng 01 năm 2024");
  ASSERT_TRUE(parseDate("15/03/2025", d));
  EXPECT_EQ(vietnameseDate(d), "ngày 15 tháng 3 năm 2025");
  ASSERT_TRUE(parseDate("2025-02-28", d));
  EXPECT_EQ(vietnameseDate(d), "ngày 28 tháng 02 năm 2025");
  EXPECT_EQ(shortDate(d), "28/02/2025");
  EXPECT_EQ(pdfDate(d), "D:20250228000000Z");
}

TEST(VnDateTest, RejectsImpossibleDates) {
  Date d;
  EXPECT_FALSE(parseDate("2025-02-29", d));
  EXPECT_TRUE(parseDate("2024-02-29", d));
  EXPECT_FALSE(parseDate("2025-13-01", d));
  EXPECT_FALSE(parseDate("5/1/2024", d));
  EXPECT_FALSE(parseDate("hôm nay", d));
}

TEST(VnDateTest, DocumentNumbersBelowTenGetALeadingZero) {
  EXPECT_EQ(padDocumentNumber("5/QĐ-UBND"), "05/QĐ-UBND");
  EXPECT_EQ(padDocumentNumber("15/QĐ-UBND"), "15/QĐ-UBND");
  EXPECT_EQ(padDocumentNumber("05/QĐ-UBND"), "05/QĐ-UBND");
}

}  // namespace
}  // namespace thidua::pdf
