#pragma once
// Award lists (danh sách khen thưởng) annexed to a decision: the decision's header, then one row per
// recipient (STT, họ và tên, chức vụ, đơn vị, hình thức khen thưởng, …). libxlsxwriter writes the
// workbook (styles, header rows, merged cells, widths, page setup) with one sample row that fixes the
// data cells' styles; the data rows themselves are written by our own code as sheet XML in memory,
// deflated on several threads and streamed into the final ZIP with the template's other parts copied
// unchanged (AwardListWriter, award_list.cpp). Memory stays at a few MB for any number of rows.

#include <ctime>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace thidua::xlsx {

/// One column of the list: `field` is the key of the row value ("stt" is numbered automatically),
/// `type` is "text" (default), "number" or "date" (value "YYYY-MM-DD" or "DD/MM/YYYY").
struct AwardListColumn {
  std::string field;
  std::string header;
  double width = 15;
  std::string type = "text";
};

/// The layout of an award list (templates/forms/*.json with "kind": "award-list").
struct AwardListLayout {
  std::string id;
  std::string sheet;
  std::string title;                       // default title when the data has none
  std::vector<AwardListColumn> columns;
};

/// The decision the list belongs to.
struct AwardListHeader {
  std::string superior;        // e.g. "ỦY BAN NHÂN DÂN" (may be empty)
  std::string issuer;          // e.g. "TỈNH BÌNH PHƯỚC" / "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
  std::string decisionNumber;  // e.g. "1000/QĐ-UBND"
  std::string decisionDate;    // "DD/MM/YYYY"
  std::string decidedBy;       // e.g. "Chủ tịch Ủy ban nhân dân tỉnh" (may be empty)
  std::string title;           // e.g. "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN"
  std::string subtitle;        // may be empty
  std::time_t created = 0;     // workbook creation date, from the data
};

/// Parses an award-list layout from JSON. Throws std::invalid_argument naming `origin` and the field.
AwardListLayout parseAwardListLayout(const std::string& json, const std::string& origin);

/// A cell refused by AwardListWriter::addRow(). what() names the row (1-based) and the column header, for
/// callers that add rows themselves; column() and reason() let a caller name the cell its own way (the
/// data file's "rows[i].<field>").
class AwardListCellError : public std::invalid_argument {
 public:
  AwardListCellError(const std::string& what, size_t column, std::string reason)
      : std::invalid_argument(what), column_(column), reason_(std::move(reason)) {}
  /// Index of the column in the layout.
  size_t column() const { return column_; }
  /// What is wrong, in Vietnamese, with the value quoted when there is one.
  const std::string& reason() const { return reason_; }

 private:
  size_t column_;
  std::string reason_;
};

/// Streams an award list into an XLSX file. Rows must be added in order; memory is bounded (a few
/// chunks of sheet XML in flight and a capped shared-string table). Texts repeated in a column are
/// shared strings, the others inline strings. The output is deterministic (same rows, same bytes).
/// Not thread-safe: call from one thread at a time (any thread).
class AwardListWriter {
 public:
  /// Writes the template workbook and starts the file (a temporary beside `path`, renamed by finish();
  /// removed if the writer is destroyed unfinished). Throws std::runtime_error.
  AwardListWriter(const AwardListLayout& layout, const AwardListHeader& header, const std::string& path);
  ~AwardListWriter();

  /// Adds one recipient. `values` holds one entry per layout column, in order (the "stt" entry is
  /// ignored: rows are numbered 1, 2, …). Values are expected in NFC. Throws AwardListCellError for a
  /// date that is not a real day ("YYYY-MM-DD" or "DD/MM/YYYY", years 1900–2999), a number that does not
  /// parse or a text over Excel's 32,767 characters; std::invalid_argument when the sheet would exceed
  /// Excel's 1,048,576 rows; std::runtime_error on a write failure. A refused row is not written.
  void addRow(const std::vector<std::string>& values);

  /// Finishes the file. Throws std::runtime_error if it cannot be written.
  void finish();

  /// Number of rows added so far.
  long rows() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace thidua::xlsx
