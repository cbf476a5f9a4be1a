#include <string>

#include "server/cli.h"

namespace thidua::cli {

int runRender(const Args& args) {
  const std::string out = option(args, "--out");
  const std::string ext = ".xlsx";
  if (out.size() >= ext.size() && out.compare(out.size() - ext.size(), ext.size(), ext) == 0) {
    return runRenderXlsx(args);
  }
  return runRenderPdf(args);
}

}  // namespace thidua::cli
