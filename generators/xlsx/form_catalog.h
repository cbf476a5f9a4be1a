#pragma once
// The report forms the server knows, by id: every "report-form" definition in a folder.

#include <map>
#include <string>

#include "generators/xlsx/form_definition.h"

namespace thidua::xlsx {

class FormCatalog {
 public:
  /// The folder of shipped definitions: $THIDUA_FORMS_DIR if set, else the source tree's templates/forms.
  static std::string defaultDir();

  FormCatalog() = default;
  /// Loads every *.json in `dir` whose "kind" is "report-form". Throws std::invalid_argument naming the
  /// file and field of an invalid definition, std::runtime_error if `dir` cannot be read.
  explicit FormCatalog(const std::string& dir);

  /// Adds (or replaces) a definition.
  void add(FormDefinition def);
  /// Returns the definition with `id`, or nullptr. The pointer stays valid while the catalog lives and
  /// no definition with the same id is added.
  const FormDefinition* find(const std::string& id) const;

 private:
  std::map<std::string, FormDefinition> forms_;
};

}  // namespace thidua::xlsx
