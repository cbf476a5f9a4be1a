#include "server/app.h"

namespace thidua::server {
namespace {

int writeCapacity(int configured, const wf::Store& store) {
  if (configured >= 0) return configured;
  return store.backend() == "postgresql" ? 16 : 0;
}

}  // namespace

App::App(std::unique_ptr<wf::Store> store, const wf::Clock& clock, AppOptions options)
    : store_(std::move(store)),
      engine_(*store_, clock, options.limits),
      auth_(*store_, clock, options.sessionLifetimeSeconds),
      writes_(writeCapacity(options.maxConcurrentWrites, *store_)),
      services_{*store_, engine_, auth_, writes_, static_cast<std::size_t>(options.limits.maxAttachmentBytes)},
      server_(options.http, buildApiRouter(services_)) {}

App::~App() { stop(); }

void App::start() { server_.start(); }

void App::stop() { server_.stop(); }

std::uint16_t App::port() const { return server_.port(); }

}  // namespace thidua::server
