#include "generators/signing/signing_time.h"

#include <cstdio>
#include <stdexcept>

#include "generators/common/iso_time.h"

namespace thidua::signing {
namespace {

constexpr long kVietnamOffset = 7 * 3600;

struct tm vietnamTm(std::time_t utc) {
  std::time_t local = utc + kVietnamOffset;
  struct tm tm {};
  gmtime_r(&local, &tm);
  return tm;
}

std::time_t fromFields(int y, int mo, int d, int h, int mi, int s, long offsetSeconds) {
  struct tm tm {};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return timegm(&tm) - offsetSeconds;
}

}  // namespace

std::string pdfDate(std::time_t utc) {
  struct tm tm = vietnamTm(utc);
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+07'00'", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string iso8601Vietnam(std::time_t utc) {
  struct tm tm = vietnamTm(utc);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::time_t parseIso8601(const std::string& text) {
  const std::optional<std::time_t> instant = parseIsoInstant(text, kVietnamOffset);
  if (!instant) {
    throw std::invalid_argument("thời điểm phải có dạng ISO 8601 YYYY-MM-DD[THH:MM:SS[Z|±HH:MM]], nhận \"" + text +
                                "\"");
  }
  return *instant;
}

std::time_t parsePdfDate(const std::string& text) {
  int y, mo, d, h, mi, s, n = 0;
  if (std::sscanf(text.c_str(), "D:%4d%2d%2d%2d%2d%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || n != 16) {
    return -1;
  }
  long offset = 0;
  if (text.size() > 16 && (text[16] == '+' || text[16] == '-')) {
    int oh = 0, om = 0;
    std::sscanf(text.c_str() + 17, "%2d'%2d", &oh, &om);
    offset = (text[16] == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
  }
  return fromFields(y, mo, d, h, mi, s, offset);
}

}  // namespace thidua::signing
