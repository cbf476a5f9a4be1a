#pragma once
// Dates and times as written in data files and on the command line: ISO 8601, and the Vietnamese
// DD/MM/YYYY.

#include <ctime>
#include <optional>
#include <string_view>

namespace thidua {

/// Parses "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:MM:SS" followed by "Z", "±HH:MM" or nothing; without
/// a zone the time is `defaultOffset` seconds east of UTC (Vietnam: 7 * 3600). Returns the instant as UTC
/// seconds, or nothing for any other text, a date that does not exist (2025-02-30) or a time out of
/// range. Thread-safe.
std::optional<std::time_t> parseIsoInstant(std::string_view text, long defaultOffset);

/// A day of the Gregorian calendar.
struct CalendarDate {
  int year = 0, month = 0, day = 0;
};

/// Parses "YYYY-MM-DD" or "DD/MM/YYYY" (both exactly 10 characters) of a year from 1900 to 2999. Returns
/// nothing for any other text or a day that does not exist (31/02/2025, 2025-04-31). Thread-safe.
std::optional<CalendarDate> parseCalendarDate(std::string_view text);

}  // namespace thidua
