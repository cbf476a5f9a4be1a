#include "server/store_factory.h"

#include <Poco/File.h>
#include <Poco/Path.h>

#include <stdexcept>

#include "workflow/postgresql/postgresql_store.h"
#include "workflow/sqlite/sqlite_store.h"

namespace thidua::server {

bool isPostgresqlUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::unique_ptr<wf::Store> openStore(const std::string& url, OpenMode mode) {
  if (isPostgresqlUrl(url)) return wf::openPostgresqlStore(url);
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.empty()) throw std::runtime_error("đường dẫn cơ sở dữ liệu trống");
  if (mode == OpenMode::MustExist && !Poco::File(path).exists()) {
    throw std::runtime_error("cơ sở dữ liệu " + path + " chưa có; hãy chạy 'thidua init --db " + path + "' trước");
  }
  if (mode == OpenMode::Create) {
    Poco::Path parent = Poco::Path(path).parent();
    if (!parent.toString().empty()) Poco::File(parent).createDirectories();
  }
  return wf::openSqliteStore(path);
}

}  // namespace thidua::server
