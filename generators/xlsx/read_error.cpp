#include "generators/xlsx/read_error.h"

namespace thidua::xlsx {

const char* codeName(ReadErrorCode code) {
  switch (code) {
    case ReadErrorCode::NotZip: return "not_zip";
    case ReadErrorCode::NotXlsx: return "not_xlsx";
    case ReadErrorCode::ZipBomb: return "zip_bomb";
    case ReadErrorCode::XmlDoctype: return "xml_doctype";
    case ReadErrorCode::XmlEntityExpansion: return "xml_entity_expansion";
    case ReadErrorCode::XmlExternalEntity: return "xml_external_entity";
    case ReadErrorCode::WrongForm: return "wrong_form";
    case ReadErrorCode::WrongVersion: return "wrong_version";
    case ReadErrorCode::WrongUnit: return "wrong_unit";
    case ReadErrorCode::WrongPeriod: return "wrong_period";
    case ReadErrorCode::LockedCellEdited: return "locked_cell_edited";
    case ReadErrorCode::NotANumber: return "not_a_number";
    case ReadErrorCode::NegativeNumber: return "negative_number";
    case ReadErrorCode::NotWholeNumber: return "not_whole_number";
    case ReadErrorCode::MissingValue: return "missing_value";
    case ReadErrorCode::InvalidListValue: return "invalid_list_value";
  }
  return "unknown";
}

}  // namespace thidua::xlsx
