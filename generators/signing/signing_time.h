#pragma once
// Signing times: one instant (UTC seconds), shown in Vietnam time (UTC+07:00, no daylight saving).

#include <ctime>
#include <string>

namespace thidua::signing {

/// Returns `utc` as a PDF date in Vietnam time: "D:20261125071500+07'00'". Thread-safe.
std::string pdfDate(std::time_t utc);

/// Returns `utc` as ISO 8601 in Vietnam time: "2026-11-25T07:15:00+07:00". Thread-safe.
std::string iso8601Vietnam(std::time_t utc);

/// Parses ISO 8601 "YYYY-MM-DD[THH:MM:SS]" followed by "Z" or "±HH:MM" (no suffix means Vietnam time;
/// see thidua::parseIsoInstant). Returns UTC seconds. Throws std::invalid_argument on any other form.
std::time_t parseIso8601(const std::string& text);

/// Parses a PDF date ("D:YYYYMMDDHHmmSS" with optional "Z" / "+HH'mm'" / "-HH'mm'"). Returns UTC seconds,
/// or -1 when `text` is not a PDF date.
std::time_t parsePdfDate(const std::string& text);

}  // namespace thidua::signing
