// Placeholder: replaced by the module that owns this command.
#include <iostream>

#include "server/cli.h"

namespace thidua::cli {

int runRenderXlsx(const Args&) {
  std::cerr << "not built yet\n";
  return 1;
}

int runReadForm(const Args&) {
  std::cerr << "not built yet\n";
  return 1;
}

}  // namespace thidua::cli
