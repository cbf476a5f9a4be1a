#pragma once
// Award lists (danh sách khen thưởng) annexed to a decision: the decision's header, then one row per
// recipient (STT, họ và tên, chức vụ, đơn vị, hình thức khen thưởng, …). Written row by row in
// libxlsxwriter's constant-memory mode, so 100,000 rows need a few MB.

#include <ctime>
#include <memory>
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

/// Streams an award list into an XLSX file. Rows must be added in order; nothing is kept in memory
/// beyond the current row. Not thread-safe.
class AwardListWriter {
 public:
  /// Creates `path` (through a temporary file) and writes the header rows. Throws std::runtime_error.
  AwardListWriter(const AwardListLayout& layout, const AwardListHeader& header, const std::string& path);
  ~AwardListWriter();

  /// Adds one recipient. `values` holds one entry per layout column, in order (the "stt" entry is
  /// ignored: rows are numbered 1, 2, …). Values are expected in NFC. Throws std::invalid_argument naming
  /// the row and column for a date or number that does not parse.
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
