#include "server/http_server.h"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <sstream>

namespace thidua {
namespace {

void sendJson(Poco::Net::HTTPServerResponse& resp, Poco::Net::HTTPResponse::HTTPStatus status,
              const Poco::JSON::Object& body) {
  resp.setStatus(status);
  resp.setContentType("application/json; charset=utf-8");
  std::ostringstream os;
  body.stringify(os);
  std::string s = os.str();
  resp.setContentLength(static_cast<std::streamsize>(s.size()));
  resp.send() << s;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
    const std::string path = Poco::URI(req.getURI()).getPath();
    if (req.getMethod() == "GET" && path == "/api/v1/health") {
      Poco::JSON::Object body;
      body.set("status", "ok");
      sendJson(resp, Poco::Net::HTTPResponse::HTTP_OK, body);
      return;
    }
    Poco::JSON::Object body;
    body.set("error", "not_found");
    body.set("message", "Không tìm thấy đường dẫn " + path);
    sendJson(resp, Poco::Net::HTTPResponse::HTTP_NOT_FOUND, body);
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler;
  }
};

}  // namespace

HttpServer::HttpServer(HttpServerOptions options) : options_(std::move(options)) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options_.host, options_.port), 256);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.maxThreads);
  params->setMaxQueued(options_.maxQueued);
  params->setKeepAlive(true);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory, socket, params);
  server_->start();
}

void HttpServer::stop() {
  if (server_) {
    server_->stopAll(true);
    server_.reset();
  }
}

std::uint16_t HttpServer::port() const { return server_ ? server_->port() : options_.port; }

}  // namespace thidua
