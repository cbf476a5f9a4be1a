#pragma once
// Calendar dates and instants used by the domain. Instants are UTC microseconds since the Unix epoch;
// calendar dates (decision dates, due dates, the 01/01 restart of numbering) are Vietnamese local dates
// (UTC+7, no daylight saving).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua::wf {

/// Microseconds since 1970-01-01T00:00:00Z.
using TimePoint = std::int64_t;

/// A proleptic Gregorian calendar date. A default-constructed Date is "no date" (valid() == false).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// True if this is a real calendar date.
  bool valid() const;
  /// "YYYY-MM-DD", or "" for an invalid date.
  std::string toIso() const;
  /// Parses "YYYY-MM-DD"; nullopt if malformed or not a real date.
  static std::optional<Date> parseIso(std::string_view text);
  /// Days since 1970-01-01 (may be negative); the date must be valid.
  std::int64_t toDays() const;
  static Date fromDays(std::int64_t days);
  /// 0 = Monday … 6 = Sunday.
  int weekday() const;
  Date addDays(int n) const { return fromDays(toDays() + n); }

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

/// The Vietnamese local date (UTC+7) of an instant.
Date vietnamDate(TimePoint t);

/// The instant at 00:00 Vietnamese local time of `d`.
TimePoint vietnamMidnight(const Date& d);

/// ISO 8601 UTC text of an instant, e.g. "2026-11-24T23:59:37.123456Z".
std::string formatTimePoint(TimePoint t);

}  // namespace thidua::wf
