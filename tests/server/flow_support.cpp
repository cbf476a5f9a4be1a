#include "tests/server/flow_support.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace thidua::server::testing {

std::optional<Cast> findPrimeMinisterCast(wf::Store& store, Layout layout) {
  auto tx = store.begin(wf::TxMode::Read);
  std::optional<wf::AwardForm> form;
  for (const auto& f : tx->listAwardForms()) {
    if (f.category == "bang_khen" && f.decidingAuthority.find("Thủ tướng") != std::string::npos) form = f;
  }
  if (!form || form->candidateKinds.empty()) return std::nullopt;
  Cast cast;
  cast.formId = form->id;
  cast.candidateKind =
      std::find(form->candidateKinds.begin(), form->candidateKinds.end(), "ca_nhan") != form->candidateKinds.end()
          ? "ca_nhan"
          : form->candidateKinds[0];
  for (const auto& c : tx->listCampaigns()) {
    for (const auto& r : c.rounds) {
      if (cast.roundId.empty() &&
          std::find(r.allowedAwardFormIds.begin(), r.allowedAwardFormIds.end(), form->id) != r.allowedAwardFormIds.end()) {
        cast.campaignId = c.id;
        cast.roundId = r.id;
      }
    }
  }
  if (cast.roundId.empty()) return std::nullopt;
  const std::string parentLevel = layout == Layout::ThreeTier ? "huyen" : "tinh";
  for (const auto& u : tx->listUsers()) {
    if (!u.hasRole(wf::Role::DeXuat)) continue;
    auto unit = tx->findUnit(u.unitId);
    if (!unit || unit->level != "xa" || unit->kind != "ubnd") continue;
    auto parent = tx->findUnit(unit->parentId);
    if (parent && parent->level == parentLevel) {
      cast.proposer = u;
      return cast;
    }
  }
  return std::nullopt;
}

std::optional<wf::User> findUser(wf::Store& store, const std::string& unitId, wf::Role role,
                                 const std::string& notUserId) {
  auto tx = store.begin(wf::TxMode::Read);
  for (const auto& u : tx->listUsers()) {
    if (u.unitId == unitId && u.hasRole(role) && u.id != notUserId) return u;
  }
  return std::nullopt;
}

std::optional<wf::User> findOutsider(wf::Store& store, wf::Role role, const std::vector<std::string>& excluded) {
  auto tx = store.begin(wf::TxMode::Read);
  for (const auto& u : tx->listUsers()) {
    if (u.hasRole(role) && !u.hasRole(wf::Role::QuanTri) &&
        std::find(excluded.begin(), excluded.end(), u.unitId) == excluded.end()) {
      return u;
    }
  }
  return std::nullopt;
}

wf::Unit unitOf(wf::Store& store, const std::string& id) {
  auto tx = store.begin(wf::TxMode::Read);
  auto unit = tx->findUnit(id);
  EXPECT_TRUE(unit.has_value()) << id;
  return unit.value_or(wf::Unit{});
}

wf::Route routeOf(wf::Store& store, const std::string& formId, int version) {
  auto tx = store.begin(wf::TxMode::Read);
  auto route = tx->findRoute(formId, version);
  EXPECT_TRUE(route.has_value()) << formId << " v" << version;
  return route.value_or(wf::Route{});
}

const std::string& Actors::token(const wf::User& user) {
  auto it = tokens_.find(user.id);
  if (it == tokens_.end()) it = tokens_.emplace(user.id, client_->login(user.username, kDemoPassword)).first;
  return it->second;
}

Reply Actors::act(const wf::User& user, std::int64_t id, const std::string& body,
                  const std::map<std::string, std::string>& headers) {
  return client_->post("/api/v1/submissions/" + std::to_string(id) + "/actions", body, token(user), headers);
}

Reply Actors::get(const wf::User& user, const std::string& path) { return client_->get(path, token(user)); }

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string actionBody(const std::string& action, std::int64_t version, const std::string& comment,
                       const std::string& extra) {
  std::string body = "{\"action\":" + quoted(action) + ",\"version\":" + std::to_string(version);
  if (!comment.empty()) body += ",\"comment\":" + quoted(comment);
  if (!extra.empty()) body += "," + extra;
  return body + "}";
}

std::string createBody(const Cast& cast, const std::vector<std::string>& candidateNames) {
  std::string body = "{\"campaignId\":" + quoted(cast.campaignId) + ",\"roundId\":" + quoted(cast.roundId) +
                     ",\"awardFormId\":" + quoted(cast.formId) +
                     ",\"title\":\"Tờ trình đề nghị tặng Bằng khen của Thủ tướng Chính phủ\",\"candidates\":[";
  for (size_t i = 0; i < candidateNames.size(); ++i) {
    if (i) body += ",";
    body += "{\"kind\":" + quoted(cast.candidateKind) + ",\"name\":" + quoted(candidateNames[i]) +
            ",\"position\":\"Chủ tịch Hội Khuyến học xã\",\"unitName\":\"UBND xã\","
            "\"achievement\":\"Có thành tích xuất sắc trong phong trào xây dựng xã hội học tập\"}";
  }
  return body + "]}";
}

std::vector<std::string> eventActions(const Reply& events) {
  std::vector<std::string> out;
  if (!events.json) return out;
  auto list = events.json->getArray("events");
  for (unsigned i = 0; list && i < list->size(); ++i) {
    out.push_back(list->getObject(i)->getValue<std::string>("action"));
  }
  return out;
}

}  // namespace thidua::server::testing
