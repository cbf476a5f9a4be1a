#include "generators/pdf/vn_date.h"

#include <cstdio>

#include "generators/common/iso_time.h"

namespace thidua::pdf {
namespace {

std::string two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace

bool parseDate(const std::string& text, Date& out) {
  const std::optional<CalendarDate> d = parseCalendarDate(text);
  if (!d) return false;
  out = Date{d->year, d->month, d->day};
  return true;
}

std::string vietnameseDate(const Date& date) {
  const std::string month = date.month <= 2 ? two(date.month) : std::to_string(date.month);
  return "ngày " + two(date.day) + " tháng " + month + " năm " + std::to_string(date.year);
}

std::string pdfDate(const Date& date) {
  return "D:" + std::to_string(date.year) + two(date.month) + two(date.day) + "000000Z";
}

std::string shortDate(const Date& date) {
  return two(date.day) + "/" + two(date.month) + "/" + std::to_string(date.year);
}

std::string padDocumentNumber(const std::string& number) {
  if (number.size() >= 2 && std::isdigit(static_cast<unsigned char>(number[0])) &&
      !std::isdigit(static_cast<unsigned char>(number[1]))) {
    return "0" + number;
  }
  return number;
}

}  // namespace thidua::pdf
