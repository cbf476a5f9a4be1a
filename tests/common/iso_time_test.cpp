#include "generators/common/iso_time.h"

#include <gtest/gtest.h>

namespace thidua {
namespace {

constexpr long kVietnam = 7 * 3600;
constexpr std::time_t kInstant = 1795565700;  // 2026-11-25T00:15:00Z

TEST(IsoTime, ZonesAndTheDefaultOffset) {
  EXPECT_EQ(parseIsoInstant("2026-11-25T00:15:00Z", kVietnam), kInstant);
  EXPECT_EQ(parseIsoInstant("2026-11-25T07:15:00+07:00", 0), kInstant);
  EXPECT_EQ(parseIsoInstant("2026-11-24T19:15:00-05:00", kVietnam), kInstant);
  EXPECT_EQ(parseIsoInstant("2026-11-25T07:15:00", kVietnam), kInstant);
  EXPECT_EQ(parseIsoInstant("2026-11-25T00:15:00", 0), kInstant);
}

TEST(IsoTime, DatesAreMidnight) {
  EXPECT_EQ(parseIsoInstant("2026-11-25", 0), kInstant - 15 * 60);
  EXPECT_EQ(parseIsoInstant("2026-11-25", kVietnam), kInstant - 15 * 60 - kVietnam);
  EXPECT_EQ(parseIsoInstant("2024-02-29", 0), std::time_t{1709164800});
}

TEST(IsoTime, RefusesOtherTextAndImpossibleValues) {
  for (const char* bad : {"", "25/11/2026", "2026-11-25T07:15", "2026-11-25T07:15:00+7", "2026-11-25 07:15:00",
                          "2026-13-01", "2025-02-29", "2026-04-31", "2026-11-25T24:00:00", "2026-11-25T07:60:00",
                          "2026-11-25T07:15:00Zx", "2026-11-25T07:15:00+07:00:00", "２０２６-11-25", "2026-1-5"}) {
    EXPECT_FALSE(parseIsoInstant(bad, 0).has_value()) << bad;
  }
}

TEST(CalendarDate, BothWritingsAndOnlyRealDays) {
  const auto iso = parseCalendarDate("2025-12-15");
  ASSERT_TRUE(iso.has_value());
  EXPECT_EQ(iso->year, 2025);
  EXPECT_EQ(iso->month, 12);
  EXPECT_EQ(iso->day, 15);
  const auto vn = parseCalendarDate("05/01/2024");
  ASSERT_TRUE(vn.has_value());
  EXPECT_EQ(vn->year, 2024);
  EXPECT_EQ(vn->month, 1);
  EXPECT_EQ(vn->day, 5);
  EXPECT_TRUE(parseCalendarDate("29/02/2024").has_value());
  for (const char* bad : {"31/02/2025", "29/02/2025", "2025-04-31", "2025-13-01", "00/01/2025", "1899-12-31",
                          "2025-1-5", "5/1/2025", "2025/01/05", "15-12-2025", "2025-12-15T00:00:00", ""}) {
    EXPECT_FALSE(parseCalendarDate(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace thidua
