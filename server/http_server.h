#pragma once
// The HTTP server: Poco's HTTPServer on a chosen address. Every request is turned into an HttpRequest
// (body read up to the route's limit), dispatched through a Router, and answered; errors and escaped
// exceptions go through errorResponse().

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <memory>
#include <string>

#include "server/router.h"

namespace thidua::server {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (tests); see HttpServer::port().
  int maxThreads = 96;        ///< one thread per open keep-alive connection
  int maxQueued = 256;
};

/// Runs `router` on a Poco HTTPServer. Not copyable. start() binds and serves on background threads;
/// the destructor stops the server. The router must not change after start().
class HttpServer {
 public:
  HttpServer(HttpServerOptions options, std::shared_ptr<const Router> router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and starts. Throws Poco::Net::NetException if the address cannot be bound.
  void start();
  /// Stops accepting, closes connections and waits for running requests to finish. Idempotent.
  void stop();
  /// The bound port (the real one after start() with port 0).
  std::uint16_t port() const;

 private:
  HttpServerOptions options_;
  std::shared_ptr<const Router> router_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t boundPort_ = 0;
};

/// Dispatches one request already turned into an HttpRequest (params filled by the router here).
/// Never throws: exceptions become 500 answers. Exposed for tests.
HttpResponse dispatch(const Router& router, HttpRequest& request);

}  // namespace thidua::server
