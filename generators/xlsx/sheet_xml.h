#pragma once
// Appends SpreadsheetML sheet data (<row> and <c> elements) to a memory buffer, without stdio or printf
// on the common paths: the award list's own row writer. Text is escaped for XML (& < >) and control
// characters other than tab and line feed, and the non-characters U+FFFE and U+FFFF (which XML 1.0 does
// not allow either), are written in Excel's _xHHHH_ form (as is a literal "_xHHHH_" in the text,
// prefixed by _x005F), as Excel and libxlsxwriter do.

#include <cstdint>
#include <string>
#include <vector>

namespace thidua::xlsx {

/// Appends `text` escaped for an XML text node (see above).
void appendXmlText(std::string& out, const std::string& text);

/// Returns true if `text` begins or ends with whitespace (the <t> element then needs xml:space).
bool needsSpacePreserve(const std::string& text);

/// Returns the column letters of zero-based column `index` ("A", …, "Z", "AA", …).
std::string columnLetters(unsigned index);

/// Writes the cells of one row at a time. `style` arguments are the attribute text to put in the cell,
/// e.g. ` s="7"`, or empty for the default style. Not thread-safe; cheap to copy.
class SheetXml {
 public:
  /// `columns`: the number of columns rows will have (letters are precomputed).
  explicit SheetXml(unsigned columns);

  /// Opens row `row` (1-based).
  void beginRow(std::string& out, uint32_t row);
  /// Closes the open row.
  void endRow(std::string& out) const { out += "</row>"; }

  void integer(std::string& out, unsigned column, const std::string& style, long long value) const;
  /// A finite number, written like libxlsxwriter (%.16G) unless it is a whole number.
  void number(std::string& out, unsigned column, const std::string& style, double value) const;
  void sharedString(std::string& out, unsigned column, const std::string& style, uint32_t index) const;
  void inlineString(std::string& out, unsigned column, const std::string& style, const std::string& text) const;
  void blank(std::string& out, unsigned column, const std::string& style) const;

 private:
  void open(std::string& out, unsigned column, const std::string& style) const;

  std::vector<std::string> letters_;
  std::string row_;  // digits of the open row
};

}  // namespace thidua::xlsx
