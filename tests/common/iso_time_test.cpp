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

}  // namespace
}  // namespace thidua
