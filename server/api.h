#pragma once
// The HTTP JSON API of docs/api.md: the route table and the services its handlers use.

#include <cstddef>
#include <memory>

#include "server/authenticator.h"
#include "server/router.h"
#include "server/write_gate.h"
#include "workflow/engine.h"
#include "workflow/store.h"

namespace thidua::server {

/// What handlers work with. All members must outlive the router built from them. Thread-safe.
struct ApiServices {
  wf::Store& store;
  wf::Engine& engine;
  Authenticator& auth;
  WriteGate& writes;  ///< every engine write action holds a pass while it runs
  std::size_t maxAttachmentBytes = 10 * 1024 * 1024;  ///< body limit of uploads (EngineLimits' value)
};

/// Builds the route table of every /api/v1 endpoint.
std::shared_ptr<Router> buildApiRouter(ApiServices& services);

// One function per group of endpoints (api_*.cpp), each adding its routes.
void addSessionRoutes(Router& router, ApiServices& services);     // login, logout, me
void addCatalogueRoutes(Router& router, ApiServices& services);   // health, units, award-forms, campaigns
void addSubmissionRoutes(Router& router, ApiServices& services);  // submissions, actions, events, attachments
void addQueryRoutes(Router& router, ApiServices& services);       // inbox, overdue, awards, audit

}  // namespace thidua::server
