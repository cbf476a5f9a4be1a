#pragma once
// The HTTP test harness: the real server (App) in-process on 127.0.0.1 port 0 over a real database —
// a SQLite file in a fresh temporary directory, or a fresh schema of the PostgreSQL cluster named by
// THIDUA_TEST_PG_URL — with a configuration directory loaded and a fixed clock.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/app.h"
#include "tests/support/temp_dir.h"
#include "workflow/clock.h"

namespace thidua::server::testing {

enum class Backend { Sqlite, Postgresql };

/// examples/config of the source tree.
std::string examplesConfigDir();

/// THIDUA_TEST_PG_URL, or "" when unset.
std::string postgresUrl();

/// Fills a new database with a configuration.
using Setup = std::function<void(wf::Store&, const wf::Clock&)>;

/// Loads a configuration directory through the config loader (fast password hashes); throws naming
/// the file and field when it fails.
Setup loadDirectory(const std::string& dir);

/// The test-made configuration of test_config.h.
Setup seededConfiguration();

class TestServer {
 public:
  /// Creates the database, runs `setup` on it, starts serving. `today` fixes the clock (09:00
  /// Vietnamese time). Throws on failure.
  TestServer(const Setup& setup, wf::Date today, Backend backend = Backend::Sqlite);
  ~TestServer();

  /// Stops the server, closes the store, opens the same database again and serves on a new port —
  /// what a process restart does.
  void restart();
  /// Stops serving and closes the store (restart() reopens).
  void stop();

  std::uint16_t port() const { return app_->port(); }
  wf::Store& store() { return app_->store(); }
  wf::FixedClock& clock() { return clock_; }
  /// The SQLite file ("" on PostgreSQL).
  const std::string& databasePath() const { return dbPath_; }
  /// A temporary directory removed with the server.
  const std::string& tempDir() const { return dir_.path(); }

 private:
  std::unique_ptr<wf::Store> openStore();

  Backend backend_;
  wf::FixedClock clock_;
  testsupport::TempDir dir_{"thidua-server-test"};  // removed after app_ (declared before it)
  std::string dbPath_;
  std::string pgSchema_;
  std::unique_ptr<App> app_;
};

}  // namespace thidua::server::testing
