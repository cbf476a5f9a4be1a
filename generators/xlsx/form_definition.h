#pragma once
// The definition of a report form that units fill in (templates/forms/*.json, kind "report-form"):
// a data file, parsed and validated once, rendered by form_writer and checked by form_reader.

#include <string>
#include <utility>
#include <vector>

namespace thidua::xlsx {

/// What a unit may type into an input cell.
enum class InputType { Integer, Text, List };

/// One value cell of a grid row.
struct CellSpec {
  enum class Kind { None, Input, RowTotal };
  Kind kind = Kind::None;
  InputType type = InputType::Integer;
  std::string list;  // name of the list (InputType::List)
};

/// A value column of a grid section: `key` names the field ("row.key"), `header` is its heading.
struct GridColumn {
  std::string key;
  std::string header;
};

/// A row of a grid section: labels for the label columns, one CellSpec per value column.
struct GridRow {
  std::string key;
  std::vector<std::string> labels;
  std::vector<CellSpec> cells;
  bool bold = false;
};

/// A single labelled input (fields and text sections).
struct FormField {
  std::string key;
  std::string label;
  InputType type = InputType::Text;
  std::string list;
  bool required = false;
  double height = 0;  // text sections: row height in points of the input box
};

enum class SectionKind { Grid, Fields, Text };

struct FormSection {
  SectionKind kind = SectionKind::Grid;
  std::string title;                     // bold line above the section (may be empty)
  std::vector<std::string> labelHeaders; // grid: headings of the label columns
  std::vector<GridColumn> columns;       // grid: value columns
  std::vector<GridRow> rows;             // grid
  std::string totalLabel;                // grid: when non-empty, a row of column totals
  bool required = true;                  // grid: every numeric input must be filled
  std::vector<FormField> fields;         // fields / text sections
};

struct FormDefinition {
  std::string id;
  int version = 0;
  std::string name;                      // human name of the form
  std::string sheet;                     // name of the visible sheet
  std::vector<double> widths;            // column widths (characters); also the sheet's column count
  int labelColumns = 2;                  // columns holding labels; the rest hold values
  std::vector<std::string> title;        // title lines; "{unit}" and "{period}" are substituted
  std::string note;                      // italic hint line under the title (may be empty)
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // named value lists
  std::vector<FormSection> sections;

  /// Returns the items of list `name`, or nullptr if there is none.
  const std::vector<std::string>* findList(const std::string& name) const;
};

/// Parses a form definition from JSON text. `origin` names the source in messages (a file path).
/// Returns the definition on success; throws std::invalid_argument with a message naming `origin` and
/// the JSON path of the fault (e.g. "sections[1].rows[2].cells[0]") when the definition is invalid.
FormDefinition parseFormDefinition(const std::string& json, const std::string& origin);

/// Reads and parses the form definition in file `path` (see parseFormDefinition). Throws
/// std::invalid_argument on an invalid definition and std::runtime_error if the file cannot be read.
FormDefinition loadFormDefinition(const std::string& path);

}  // namespace thidua::xlsx
