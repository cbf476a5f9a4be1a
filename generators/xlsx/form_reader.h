#pragma once
// Reads a filled report form back: checks that it is the expected form, version, unit and period, that
// no locked cell was edited, and that every input holds a value of its type; returns typed values.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "generators/xlsx/form_catalog.h"
#include "generators/xlsx/form_data.h"
#include "generators/xlsx/form_layout.h"
#include "generators/xlsx/read_error.h"

namespace thidua::xlsx {

struct ReadOptions {
  const FormDefinition* form = nullptr;  // the expected form; when null it is looked up in `catalog`
  const FormCatalog* catalog = nullptr;  //   by the id written in the file
  std::string unit;                      // the expected unit; empty: not checked
  std::string period;                    // the expected period; empty: not checked
};

struct FormReadResult {
  FormIdentity identity;                                                   // as written in the file
  std::vector<std::pair<std::string, std::optional<FieldValue>>> values;   // field id -> value, form order
  std::vector<ReadError> errors;                                           // empty on success
  bool ok() const { return errors.empty(); }
};

/// Reads the XLSX form at `path`. Never throws for a bad upload: every fault becomes a ReadError in the
/// result (file-level faults — not a zip, zip bomb, XML with DOCTYPE/entities, wrong form, version, unit
/// or period — end reading with that single error; cell faults are all reported, at most 200). Values
/// are returned only when there is no error. Throws only std::bad_alloc and the like. Thread-safe.
FormReadResult readForm(const std::string& path, const ReadOptions& options);

/// The result as JSON: {"ok": true, "form": …, "version": …, "unit": …, "period": …, "values": {…}} or
/// {"ok": false, "errors": [{"code": …, "sheet": …, "cell": …, "message": …}]}.
std::string formReadResultToJson(const FormReadResult& result);

}  // namespace thidua::xlsx
