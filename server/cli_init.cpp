// thidua init [--db URL]: creates the database if absent and migrates its schema.

#include <iostream>

#include "server/cli.h"
#include "server/store_factory.h"

namespace thidua::cli {

int runInit(const Args& args) {
  const std::string db = option(args, "--db", server::kDefaultDatabase);
  auto store = server::openStore(db, server::OpenMode::Create);
  std::cout << "thidua: cơ sở dữ liệu " << db << " (" << store->backend() << ") ở phiên bản lược đồ "
            << store->schemaVersion() << std::endl;
  return 0;
}

}  // namespace thidua::cli
