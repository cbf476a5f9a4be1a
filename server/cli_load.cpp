// thidua load DIR [--db URL]: loads a configuration directory (docs/config.md) in one transaction.

#include <iostream>

#include "server/cli.h"
#include "server/password.h"
#include "server/store_factory.h"
#include "workflow/clock.h"
#include "workflow/config_loader.h"

namespace thidua::cli {

int runLoad(const Args& args) {
  const auto dirs = positionals(args, {"--db"});
  if (dirs.size() != 1) {
    std::cerr << "usage: thidua load DIR [--db FILE|postgresql://...]\n";
    return 2;
  }
  const std::string db = option(args, "--db", server::kDefaultDatabase);
  auto store = server::openStore(db, server::OpenMode::MustExist);
  const auto hasher = [](const std::string& plain) { return server::hashPassword(plain); };
  const auto verifier = [](const std::string& plain, const std::string& hash) {
    return server::verifyPassword(hash, plain);
  };
  wf::SystemClock clock;
  auto report = wf::loadConfigDirectory(*store, dirs[0], clock, hasher, verifier);
  if (!report) {
    const auto& e = report.error();
    std::cerr << "thidua load: " << (e.field.empty() ? "" : e.field + ": ") << e.message << std::endl;
    return 1;
  }
  const auto& r = report.value();
  std::cout << "thidua: đã nạp " << dirs[0] << ": " << r.units << " đơn vị, " << r.users << " người dùng, "
            << r.awardForms << " hình thức khen thưởng, " << r.routes << " quy trình, " << r.campaigns
            << " phong trào, " << r.legalBases << " căn cứ pháp lý, " << r.calendarDays << " ngày lịch" << std::endl;
  return 0;
}

}  // namespace thidua::cli
