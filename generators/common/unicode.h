#pragma once
// Unicode helpers. Every text a person reads is stored and rendered in NFC.

#include <string>
#include <string_view>

namespace thidua {

/// Returns `text` normalised to Unicode NFC. Throws std::invalid_argument if `text` is not valid UTF-8.
/// Thread-safe.
std::string toNfc(std::string_view text);

/// Returns true if `text` is valid UTF-8. Thread-safe.
bool isValidUtf8(std::string_view text);

/// Returns `text` in NFC with letters case-folded and Vietnamese diacritics removed ("Đ" -> "d"),
/// for accent-insensitive search keys. Throws std::invalid_argument on invalid UTF-8.
std::string searchKey(std::string_view text);

}  // namespace thidua
