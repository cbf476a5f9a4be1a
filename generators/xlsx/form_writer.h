#pragma once
// Renders a report form for one unit and period as XLSX (libxlsxwriter): title rows, locked labels,
// unlocked input cells, validation, total formulas with cached values, sheet protection, and hidden
// sheets holding the list values and the form's identity.

#include <string>

#include "generators/xlsx/form_data.h"
#include "generators/xlsx/form_definition.h"

namespace thidua::xlsx {

/// Writes the form `def` filled with `data` to `path` (replaced if it exists; written through a
/// temporary file beside it). Deterministic: the same definition and data give the same bytes.
/// Throws std::runtime_error naming the path if the file cannot be written. Not thread-safe with other
/// libxlsxwriter calls on the same workbook; separate calls may run concurrently.
void writeForm(const FormDefinition& def, const FormData& data, const std::string& path);

}  // namespace thidua::xlsx
