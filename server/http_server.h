#pragma once
// The HTTP server: Poco's HTTPServer on a chosen address, dispatching /api/v1/... to handlers.

#include <Poco/Net/HTTPServer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace thidua {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0 picks a free port (tests); see HttpServer::port().
  int maxThreads = 64;
  int maxQueued = 256;
};

/// Owns a running Poco HTTPServer. Not copyable. start() binds and starts serving on background threads;
/// the destructor stops the server.
class HttpServer {
 public:
  explicit HttpServer(HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and starts. Throws Poco::Net::NetException if the address cannot be bound.
  void start();
  /// Stops accepting and waits for running requests to finish.
  void stop();
  /// The bound port (the real one after start() with port 0).
  std::uint16_t port() const;

 private:
  HttpServerOptions options_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace thidua
