#include "generators/pdf/vn_date.h"

#include <cctype>
#include <cstdio>

namespace thidua::pdf {
namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

int daysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

std::string two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace

bool parseDate(const std::string& text, Date& out) {
  Date d;
  if (text.size() == 10 && digits(text, 0, 4) && text[4] == '-' && digits(text, 5, 2) && text[7] == '-' &&
      digits(text, 8, 2)) {
    d.year = std::stoi(text.substr(0, 4));
    d.month = std::stoi(text.substr(5, 2));
    d.day = std::stoi(text.substr(8, 2));
  } else if (text.size() == 10 && digits(text, 0, 2) && text[2] == '/' && digits(text, 3, 2) && text[5] == '/' &&
             digits(text, 6, 4)) {
    d.day = std::stoi(text.substr(0, 2));
    d.month = std::stoi(text.substr(3, 2));
    d.year = std::stoi(text.substr(6, 4));
  } else {
    return false;
  }
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysIn(d.year, d.month)) return false;
  out = d;
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
