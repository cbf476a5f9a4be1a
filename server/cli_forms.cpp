// `thidua render TEMPLATE --data FILE.json --out FILE.xlsx` and `thidua read-form FILE.xlsx`: the XLSX
// report forms and award lists (generators/xlsx).

#include <fstream>
#include <iostream>
#include <stdexcept>

#include "generators/xlsx/award_list_data.h"
#include "generators/xlsx/form_catalog.h"
#include "generators/xlsx/form_reader.h"
#include "generators/xlsx/form_writer.h"
#include "generators/xlsx/json_fields.h"
#include "server/cli.h"

namespace thidua::cli {
namespace {

// A template given as a path, or as the id of a shipped definition ("xhht-bao-cao-nam").
std::string templatePath(const std::string& name) {
  if (std::ifstream(name).good()) return name;
  if (name.find('/') == std::string::npos) {
    std::string shipped = xlsx::FormCatalog::defaultDir() + "/" + name + ".json";
    if (std::ifstream(shipped).good()) return shipped;
  }
  throw std::runtime_error("không tìm thấy mẫu " + name);
}

}  // namespace

int runRenderXlsx(const Args& args) {
  const Args pos = positionals(args, {"--data", "--out"});
  const std::string dataPath = option(args, "--data");
  const std::string out = option(args, "--out");
  if (pos.size() != 1 || dataPath.empty() || out.empty()) {
    std::cerr << "usage: thidua render TEMPLATE --data FILE.json --out FILE.xlsx\n";
    return 2;
  }
  try {
    const std::string path = templatePath(pos[0]);
    const std::string text = xlsx::json::readFile(path);
    const std::string kind = xlsx::json::read(text, path).optionalText("kind").value_or("");
    if (kind == "report-form") {
      xlsx::FormDefinition def = xlsx::parseFormDefinition(text, path);
      xlsx::FormData data = xlsx::parseFormData(xlsx::json::readFile(dataPath), dataPath, def);
      xlsx::writeForm(def, data, out);
    } else if (kind == "award-list") {
      xlsx::AwardListLayout layout = xlsx::parseAwardListLayout(text, path);
      std::ifstream in(dataPath, std::ios::binary);
      if (!in) throw std::runtime_error("không đọc được tệp " + dataPath);
      xlsx::renderAwardList(layout, in, dataPath, out);
    } else {
      throw std::invalid_argument(path + ": kind: mẫu XLSX phải là \"report-form\" hoặc \"award-list\"");
    }
  } catch (const std::exception& e) {
    std::cerr << "thidua render: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

int runReadForm(const Args& args) {
  const Args pos = positionals(args, {"--form", "--unit", "--period"});
  if (pos.size() != 1) {
    std::cerr << "usage: thidua read-form FILE.xlsx [--form TEMPLATE] [--unit U --period P]\n";
    return 2;
  }
  try {
    xlsx::FormCatalog catalog(xlsx::FormCatalog::defaultDir());
    xlsx::FormDefinition expected;
    xlsx::ReadOptions options;
    options.catalog = &catalog;
    if (!option(args, "--form").empty()) {
      expected = xlsx::loadFormDefinition(templatePath(option(args, "--form")));
      options.form = &expected;
    }
    options.unit = option(args, "--unit");
    options.period = option(args, "--period");
    xlsx::FormReadResult result = xlsx::readForm(pos[0], options);
    std::cout << xlsx::formReadResultToJson(result) << "\n";
    return result.ok() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "thidua read-form: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace thidua::cli
