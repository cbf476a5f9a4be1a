// Lists: GET /api/v1/inbox, /api/v1/overdue, /api/v1/awards (public record), /api/v1/audit/verify.

#include <Poco/JSON/Array.h>

#include "server/api.h"
#include "server/api_support.h"
#include "server/error_response.h"
#include "server/json_view.h"
#include "workflow/audit.h"

namespace thidua::server {
namespace {

Poco::JSON::Array::Ptr itemsJson(const std::vector<wf::InboxItem>& items) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& item : items) {
    auto o = submissionJson(item.submission, false);
    o->set("overdue", item.overdue);
    list->add(o);
  }
  return list;
}

HttpResponse inbox(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto o = newObject();
  o->set("items", itemsJson(s.engine.inbox(user.value())));
  return jsonResponse(200, o);
}

HttpResponse overdue(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto o = newObject();
  o->set("items", itemsJson(s.engine.overdue()));
  return jsonResponse(200, o);
}

/// Public: who was awarded what. Filters: name (accent-insensitive), unit, campaign, year, limit, offset.
HttpResponse awards(ApiServices& s, const HttpRequest& request) {
  wf::AwardQuery q;
  q.name = request.queryValue("name");
  q.unitId = request.queryValue("unit");
  q.campaignId = request.queryValue("campaign");
  auto year = queryInteger(request, "year");
  if (!year) return errorResponse(year.error());
  auto limit = queryInteger(request, "limit");
  if (!limit) return errorResponse(limit.error());
  auto offset = queryInteger(request, "offset");
  if (!offset) return errorResponse(offset.error());
  q.year = static_cast<int>(year.value().value_or(0));
  q.limit = static_cast<int>(limit.value().value_or(100));
  q.offset = static_cast<int>(offset.value().value_or(0));
  if (q.limit < 1 || q.limit > 1000) {
    return errorResponse(wf::makeError(wf::ErrorCode::Validation, "Tham số 'limit' phải từ 1 đến 1000.", "limit"));
  }
  if (q.offset < 0) {
    return errorResponse(wf::makeError(wf::ErrorCode::Validation, "Tham số 'offset' không được âm.", "offset"));
  }
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& a : s.engine.searchAwards(q)) list->add(awardJson(a));
  auto o = newObject();
  o->set("awards", list);
  return jsonResponse(200, o);
}

HttpResponse auditVerify(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  if (!user.value().hasRole(wf::Role::QuanTri)) {
    return errorResponse(wf::makeError(wf::ErrorCode::Forbidden, "Chỉ quản trị viên được kiểm tra toàn bộ nhật ký."));
  }
  const auto v = wf::verifyAudit(s.store);
  auto o = newObject();
  o->set("ok", v.ok);
  o->set("events", v.events);
  o->set("badSeq", v.ok ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v.badSeq));
  o->set("submissionId", v.submissionId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v.submissionId));
  o->set("reason", v.reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v.reason));
  return jsonResponse(200, o);
}

}  // namespace

void addQueryRoutes(Router& router, ApiServices& s) {
  router.add("GET", "/api/v1/inbox", [&s](const HttpRequest& r) { return inbox(s, r); });
  router.add("GET", "/api/v1/overdue", [&s](const HttpRequest& r) { return overdue(s, r); });
  router.add("GET", "/api/v1/awards", [&s](const HttpRequest& r) { return awards(s, r); });
  router.add("GET", "/api/v1/audit/verify", [&s](const HttpRequest& r) { return auditVerify(s, r); });
}

}  // namespace thidua::server
