#pragma once
// Small helpers shared by the api_*.cpp handlers.

#include <cstdint>
#include <optional>
#include <string>

#include "server/authenticator.h"
#include "server/http_types.h"
#include "workflow/result.h"

namespace thidua::server {

/// The user of the request's bearer token, or Unauthenticated.
wf::Result<wf::User> requireUser(Authenticator& auth, const HttpRequest& request);

/// The path parameter `name` as a positive integer id; NotFound (naming `what`) when it is not one.
wf::Result<std::int64_t> pathId(const HttpRequest& request, const std::string& name, const std::string& what);

/// The query parameter `name` as an integer, nullopt when absent; Validation naming it when malformed.
wf::Result<std::optional<std::int64_t>> queryInteger(const HttpRequest& request, const std::string& name);

}  // namespace thidua::server
