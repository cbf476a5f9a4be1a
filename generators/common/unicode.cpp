#include "generators/common/unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace thidua {
namespace {

std::string mapWith(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) throw std::invalid_argument(std::string("invalid UTF-8: ") + utf8proc_errmsg(n));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> holder(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

// True if NFC leaves `cp` unchanged whatever surrounds it: Basic Latin to the IPA block (below the
// combining marks), Latin Extended Additional (precomposed Vietnamese letters) and the punctuation block
// from U+2010 (dashes, quotes): none of them decompose or combine with a neighbour.
bool nfcStable(char32_t cp) {
  return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2010 && cp < 0x2070);
}

// Decodes one code point at `i`; returns -1 (and leaves `i`) on an invalid sequence.
utf8proc_int32_t decodeAt(std::string_view text, size_t& i) {
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return -1;
  i += static_cast<size_t>(n);
  return cp;
}

}  // namespace

std::string toNfc(std::string_view text) {
  if (text.empty()) return std::string();
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = decodeAt(text, i);
    if (cp < 0 || !nfcStable(static_cast<char32_t>(cp))) {
      return mapWith(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);  // normalises, or throws on bad UTF-8
    }
  }
  return std::string(text);
}

char32_t nextCodePoint(std::string_view text, size_t& i) {
  utf8proc_int32_t cp = decodeAt(text, i);
  if (cp < 0) {
    ++i;
    return 0xFFFD;
  }
  return static_cast<char32_t>(cp);
}

void appendUtf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_int32_t value = utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(cp))
                               ? static_cast<utf8proc_int32_t>(cp)
                               : 0xFFFD;
  utf8proc_ssize_t n = utf8proc_encode_char(value, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool isValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string searchKey(std::string_view text) {
  if (text.empty()) return std::string();
  // Decompose, drop combining marks, fold case; then map the one letter that is not decomposable.
  std::string folded = mapWith(text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                         UTF8PROC_CASEFOLD);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    // U+0111 (đ) is C4 91 in UTF-8; U+0110 (Đ) case-folds to it.
    if (static_cast<unsigned char>(folded[i]) == 0xC4 && i + 1 < folded.size() &&
        static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      out.push_back('d');
      ++i;
    } else {
      out.push_back(folded[i]);
    }
  }
  return out;
}

TextPosition textPosition(std::string_view text, size_t offset) {
  TextPosition p;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace thidua
