// POST /api/v1/login, POST /api/v1/logout, GET /api/v1/me.

#include "server/api.h"
#include "server/api_support.h"
#include "server/error_response.h"
#include "server/json_fields.h"
#include "server/json_view.h"

namespace thidua::server {
namespace {

Poco::Dynamic::Var unitOf(wf::Store& store, const std::string& unitId) {
  auto tx = store.begin(wf::TxMode::Read);
  auto unit = tx->findUnit(unitId);
  return unit ? Poco::Dynamic::Var(unitJson(*unit)) : Poco::Dynamic::Var();
}

HttpResponse login(ApiServices& s, const HttpRequest& request) {
  auto body = JsonFields::parse(request.body);
  if (!body) return errorResponse(body.error());
  auto& f = body.value();
  const std::string username = f.text("username");
  const std::string password = f.text("password");
  if (auto status = f.finish(); !status) return errorResponse(status.error());
  auto result = s.auth.login(username, password);
  if (!result) return errorResponse(result.error());
  auto o = newObject();
  o->set("token", result.value().token);
  o->set("expiresAt", wf::formatTimePoint(result.value().expiresAt));
  o->set("user", userJson(result.value().user));
  o->set("unit", unitOf(s.store, result.value().user.unitId));
  return jsonResponse(200, o);
}

HttpResponse logout(ApiServices& s, const HttpRequest& request) {
  auto status = s.auth.logout(request.header("Authorization"));
  if (!status) return errorResponse(status.error());
  auto o = newObject();
  o->set("status", "ok");
  return jsonResponse(200, o);
}

HttpResponse me(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto o = newObject();
  o->set("user", userJson(user.value()));
  o->set("unit", unitOf(s.store, user.value().unitId));
  return jsonResponse(200, o);
}

}  // namespace

void addSessionRoutes(Router& router, ApiServices& s) {
  router.add("POST", "/api/v1/login", [&s](const HttpRequest& r) { return login(s, r); });
  router.add("POST", "/api/v1/logout", [&s](const HttpRequest& r) { return logout(s, r); });
  router.add("GET", "/api/v1/me", [&s](const HttpRequest& r) { return me(s, r); });
}

}  // namespace thidua::server
