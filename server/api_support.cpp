#include "server/api_support.h"

#include <cerrno>
#include <cstdlib>

namespace thidua::server {
namespace {

std::optional<std::int64_t> parseInteger(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  size_t start = text[0] == '-' ? 1 : 0;
  if (start == text.size() || text.find_first_not_of("0123456789", start) != std::string::npos) return std::nullopt;
  return std::strtoll(text.c_str(), nullptr, 10);
}

}  // namespace

wf::Result<wf::User> requireUser(Authenticator& auth, const HttpRequest& request) {
  return auth.authenticate(request.header("Authorization"));
}

wf::Result<std::int64_t> pathId(const HttpRequest& request, const std::string& name, const std::string& what) {
  auto it = request.params.find(name);
  auto id = it == request.params.end() ? std::nullopt : parseInteger(it->second);
  if (!id || *id <= 0) {
    return wf::makeError(wf::ErrorCode::NotFound, "Không tìm thấy " + what + " '" +
                                                      (it == request.params.end() ? "" : it->second) + "'.");
  }
  return *id;
}

wf::Result<std::optional<std::int64_t>> queryInteger(const HttpRequest& request, const std::string& name) {
  auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::optional<std::int64_t>();
  auto value = parseInteger(it->second);
  if (!value) {
    return wf::makeError(wf::ErrorCode::Validation, "Tham số '" + name + "' phải là một số nguyên.", name);
  }
  return std::optional<std::int64_t>(*value);
}

}  // namespace thidua::server
