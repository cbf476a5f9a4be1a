// Placeholder: replaced by the module that owns this command.
#include <iostream>

#include "server/cli.h"

namespace thidua::cli {

int runRenderPdf(const Args&) {
  std::cerr << "not built yet\n";
  return 1;
}

int runCertificates(const Args&) {
  std::cerr << "not built yet\n";
  return 1;
}

}  // namespace thidua::cli
