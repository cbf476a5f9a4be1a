#pragma once
// The data that renders one report form: which unit and period it is for, the date written into the
// workbook's properties, and optional prefilled values (e.g. last year's figures).

#include <ctime>
#include <map>
#include <string>

#include "generators/xlsx/form_definition.h"

namespace thidua::xlsx {

/// A typed value of one input field: a whole number (InputType::Integer) or text.
struct FieldValue {
  bool isNumber = false;
  long long number = 0;
  std::string text;
};

struct FormData {
  std::string unit;
  std::string period;
  std::time_t created = 0;                   // workbook creation date (UTC), from the data
  std::map<std::string, FieldValue> values;  // field id -> value
};

/// Parses form data JSON: {"unit": "…", "period": "…", "created": "YYYY-MM-DD[THH:MM:SSZ]",
/// "values": {"field": 12 | "text"}}. Every value is checked against `def` (known field, whole number
/// ≥ 0 for numeric fields, an item of the list for list fields). Throws std::invalid_argument with a
/// Vietnamese message naming `origin` and the field on any fault.
FormData parseFormData(const std::string& json, const std::string& origin, const FormDefinition& def);

/// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[Z|±HH:MM]" (no zone: UTC; thidua::parseIsoInstant) of a
/// year 1980–2999. Returns false on bad input.
bool parseIsoDate(const std::string& text, std::time_t& out);

}  // namespace thidua::xlsx
