#include "generators/signing/signing_time.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace thidua::signing {
namespace {

constexpr std::time_t kInstant = 1795565700;  // 2026-11-25T00:15:00Z

TEST(SigningTime, FormatsInVietnamTime) {
  EXPECT_EQ(pdfDate(kInstant), "D:20261125071500+07'00'");
  EXPECT_EQ(iso8601Vietnam(kInstant), "2026-11-25T07:15:00+07:00");
  EXPECT_EQ(iso8601Vietnam(kInstant + 17 * 3600), "2026-11-26T00:15:00+07:00");
}

TEST(SigningTime, ParsesIso8601WithAnyZone) {
  EXPECT_EQ(parseIso8601("2026-11-25T07:15:00+07:00"), kInstant);
  EXPECT_EQ(parseIso8601("2026-11-25T07:15:00"), kInstant);
  EXPECT_EQ(parseIso8601("2026-11-25T00:15:00Z"), kInstant);
  EXPECT_EQ(parseIso8601("2026-11-24T19:15:00-05:00"), kInstant);
  EXPECT_THROW(parseIso8601("25/11/2026"), std::invalid_argument);
  EXPECT_THROW(parseIso8601("2026-11-25T07:15:00+7"), std::invalid_argument);
}

TEST(SigningTime, ParsesPdfDates) {
  EXPECT_EQ(parsePdfDate("D:20261125071500+07'00'"), kInstant);
  EXPECT_EQ(parsePdfDate("D:20261125001500Z"), kInstant);
  EXPECT_EQ(parsePdfDate("D:20261125001500"), kInstant);
  EXPECT_EQ(parsePdfDate("D:20261125001500Z00'00'"), kInstant);
  EXPECT_EQ(parsePdfDate("D:20261124191500-05'00"), kInstant);
  EXPECT_EQ(parsePdfDate("D:20260231001500Z"), -1);
  EXPECT_EQ(parsePdfDate("hôm nay"), -1);
}

}  // namespace
}  // namespace thidua::signing
