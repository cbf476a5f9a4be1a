#include "server/store_factory.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "workflow/postgresql/postgresql_plugin.h"
#include "workflow/sqlite/sqlite_store.h"

namespace thidua::server {
namespace {

// Where the PostgreSQL store plugin is: $THIDUA_POSTGRESQL_PLUGIN, else next to the running binary, else
// where the build wrote it.
std::string pluginPath() {
  if (const char* env = std::getenv("THIDUA_POSTGRESQL_PLUGIN"); env && *env) return env;
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    const std::string beside = Poco::Path(exe).parent().toString() + "thidua-postgresql.so";
    if (Poco::File(beside).exists()) return beside;
  }
  return THIDUA_POSTGRESQL_PLUGIN_PATH;
}

// Loads the plugin once per process (never unloaded: stores it made may live until exit).
ThiduaOpenPostgresqlStore postgresqlEntry() {
  static std::once_flag once;
  static ThiduaOpenPostgresqlStore entry = nullptr;
  static std::string failure;
  std::call_once(once, [] {
    const std::string path = pluginPath();
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      failure = "không nạp được mô-đun PostgreSQL " + path + ": " + ::dlerror();
      return;
    }
    auto abi = reinterpret_cast<ThiduaPostgresqlPluginAbi>(::dlsym(handle, THIDUA_POSTGRESQL_PLUGIN_ABI));
    size_t typesSize = 0;
    if (!abi || abi(&typesSize) != THIDUA_STORE_ABI_VERSION || typesSize != thiduaStoreTypesSize()) {
      failure = "mô-đun PostgreSQL " + path + " không cùng phiên bản với chương trình; hãy build lại cả hai";
      return;
    }
    entry = reinterpret_cast<ThiduaOpenPostgresqlStore>(::dlsym(handle, THIDUA_POSTGRESQL_PLUGIN_ENTRY));
    if (!entry) failure = "mô-đun PostgreSQL " + path + " thiếu hàm " THIDUA_POSTGRESQL_PLUGIN_ENTRY;
  });
  if (!entry) throw std::runtime_error(failure);
  return entry;
}

}  // namespace

bool isPostgresqlUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::unique_ptr<wf::Store> openStore(const std::string& url, OpenMode mode) {
  if (isPostgresqlUrl(url)) return std::unique_ptr<wf::Store>(postgresqlEntry()(url));
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
