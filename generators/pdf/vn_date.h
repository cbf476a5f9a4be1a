#pragma once
// Dates as Nghị định 30/2020 writes them.

#include <string>

namespace thidua::pdf {

/// A calendar date.
struct Date {
  int year = 0, month = 0, day = 0;
};

/// Parses "YYYY-MM-DD" (or "DD/MM/YYYY"; thidua::parseCalendarDate). Returns false on anything else or an
/// impossible date.
bool parseDate(const std::string& text, Date& out);

/// "ngày 05 tháng 01 năm 2024": days below 10 and months 1 and 2 take a leading zero (Nghị định
/// 30/2020, Phụ lục I).
std::string vietnameseDate(const Date& date);

/// "D:20240105000000Z", for the PDF info dictionary.
std::string pdfDate(const Date& date);

/// "05/01/2024".
std::string shortDate(const Date& date);

/// Prefixes a leading zero to a document number below 10: "5/QĐ-UBND" -> "05/QĐ-UBND".
std::string padDocumentNumber(const std::string& number);

}  // namespace thidua::pdf
