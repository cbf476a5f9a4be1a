#pragma once
// What can be wrong with an uploaded XLSX form: one code per kind, a Vietnamese message naming the
// sheet and cell where there is one.

#include <stdexcept>
#include <string>

namespace thidua::xlsx {

enum class ReadErrorCode {
  NotZip,              // not a ZIP archive at all (or a broken one)
  NotXlsx,             // a ZIP, but not a spreadsheet (missing workbook parts, unsupported features)
  ZipBomb,             // declared sizes that lie, or sizes/ratios beyond the limits
  XmlDoctype,          // an XML part with a DOCTYPE (never present in XLSX)
  XmlEntityExpansion,  // an XML part declaring internal entities (billion laughs)
  XmlExternalEntity,   // an XML part referring to external entities or an external DTD
  WrongForm,           // another form, or not a thidua form
  WrongVersion,        // the expected form in another version
  WrongUnit,           // the form of another unit
  WrongPeriod,         // the form of another period
  LockedCellEdited,    // a label, formula or locked cell differs from the form
  NotANumber,          // text (or a boolean, error…) in a numeric cell
  NegativeNumber,      // a negative number in a numeric cell
  NotWholeNumber,      // a fraction in a whole-number cell
  MissingValue,        // a required cell left empty
  InvalidListValue,    // a value that is not an item of the cell's list
};

/// The stable machine name of a code ("zip_bomb", "negative_number", …).
const char* codeName(ReadErrorCode code);

/// One fault of an upload. `sheet` and `cell` are empty when the fault concerns the whole file.
struct ReadError {
  ReadErrorCode code = ReadErrorCode::NotXlsx;
  std::string sheet;
  std::string cell;
  std::string message;
};

/// Thrown inside the reader for faults that end reading the file.
class ReadFailure : public std::runtime_error {
 public:
  explicit ReadFailure(ReadError e) : std::runtime_error(e.message), error_(std::move(e)) {}
  ReadFailure(ReadErrorCode code, const std::string& message)
      : std::runtime_error(message), error_{code, "", "", message} {}
  const ReadError& error() const { return error_; }

 private:
  ReadError error_;
};

}  // namespace thidua::xlsx
