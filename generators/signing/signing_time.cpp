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
  // "D:YYYYMMDDHHmmSS[Z|+HH'mm'|-HH'mm']" read as the ISO 8601 text it stands for (no zone: UTC).
  if (text.size() < 16 || text.compare(0, 2, "D:") != 0) return -1;
  std::string iso = text.substr(2, 4) + "-" + text.substr(6, 2) + "-" + text.substr(8, 2) + "T" +
                    text.substr(10, 2) + ":" + text.substr(12, 2) + ":" + text.substr(14, 2);
  const std::string zone = text.substr(16);
  if (zone.size() >= 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == '\'') {
    iso += zone.substr(0, 3) + ":" + zone.substr(4, 2);
  } else if (!zone.empty() && zone[0] == 'Z') {  // "Z", and "Z00'00'" as some producers write it
    iso += "Z";
  } else if (!zone.empty()) {
    return -1;
  }
  return parseIsoInstant(iso, 0).value_or(-1);
}

}  // namespace thidua::signing
