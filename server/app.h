#pragma once
// The running server, composed: a store, the engine and authenticator over it, the API router and the
// HTTP server. Used by `thidua serve` and by the HTTP tests (which restart it over the same database).

#include <cstdint>
#include <memory>

#include "server/api.h"
#include "server/authenticator.h"
#include "server/http_server.h"
#include "workflow/clock.h"
#include "workflow/engine.h"
#include "workflow/store.h"

namespace thidua::server {

struct AppOptions {
  HttpServerOptions http;
  std::int64_t sessionLifetimeSeconds = 8 * 3600;
  wf::EngineLimits limits;
  /// Engine write actions in flight at once; 0 = unlimited; -1 = by backend: unlimited on SQLite (its
  /// group commit batches waiting writers), 16 on PostgreSQL (fewer transactions queueing on row locks).
  int maxConcurrentWrites = -1;
};

/// Owns the store and everything built on it; `clock` must outlive the App. start() serves on
/// background threads until stop() or destruction.
class App {
 public:
  App(std::unique_ptr<wf::Store> store, const wf::Clock& clock, AppOptions options = {});
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  /// Binds and serves. Throws Poco::Net::NetException if the address cannot be bound.
  void start();
  /// Stops serving and waits for running requests. Idempotent.
  void stop();
  /// The bound port (after start()).
  std::uint16_t port() const;
  wf::Store& store() { return *store_; }

 private:
  std::unique_ptr<wf::Store> store_;
  wf::Engine engine_;
  Authenticator auth_;
  WriteGate writes_;
  ApiServices services_;
  HttpServer server_;
};

}  // namespace thidua::server
