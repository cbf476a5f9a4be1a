#include "server/router.h"

#include <stdexcept>

namespace thidua::server {
namespace {

bool isParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Route& route, const std::vector<std::string>& parts, std::map<std::string, std::string>* params) {
  if (route.segments.size() != parts.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = route.segments[i];
    if (isParam(seg)) {
      found[seg.substr(1, seg.size() - 2)] = parts[i];
    } else if (seg != parts[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

}  // namespace

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : path) {
    if (c == '/') {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, std::size_t maxBody) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/': " + pattern);
  routes_.push_back(Route{method, splitPath(pattern), std::move(handler), maxBody});
}

Router::Match Router::find(const std::string& method, const std::string& path) const {
  Match match;
  const auto parts = splitPath(path);
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(route, parts, &params)) continue;
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      match.pathExists = true;
      return match;
    }
    match.pathExists = true;
  }
  return match;
}

}  // namespace thidua::server
