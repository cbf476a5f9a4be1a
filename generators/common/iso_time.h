#pragma once
// ISO 8601 dates and times as written in data files and on the command line.

#include <ctime>
#include <optional>
#include <string_view>

namespace thidua {

/// Parses "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:MM:SS" followed by "Z", "±HH:MM" or nothing; without
/// a zone the time is `defaultOffset` seconds east of UTC (Vietnam: 7 * 3600). Returns the instant as UTC
/// seconds, or nothing for any other text, a date that does not exist (2025-02-30) or a time out of
/// range. Thread-safe.
std::optional<std::time_t> parseIsoInstant(std::string_view text, long defaultOffset);

}  // namespace thidua
