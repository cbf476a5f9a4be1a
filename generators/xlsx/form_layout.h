#pragma once
// Where every cell of a report form goes. The writer renders this plan and the reader checks an upload
// against the very same plan, so the two cannot drift apart.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "generators/xlsx/form_definition.h"

namespace thidua::xlsx {

/// Names of the hidden sheets and of the rows of the identity sheet.
inline constexpr const char* kIdentitySheet = "thidua_form";
inline constexpr const char* kListsSheet = "thidua_lists";
inline constexpr const char* kIdentityLabels[4] = {"Mã biểu mẫu", "Phiên bản", "Đơn vị", "Kỳ báo cáo"};

/// Which form a workbook is, as written in its hidden identity sheet.
struct FormIdentity {
  std::string formId;
  int version = 0;
  std::string unit;
  std::string period;
};

enum class CellRole { Label, Input, Formula, Blank };
enum class CellStyle { Title, Subtitle, Note, SectionTitle, Header, Label, LabelBold, Input, InputText,
                       TextBox, NotApplicable, Total };

/// One cell (or merged range, from `col` to `lastCol`) of the form sheet; rows and columns are 0-based.
struct LayoutCell {
  int row = 0;
  int col = 0;
  int lastCol = 0;
  CellRole role = CellRole::Blank;
  CellStyle style = CellStyle::Label;
  std::string text;                         // Label: the exact text
  std::string formula;                      // Formula: without the leading '='
  std::vector<std::pair<int, int>> refs;    // Formula: the numeric cells it sums
  std::string field;                        // Input: field id ("row.column" or "key")
  InputType type = InputType::Integer;      // Input
  std::string list;                         // Input of InputType::List
  bool required = false;                    // Input
  std::string caption;                      // Input: what a person calls it, for messages
};

struct FormLayout {
  std::string sheet;
  std::vector<double> widths;
  std::vector<LayoutCell> cells;            // in row-major order
  std::map<int, double> rowHeights;         // row -> height in points
  int rows = 0;                             // number of rows used

  /// Returns the cell whose top-left corner is (row, col), or nullptr.
  const LayoutCell* at(int row, int col) const;
  /// Returns the cell covering (row, col) (inside a merged range too), or nullptr.
  const LayoutCell* covering(int row, int col) const;

  std::map<std::pair<int, int>, size_t> index_;  // (row, col) of a top-left corner -> cells index
};

/// Plans the form sheet of `def` for one unit and period ("{unit}" and "{period}" in the title are
/// replaced). Pure and deterministic; never fails for a definition accepted by parseFormDefinition.
FormLayout layoutForm(const FormDefinition& def, const std::string& unit, const std::string& period);

/// "C5" for (row 4, col 2).
std::string cellName(int row, int col);
/// Parses "C5" (or "$C$5") into 0-based (row, col). Returns false if `name` is not a cell reference.
bool parseCellName(const std::string& name, int& row, int& col);
/// Parses column letters ("C") into a 0-based column. Returns false on bad input.
bool parseColumnName(const std::string& letters, int& col);

}  // namespace thidua::xlsx
