#pragma once
// The HTTP test harness: the real server (App) in-process on 127.0.0.1 port 0 over a real database —
// a SQLite file in a fresh temporary directory, or a fresh schema of the PostgreSQL cluster named by
// THIDUA_TEST_PG_URL — with a configuration directory loaded and a fixed clock.

#include <cstdint>
#include <memory>
#include <string>

#include "server/app.h"
#include "workflow/clock.h"

namespace thidua::server::testing {

enum class Backend { Sqlite, Postgresql };

/// examples/config of the source tree.
std::string examplesConfigDir();

/// THIDUA_TEST_PG_URL, or "" when unset.
std::string postgresUrl();

class TestServer {
 public:
  /// Creates the database, loads `configDir` (fast password hashes), starts serving.
  /// `today` fixes the clock (09:00 Vietnamese time). Throws on failure.
  TestServer(const std::string& configDir, wf::Date today, Backend backend = Backend::Sqlite);
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
  const std::string& tempDir() const { return dir_; }

 private:
  std::unique_ptr<wf::Store> openStore();

  Backend backend_;
  wf::FixedClock clock_;
  std::string dir_;
  std::string dbPath_;
  std::string pgSchema_;
  std::unique_ptr<App> app_;
};

}  // namespace thidua::server::testing
