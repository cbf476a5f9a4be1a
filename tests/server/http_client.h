#pragma once
// A small JSON-over-HTTP client for the server tests: one keep-alive connection to 127.0.0.1:port.

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>

#include <cstdint>
#include <map>
#include <string>

namespace thidua::server::testing {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  /// The body parsed as a JSON object (null if it is not one).
  Poco::JSON::Object::Ptr json;
  /// json->getValue<std::string>(key), or "" when absent or null.
  std::string text(const std::string& key) const;
  /// json->getValue<Int64>(key); throws if absent.
  std::int64_t integer(const std::string& key) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  /// Sends one request; `token` adds "Authorization: Bearer <token>"; extra headers as given.
  Reply send(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& token = "", const std::map<std::string, std::string>& headers = {},
             const std::string& contentType = "application/json");
  Reply get(const std::string& path, const std::string& token = "") { return send("GET", path, "", token); }
  Reply post(const std::string& path, const std::string& body, const std::string& token = "",
             const std::map<std::string, std::string>& headers = {}) {
    return send("POST", path, body, token, headers);
  }
  /// POST /api/v1/login; returns the token (fails the test on another status).
  std::string login(const std::string& username, const std::string& password);

 private:
  Poco::Net::HTTPClientSession session_;
};

/// Sends raw bytes on a fresh connection and returns what the server answered before closing
/// (or until `timeoutMs`). For requests HTTPClientSession cannot make (lying Content-Length).
std::string rawExchange(std::uint16_t port, const std::string& bytes, int timeoutMs = 5000);

}  // namespace thidua::server::testing
