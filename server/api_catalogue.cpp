// GET /api/v1/health, /api/v1/units, /api/v1/award-forms, /api/v1/campaigns.

#include <Poco/JSON/Array.h>

#include "server/api.h"
#include "server/api_support.h"
#include "server/error_response.h"
#include "server/json_view.h"

namespace thidua::server {
namespace {

HttpResponse health(ApiServices& s) {
  auto o = newObject();
  o->set("status", "ok");
  o->set("backend", s.store.backend());
  o->set("schemaVersion", s.store.schemaVersion());
  return jsonResponse(200, o);
}

HttpResponse units(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto tx = s.store.begin(wf::TxMode::Read);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& u : tx->listUnits()) list->add(unitJson(u));
  auto o = newObject();
  o->set("units", list);
  return jsonResponse(200, o);
}

HttpResponse awardForms(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto tx = s.store.begin(wf::TxMode::Read);
  const auto routes = tx->listRoutes();
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& f : tx->listAwardForms()) list->add(awardFormJson(f, routes));
  auto o = newObject();
  o->set("awardForms", list);
  return jsonResponse(200, o);
}

HttpResponse campaigns(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto tx = s.store.begin(wf::TxMode::Read);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& c : tx->listCampaigns()) list->add(campaignJson(c));
  auto o = newObject();
  o->set("campaigns", list);
  return jsonResponse(200, o);
}

}  // namespace

void addCatalogueRoutes(Router& router, ApiServices& s) {
  router.add("GET", "/api/v1/health", [&s](const HttpRequest&) { return health(s); });
  router.add("GET", "/api/v1/units", [&s](const HttpRequest& r) { return units(s, r); });
  router.add("GET", "/api/v1/award-forms", [&s](const HttpRequest& r) { return awardForms(s, r); });
  router.add("GET", "/api/v1/campaigns", [&s](const HttpRequest& r) { return campaigns(s, r); });
}

}  // namespace thidua::server
