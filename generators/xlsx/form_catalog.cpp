#include "generators/xlsx/form_catalog.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "generators/xlsx/json_fields.h"

namespace thidua::xlsx {

std::string FormCatalog::defaultDir() {
  const char* env = std::getenv("THIDUA_FORMS_DIR");
  return env && *env ? env : THIDUA_FORMS_DIR;
}

FormCatalog::FormCatalog(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  if (ec) throw std::runtime_error("không đọc được thư mục biểu mẫu " + dir);
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string text = json::readFile(f);
    if (json::read(text, f).optionalText("kind") != "report-form") continue;
    add(parseFormDefinition(text, f));
  }
}

void FormCatalog::add(FormDefinition def) {
  std::string id = def.id;
  forms_[id] = std::move(def);
}

const FormDefinition* FormCatalog::find(const std::string& id) const {
  auto it = forms_.find(id);
  return it == forms_.end() ? nullptr : &it->second;
}

}  // namespace thidua::xlsx
