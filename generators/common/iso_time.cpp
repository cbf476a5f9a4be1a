#include "generators/common/iso_time.h"

#include <cstddef>

namespace thidua {
namespace {

// Reads `width` decimal digits at text[at]; false if any is missing.
bool digits(std::string_view text, size_t at, size_t width, int& out) {
  if (at + width > text.size()) return false;
  out = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leapYear(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<CalendarDate> parseCalendarDate(std::string_view text) {
  CalendarDate d;
  if (text.size() != 10) return std::nullopt;
  if (text[4] == '-' && text[7] == '-') {
    if (!digits(text, 0, 4, d.year) || !digits(text, 5, 2, d.month) || !digits(text, 8, 2, d.day)) return std::nullopt;
  } else if (text[2] == '/' && text[5] == '/') {
    if (!digits(text, 0, 2, d.day) || !digits(text, 3, 2, d.month) || !digits(text, 6, 4, d.year)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > daysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::optional<std::time_t> parseIsoInstant(std::string_view text, long defaultOffset) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) || text[7] != '-' ||
      !digits(text, 8, 2, d)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return std::nullopt;
  long offset = defaultOffset;
  if (text.size() > 10) {
    if (text[10] != 'T' || !digits(text, 11, 2, h) || text.size() < 19 || text[13] != ':' ||
        !digits(text, 14, 2, mi) || text[16] != ':' || !digits(text, 17, 2, s)) {
      return std::nullopt;
    }
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    const std::string_view zone = text.substr(19);
    if (zone == "Z") {
      offset = 0;
    } else if (!zone.empty()) {
      int oh = 0, om = 0;
      if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) || zone[3] != ':' ||
          !digits(zone, 4, 2, om) || oh > 14 || om > 59) {
        return std::nullopt;
      }
      offset = (zone[0] == '-' ? -1L : 1L) * (oh * 3600L + om * 60L);
    }
  }
  struct tm tm {};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return timegm(&tm) - offset;
}

}  // namespace thidua
