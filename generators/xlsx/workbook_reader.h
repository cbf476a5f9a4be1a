#pragma once
// Reads the sheets of an XLSX workbook cell by cell with SAX (no DOM): the workbook and its
// relationships, the shared strings, and any sheet on demand.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "generators/xlsx/zip_reader.h"

namespace thidua::xlsx {

/// One cell as stored: `type` is the OOXML t attribute ('n' number (also when absent), 's' shared or
/// inline string, 'f' formula string result ("str"), 'b' boolean, 'e' error, 'd' ISO date).
/// `value` is the text of the value (shared strings resolved, phonetic runs skipped).
struct RawCell {
  char type = 'n';
  std::string value;
  bool hasValue = false;     // a <v> or <is> element was present
  bool hasFormula = false;
  bool sharedFormula = false;
  std::string formula;       // without '='
};

struct SheetInfo {
  std::string name;
  std::string part;   // e.g. "xl/worksheets/sheet1.xml"
  std::string state;  // "visible", "hidden" or "veryHidden"
};

class WorkbookReader {
 public:
  /// Opens `path`, parses the package relationships, the workbook, its relationships and the shared
  /// strings. Throws ReadFailure (see ZipReader and parsePart; NotXlsx if a required part is missing).
  explicit WorkbookReader(const std::string& path);
  ~WorkbookReader();

  const std::vector<SheetInfo>& sheets() const { return sheets_; }
  /// Returns the sheet named `name`, or nullptr.
  const SheetInfo* findSheet(const std::string& name) const;

  /// Calls `onCell(row, col, cell)` (0-based) for every cell of `sheet`, in document order. Throws
  /// ReadFailure as parsePart does.
  void readSheet(const SheetInfo& sheet, const std::function<void(int, int, const RawCell&)>& onCell);

 private:
  std::unique_ptr<ZipReader> zip_;
  std::vector<SheetInfo> sheets_;
  std::vector<std::string> shared_;
};

}  // namespace thidua::xlsx
