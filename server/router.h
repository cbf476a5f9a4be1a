#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and `{name}` parameters:
// "/api/v1/submissions/{id}/actions". Each route has its own body size limit.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server/http_types.h"

namespace thidua::server {

/// Default body limit for JSON requests: 64 KiB.
inline constexpr std::size_t kDefaultMaxBody = 64 * 1024;

using Handler = std::function<HttpResponse(const HttpRequest&)>;

struct Route {
  std::string method;
  std::vector<std::string> segments;  ///< "{name}" marks a parameter
  Handler handler;
  std::size_t maxBody = kDefaultMaxBody;
};

/// A fixed table of routes, built before the server starts; find() is then safe from many threads.
class Router {
 public:
  /// Adds a route. Throws std::invalid_argument if `pattern` does not start with '/'.
  void add(const std::string& method, const std::string& pattern, Handler handler,
           std::size_t maxBody = kDefaultMaxBody);

  struct Match {
    const Route* route = nullptr;                ///< null when nothing matched
    std::map<std::string, std::string> params;   ///< the path parameters of the matched route
    bool pathExists = false;                     ///< some route has this path, with another method
  };

  /// Returns the first route whose method and pattern match `path` (already percent-decoded).
  Match find(const std::string& method, const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

/// Splits "/a/b/" into {"a", "b"} (empty segments dropped).
std::vector<std::string> splitPath(const std::string& path);

}  // namespace thidua::server
