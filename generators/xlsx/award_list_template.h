#pragma once
// The award list's workbook as libxlsxwriter writes it, cut open around the data rows: libxlsxwriter
// stays the author of everything but the rows (styles, header rows, merged cells, widths, print titles,
// page setup, properties); AwardListWriter streams the rows between `sheetHead` and `sheetTail`.

#include <cstdint>
#include <string>
#include <vector>

#include "generators/xlsx/award_list.h"

namespace thidua::xlsx {

/// What a data cell of a column holds.
enum class CellKind { Counter, Date, Number, Text };

struct AwardListTemplate {
  static constexpr const char* kSheetPart = "xl/worksheets/sheet1.xml";
  static constexpr const char* kStringsPart = "xl/sharedStrings.xml";
  /// Room kept for `<dimension ref="A1:XX1048576"/>` (≤ 50 columns, ≤ 1,048,576 rows), space-padded.
  static constexpr size_t kDimensionWidth = 31;

  std::string archive;                  // the whole XLSX libxlsxwriter wrote (indexZip() finds its parts)
  std::string sheetHead;                // sheet XML before the data rows; spaces where the dimension goes
  size_t dimensionAt = 0;               // offset of those kDimensionWidth spaces in sheetHead
  std::string sheetTail;                // sheet XML after the data rows ("</sheetData>…")
  std::string sharedStrings;            // xl/sharedStrings.xml (the header texts)
  uint32_t sharedCount = 0;             // its uniqueCount: the next free shared-string index
  std::vector<std::string> valueStyle;  // per column: ` s="…"` of a value of the column's kind
  std::vector<std::string> blankStyle;  // per column: ` s="…"` of an empty cell
  uint32_t firstRow = 0;                // 1-based sheet row of the first data row

  /// Returns `<dimension ref="A1:{last column}{lastRow}"/>` padded to kDimensionWidth.
  std::string dimension(size_t columns, uint32_t lastRow) const;
};

/// Writes the workbook for `layout` and `header` with libxlsxwriter into `scratchPath` (removed again),
/// with two sample rows (each column's value style, then its blank style) that are read and cut out.
/// `kinds` has one entry per column. Throws std::runtime_error.
AwardListTemplate buildAwardListTemplate(const AwardListLayout& layout, const AwardListHeader& header,
                                         const std::vector<CellKind>& kinds, const std::string& scratchPath);

}  // namespace thidua::xlsx
