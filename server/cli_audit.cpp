// thidua audit verify [--db URL]: walks the audit hash chain; exit 0 "OK n events", 1 naming the first
// bad event.

#include <iostream>

#include "server/cli.h"
#include "server/store_factory.h"
#include "workflow/audit.h"

namespace thidua::cli {

int runAudit(const Args& args) {
  const auto sub = positionals(args, {"--db"});
  if (sub.size() != 1 || sub[0] != "verify") {
    std::cerr << "usage: thidua audit verify [--db FILE|postgresql://...]\n";
    return 2;
  }
  const std::string db = option(args, "--db", server::kDefaultDatabase);
  auto store = server::openStore(db, server::OpenMode::MustExist);
  const auto v = wf::verifyAudit(*store);
  if (v.ok) {
    std::cout << "OK " << v.events << " events" << std::endl;
    return 0;
  }
  std::cout << "FAILED at event seq " << v.badSeq;
  if (v.submissionId != 0) std::cout << " (submission " << v.submissionId << ")";
  std::cout << ": " << v.reason << std::endl;
  return 1;
}

}  // namespace thidua::cli
