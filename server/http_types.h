#pragma once
// The request and response values handlers work with: plain data, independent of Poco's server
// classes, so a handler is a function from HttpRequest to HttpResponse.

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace thidua::server {

struct HttpRequest {
  std::string method;                              ///< "GET", "POST", ...
  std::string path;                                ///< decoded path, e.g. "/api/v1/submissions/7"
  std::map<std::string, std::string> query;        ///< decoded query parameters (last one wins)
  std::map<std::string, std::string> params;       ///< path parameters named in the route, e.g. {"id": "7"}
  Poco::Net::NameValueCollection headers;          ///< case-insensitive header names
  std::string body;                                ///< the whole body, already within the route's limit
  std::string peer;                                ///< client address, for logs

  /// Returns the header's value, or "" when absent.
  std::string header(const std::string& name) const { return headers.get(name, ""); }
  /// Returns the query parameter's value, or `fallback` when absent.
  std::string queryValue(const std::string& name, const std::string& fallback = "") const {
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string contentType = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers
  bool closeConnection = false;  ///< true when the request body was left unread (e.g. 413)
};

}  // namespace thidua::server
