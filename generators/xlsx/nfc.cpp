#include "generators/xlsx/nfc.h"

#include "generators/common/unicode.h"

namespace thidua::xlsx {

bool surelyNfc(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    unsigned cp;
    if ((c & 0xE0) == 0xC0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else if ((c & 0xF0) == 0xE0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      p += 3;
    } else {
      return false;
    }
    const bool ok = (cp >= 0xA0 && cp <= 0x17F) || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 ||
                    (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
                    (cp >= 0x2030 && cp <= 0x205E);
    if (!ok) return false;
  }
  return true;
}

std::string nfc(const std::string& s) { return surelyNfc(s) ? s : thidua::toNfc(s); }

}  // namespace thidua::xlsx
