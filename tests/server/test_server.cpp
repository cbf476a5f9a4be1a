#include "tests/server/test_server.h"

#include <Poco/Process.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "server/password.h"
#include "tests/server/test_config.h"
#include "tests/support/files.h"
#include "workflow/config_loader.h"
#include "workflow/postgresql/postgresql_store.h"
#include "workflow/sqlite/sqlite_store.h"

namespace thidua::server::testing {
namespace {

std::string uniqueSchema() {
  static std::atomic<int> counter{0};
  return "srv_" + std::to_string(Poco::Process::id()) + "_" + std::to_string(counter++);
}

}  // namespace

std::string examplesConfigDir() { return testsupport::sourcePath("examples/config"); }

std::string postgresUrl() {
  const char* url = std::getenv("THIDUA_TEST_PG_URL");
  return url ? url : "";
}

Setup loadDirectory(const std::string& dir) {
  return [dir](wf::Store& store, const wf::Clock& clock) {
    const auto hasher = [](const std::string& plain) { return hashPassword(plain, PasswordCost::Minimal); };
    auto loaded = wf::loadConfigDirectory(store, dir, clock, hasher);
    if (!loaded) {
      throw std::runtime_error("config " + dir + ": " + loaded.error().field + ": " + loaded.error().message);
    }
  };
}

Setup seededConfiguration() {
  return [](wf::Store& store, const wf::Clock&) { seedTestConfiguration(store); };
}

TestServer::TestServer(const Setup& setup, wf::Date today, Backend backend)
    : backend_(backend), clock_(today) {
  // When this throws, dir_ (already constructed) still removes the temporary directory.
  if (backend_ == Backend::Sqlite) {
    dbPath_ = dir_.file("thidua.db");
  } else {
    pgSchema_ = uniqueSchema();
  }
  auto store = openStore();
  setup(*store, clock_);
  AppOptions options;
  options.http.port = 0;
  app_ = std::make_unique<App>(std::move(store), clock_, options);
  app_->start();
}

TestServer::~TestServer() {
  app_.reset();
  if (!pgSchema_.empty()) {
    try {
      wf::dropPostgresqlSchema(postgresUrl(), pgSchema_);
    } catch (const std::exception&) {
    }
  }
}

std::unique_ptr<wf::Store> TestServer::openStore() {
  if (backend_ == Backend::Sqlite) return wf::openSqliteStore(dbPath_);
  wf::PostgresqlOptions options;
  options.schema = pgSchema_;
  return wf::openPostgresqlStore(postgresUrl(), options);
}

void TestServer::stop() { app_.reset(); }

void TestServer::restart() {
  app_.reset();
  AppOptions options;
  options.http.port = 0;
  app_ = std::make_unique<App>(openStore(), clock_, options);
  app_->start();
}

}  // namespace thidua::server::testing
