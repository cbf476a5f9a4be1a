#include "tests/xlsx/test_support.h"

namespace thidua::xlsx::testing {

int runPython(const std::string& script, const std::string& args, std::string& output) {
  testsupport::CommandResult result =
      testsupport::runCommand("/usr/bin/python3 " + shellQuote(sourcePath("tests/xlsx/" + script)) + " " + args);
  output += result.output;
  return result.exitCode;
}

}  // namespace thidua::xlsx::testing
