#pragma once
// Unicode helpers. Every text a person reads is stored and rendered in NFC.

#include <string>
#include <string_view>

namespace thidua {

/// Returns `text` normalised to Unicode NFC. Throws std::invalid_argument if `text` is not valid UTF-8.
/// Text made only of code points that NFC never changes nor combines (ASCII to the IPA block, the
/// precomposed Vietnamese letters U+1E00–U+1EFF, punctuation U+2010–U+206F: typical Vietnamese input) is
/// returned as is without running the normaliser, so calling it on every string is cheap. Thread-safe.
std::string toNfc(std::string_view text);

/// Decodes the UTF-8 code point starting at byte `i` of `text` and advances `i` past it. An invalid or
/// truncated sequence yields U+FFFD and advances one byte. Requires i < text.size().
char32_t nextCodePoint(std::string_view text, size_t& i);

/// Appends the UTF-8 encoding of `cp` to `out`; a value that is not a Unicode scalar appends U+FFFD.
void appendUtf8(std::string& out, char32_t cp);

/// Returns true if `text` is valid UTF-8. Thread-safe.
bool isValidUtf8(std::string_view text);

/// Returns `text` in NFC with letters case-folded and Vietnamese diacritics removed ("Đ" -> "d"),
/// for accent-insensitive search keys. Throws std::invalid_argument on invalid UTF-8.
std::string searchKey(std::string_view text);

/// Where byte `offset` of UTF-8 `text` is, 1-based, for messages that point into a file: the column counts
/// code points, not bytes ("Nguyễn" is six columns).
struct TextPosition {
  size_t line = 1;
  size_t column = 1;
};
TextPosition textPosition(std::string_view text, size_t offset);

}  // namespace thidua
