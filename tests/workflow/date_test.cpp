#include "workflow/date.h"

#include <gtest/gtest.h>

namespace thidua::wf {
namespace {

TEST(Date, ParsesAndFormatsIso) {
  auto d = Date::parseIso("2025-07-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->toIso(), "2025-07-01");
  EXPECT_FALSE(Date::parseIso("2025-02-29"));
  EXPECT_TRUE(Date::parseIso("2024-02-29"));
  EXPECT_FALSE(Date::parseIso("2025-7-01"));
  EXPECT_FALSE(Date{}.valid());
}

TEST(Date, DayArithmeticAndWeekday) {
  EXPECT_EQ((Date{1970, 1, 1}).toDays(), 0);
  EXPECT_EQ(Date::fromDays((Date{2025, 12, 31}).toDays() + 1), (Date{2026, 1, 1}));
  EXPECT_EQ((Date{2025, 7, 1}).weekday(), 1);   // Tuesday
  EXPECT_EQ((Date{2025, 9, 2}).weekday(), 1);   // Tuesday
  EXPECT_EQ((Date{2026, 1, 4}).weekday(), 6);   // Sunday
}

TEST(Date, VietnamLocalDateIsUtcPlusSeven) {
  // 2025-12-31T17:00:00Z is already 01/01/2026 in Việt Nam.
  const TimePoint t = vietnamMidnight(Date{2026, 1, 1});
  EXPECT_EQ(vietnamDate(t), (Date{2026, 1, 1}));
  EXPECT_EQ(vietnamDate(t - 1), (Date{2025, 12, 31}));
  EXPECT_EQ(formatTimePoint(t), "2025-12-31T17:00:00.000000Z");
}

}  // namespace
}  // namespace thidua::wf
