#include "generators/xlsx/sheet_xml.h"

#include <cmath>
#include <cstdio>

namespace thidua::xlsx {
namespace {

void appendDigits(std::string& out, unsigned long long v) {
  char buf[24];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  out.append(p, buf + sizeof buf - p);
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

}  // namespace

void appendXmlText(std::string& out, const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  const char* s = text.data();
  const size_t n = text.size();
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > '>' && c != '_' && c != 0xEF) continue;
    const char* rep = nullptr;
    char ctl[8];
    if (c == 0xEF) {
      // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
      if (i + 2 >= n || static_cast<unsigned char>(s[i + 1]) != 0xBF ||
          (static_cast<unsigned char>(s[i + 2]) & 0xFE) != 0xBE) {
        continue;
      }
      out.append(s + plain, i - plain);
      out += static_cast<unsigned char>(s[i + 2]) == 0xBE ? "_xFFFE_" : "_xFFFF_";
      i += 2;
      plain = i + 1;
      continue;
    } else if (c == '&') {
      rep = "&amp;";
    } else if (c == '<') {
      rep = "&lt;";
    } else if (c == '>') {
      rep = "&gt;";
    } else if (c < 0x20 && c != '\t' && c != '\n') {
      ctl[0] = '_', ctl[1] = 'x', ctl[2] = '0', ctl[3] = '0', ctl[4] = kHex[c >> 4], ctl[5] = kHex[c & 15];
      ctl[6] = '_', ctl[7] = '\0';
      rep = ctl;
    } else if (c == '_' && i + 6 < n && s[i + 1] == 'x' && isHex(s[i + 2]) && isHex(s[i + 3]) &&
               isHex(s[i + 4]) && isHex(s[i + 5]) && s[i + 6] == '_') {
      out.append(s + plain, i - plain);
      out += "_x005F";  // then the '_' itself, with the rest of the run
      plain = i;
      continue;
    } else {
      continue;
    }
    out.append(s + plain, i - plain);
    out += rep;
    plain = i + 1;
  }
  out.append(s + plain, n - plain);
}

bool needsSpacePreserve(const std::string& t) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return !t.empty() && (space(t.front()) || space(t.back()));
}

std::string columnLetters(unsigned index) {
  std::string s;
  for (unsigned n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

SheetXml::SheetXml(unsigned columns) {
  for (unsigned c = 0; c < columns; ++c) letters_.push_back(columnLetters(c));
}

void SheetXml::beginRow(std::string& out, uint32_t row) {
  row_.clear();
  appendDigits(row_, row);
  out += "<row r=\"";
  out += row_;
  out += "\">";
}

void SheetXml::open(std::string& out, unsigned column, const std::string& style) const {
  out += "<c r=\"";
  out += letters_[column];
  out += row_;
  out += '"';
  out += style;
}

void SheetXml::integer(std::string& out, unsigned column, const std::string& style, long long value) const {
  open(out, column, style);
  out += "><v>";
  if (value < 0) {
    out += '-';
    appendDigits(out, 0ull - static_cast<unsigned long long>(value));
  } else {
    appendDigits(out, static_cast<unsigned long long>(value));
  }
  out += "</v></c>";
}

void SheetXml::number(std::string& out, unsigned column, const std::string& style, double value) const {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    integer(out, column, style, static_cast<long long>(value));
    return;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.16G", value);
  open(out, column, style);
  out += "><v>";
  out += buf;
  out += "</v></c>";
}

void SheetXml::sharedString(std::string& out, unsigned column, const std::string& style, uint32_t index) const {
  open(out, column, style);
  out += " t=\"s\"><v>";
  appendDigits(out, index);
  out += "</v></c>";
}

void SheetXml::inlineString(std::string& out, unsigned column, const std::string& style,
                            const std::string& text) const {
  open(out, column, style);
  out += needsSpacePreserve(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>";
  appendXmlText(out, text);
  out += "</t></is></c>";
}

void SheetXml::blank(std::string& out, unsigned column, const std::string& style) const {
  open(out, column, style);
  out += "/>";
}

}  // namespace thidua::xlsx
