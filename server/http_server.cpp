#include "server/http_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <istream>

#include "server/error_response.h"

namespace thidua::server {
namespace {

/// Oversize bodies up to this size are read and thrown away so the connection stays usable and the
/// client, still sending, gets the 413 instead of a reset; larger ones are refused unread.
constexpr std::uint64_t kMaxDrain = 1024 * 1024;

wf::Error tooLarge(std::size_t limit) {
  return wf::makeError(wf::ErrorCode::TooLarge,
                       "Nội dung yêu cầu vượt quá giới hạn " + std::to_string(limit) + " byte.");
}

/// Reads and discards the rest of the body, at most kMaxDrain bytes; true if it ended.
bool drain(std::istream& in) {
  char buf[16384];
  std::uint64_t total = 0;
  while (in && total <= kMaxDrain) {
    in.read(buf, sizeof buf);
    total += static_cast<std::uint64_t>(in.gcount());
  }
  return !in && total <= kMaxDrain;
}

/// Reads the body into `out` unless it exceeds `limit`. A declared Content-Length over kMaxDrain is
/// refused before reading anything. On TooLarge, *keepAlive tells whether the rest was drained.
wf::Status readBody(Poco::Net::HTTPServerRequest& req, std::size_t limit, std::string* out, bool* keepAlive) {
  *keepAlive = true;
  const auto declared = req.getContentLength64();
  const bool known = declared != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH;
  if (known && static_cast<std::uint64_t>(declared) > limit) {
    *keepAlive = static_cast<std::uint64_t>(declared) <= kMaxDrain && drain(req.stream());
    return tooLarge(limit);
  }
  // HTTP/1.1 (RFC 9112 6.3): without Content-Length or chunked encoding a request has no body. (Poco
  // would read until the client closes, which a keep-alive client never does.)
  if (declared == 0 || (!known && !req.getChunkedTransferEncoding())) return {};
  std::istream& in = req.stream();
  char buf[16384];
  while (in) {
    in.read(buf, sizeof buf);
    out->append(buf, static_cast<size_t>(in.gcount()));
    if (out->size() > limit) {
      *keepAlive = drain(in);
      return tooLarge(limit);
    }
  }
  return {};
}

void send(const HttpResponse& r, Poco::Net::HTTPServerResponse& resp) {
  resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  resp.setContentType(r.contentType);
  for (const auto& [name, value] : r.headers) resp.set(name, value);
  if (r.closeConnection) resp.setKeepAlive(false);
  resp.setContentLength64(static_cast<Poco::Int64>(r.body.size()));
  resp.send().write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(const Router& router) : router_(router) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
    HttpResponse answer;
    try {
      HttpRequest request;
      request.method = req.getMethod();
      Poco::URI uri(req.getURI());
      request.path = uri.getPath();
      for (const auto& [k, v] : uri.getQueryParameters()) request.query[k] = v;
      for (const auto& [k, v] : req) request.headers.add(k, v);
      request.peer = req.clientAddress().toString();
      const auto match = router_.find(request.method, request.path);
      if (match.route) {
        bool keepAlive = true;
        auto status = readBody(req, match.route->maxBody, &request.body, &keepAlive);
        if (!status) {
          HttpResponse refused = errorResponse(status.error());
          refused.closeConnection = !keepAlive;
          send(refused, resp);
          return;
        }
      }
      answer = dispatch(router_, request);
    } catch (const std::exception& e) {
      answer = errorResponse(e);
    }
    send(answer, resp);
  }

 private:
  const Router& router_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<const Router> router) : router_(std::move(router)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(*router_);
  }

 private:
  std::shared_ptr<const Router> router_;
};

}  // namespace

HttpResponse dispatch(const Router& router, HttpRequest& request) {
  try {
    auto match = router.find(request.method, request.path);
    if (!match.route) {
      const std::string message = match.pathExists
          ? "Đường dẫn " + request.path + " không nhận phương thức " + request.method + "."
          : "Không tìm thấy đường dẫn " + request.path + ".";
      return errorResponse(wf::makeError(wf::ErrorCode::NotFound, message));
    }
    request.params = std::move(match.params);
    return match.route->handler(request);
  } catch (const std::exception& e) {
    return errorResponse(e);
  }
}

HttpServer::HttpServer(HttpServerOptions options, std::shared_ptr<const Router> router)
    : options_(std::move(options)), router_(std::move(router)) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options_.host, options_.port), 256);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.maxThreads);
  params->setMaxQueued(options_.maxQueued);
  params->setKeepAlive(true);
  pool_ = std::make_unique<Poco::ThreadPool>(4, options_.maxThreads);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(router_), *pool_, socket, params);
  server_->start();
  boundPort_ = server_->port();
}

void HttpServer::stop() {
  if (server_) {
    server_->stopAll(true);
    server_.reset();
  }
  if (pool_) {
    pool_->joinAll();
    pool_.reset();
  }
}

std::uint16_t HttpServer::port() const { return server_ ? boundPort_ : options_.port; }

}  // namespace thidua::server
