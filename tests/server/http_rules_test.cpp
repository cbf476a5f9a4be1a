// Acceptance: who may act (403), stale versions (409), replayed Idempotency-Keys (applied once), bad
// bodies (400/413) — each refused request changes nothing (same version, same audit events). Also the
// session, catalogue, attachment and overdue endpoints.

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "server/session_token.h"
#include "tests/server/flow_support.h"
#include "tests/server/test_server.h"

namespace thidua::server::testing {
namespace {

class HttpRules : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(seededConfiguration(), wf::Date{2025, 9, 15});
    auto cast = findPrimeMinisterCast(server_->store(), Layout::ThreeTier);
    ASSERT_TRUE(cast.has_value());
    cast_ = *cast;
    client_ = std::make_unique<HttpClient>(server_->port());
    actors_ = std::make_unique<Actors>(*client_);
    auto created = client_->post("/api/v1/submissions", createBody(cast_, {"Lê Văn Cường"}), token(cast_.proposer));
    ASSERT_EQ(created.status, 201) << created.body;
    id_ = created.integer("id");
    auto r = actors_->act(cast_.proposer, id_, actionBody("submit", created.integer("version")));
    ASSERT_EQ(r.status, 200) << r.body;
    owner_ = r.text("currentOwnerUnitId");
    auto owners = r.json->getArray("stepOwners");
    for (unsigned i = 0; i < owners->size(); ++i) routeUnits_.push_back(owners->getElement<std::string>(i));
    routeUnits_.push_back(cast_.proposer.unitId);
    auto approver = findUser(server_->store(), owner_, wf::Role::PheDuyet, cast_.proposer.id);
    ASSERT_TRUE(approver.has_value()) << owner_;
    approver_ = *approver;
  }

  const std::string& token(const wf::User& u) { return actors_->token(u); }
  std::string path() const { return "/api/v1/submissions/" + std::to_string(id_); }

  /// Version and number of audit events of the submission, as the proposer sees them.
  std::pair<std::int64_t, size_t> snapshot() {
    auto s = actors_->get(cast_.proposer, path());
    auto e = actors_->get(cast_.proposer, path() + "/events");
    return {s.integer("version"), eventActions(e).size()};
  }

  std::unique_ptr<TestServer> server_;
  Cast cast_;
  std::unique_ptr<HttpClient> client_;
  std::unique_ptr<Actors> actors_;
  std::int64_t id_ = 0;
  std::string owner_;
  std::vector<std::string> routeUnits_;  ///< the proposer and every step owner
  wf::User approver_;
};

TEST_F(HttpRules, AnotherUnitAndTheProposerAreForbidden) {
  const auto before = snapshot();
  // A leader of a unit outside the route may neither act nor read.
  auto outsider = findOutsider(server_->store(), wf::Role::PheDuyet, routeUnits_);
  ASSERT_TRUE(outsider.has_value());
  auto r = actors_->act(*outsider, id_, actionBody("approve", before.first));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.text("error"), "forbidden");
  EXPECT_EQ(actors_->get(*outsider, path()).status, 403);
  // A leader of a later step's unit may read but not act before the submission reaches it.
  auto later = findUser(server_->store(), routeUnits_[routeUnits_.size() - 2], wf::Role::PheDuyet);
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(actors_->act(*later, id_, actionBody("approve", before.first)).status, 403);

  r = actors_->act(cast_.proposer, id_, actionBody("approve", before.first));
  EXPECT_EQ(r.status, 403) << r.body;
  r = actors_->act(cast_.proposer, id_, actionBody("decide", before.first));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(snapshot(), before);
}

TEST_F(HttpRules, StaleVersionIs409AndChangesNothing) {
  const auto before = snapshot();
  auto r = actors_->act(approver_, id_, actionBody("approve", before.first - 1));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.text("error"), "stale_version");
  EXPECT_EQ(r.text("field"), "version");
  EXPECT_EQ(snapshot(), before);
  // The current version works.
  EXPECT_EQ(actors_->act(approver_, id_, actionBody("approve", before.first)).status, 200);
}

TEST_F(HttpRules, ReplayedIdempotencyKeyAppliesOnceAndAnswersTheSame) {
  const auto before = snapshot();
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "duyet-7f3a"}};
  const std::string body = actionBody("approve", before.first, "Đồng ý");
  auto first = actors_->act(approver_, id_, body, key);
  ASSERT_EQ(first.status, 200) << first.body;
  auto replay = actors_->act(approver_, id_, body, key);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(replay.headers["Idempotent-Replayed"], "true");
  const auto after = snapshot();
  EXPECT_EQ(after.first, before.first + 1);
  EXPECT_EQ(after.second, before.second + 1) << "one event for two identical requests";
  // The same key with another request is a conflict, and changes nothing.
  auto other = actors_->act(approver_, id_, actionBody("approve", before.first, "Khác"), key);
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_EQ(other.text("error"), "conflict");
  EXPECT_EQ(snapshot(), after);
}

TEST_F(HttpRules, BadActionBodiesGet400Or413AndChangeNothing) {
  const auto before = snapshot();
  const std::string v = std::to_string(before.first);
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"{", 400, ""},
      {"[1,2]", 400, ""},
      {"", 400, ""},
      {"{\"action\":\"approve\",\"version\":" + v + ",\"verison\":3}", 400, "verison"},
      {"{\"version\":" + v + "}", 400, "action"},
      {"{\"action\":\"approve\"}", 400, "version"},
      {"{\"action\":\"approve\",\"version\":\"" + v + "\"}", 400, "version"},
      {"{\"action\":\"approve_all\",\"version\":" + v + "}", 400, "action"},
      {"{\"action\":\"approve\",\"version\":" + v + ",\"comment\":\"\xc3\x28\"}", 400, ""},
      {"{\"action\":\"record_vote\",\"version\":" + v + ",\"vote\":{\"membersTotal\":5}}", 400, "vote.inFavour"},
      {"{\"action\":\"approve\",\"version\":" + v + ",\"comment\":\"" + std::string(70 * 1024, 'x') + "\"}", 413, ""},
  };
  for (const auto& c : cases) {
    auto r = actors_->act(approver_, id_, c.body);
    EXPECT_EQ(r.status, c.status) << c.body.substr(0, 80) << " -> " << r.body;
    EXPECT_FALSE(r.text("error").empty()) << r.body;
    EXPECT_FALSE(r.text("message").empty()) << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(r.text("field"), c.field) << r.body;
    }
  }
  // A declared oversize body is refused before it is sent.
  const std::string reply = rawExchange(server_->port(),
                                        "POST " + path() + "/actions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " +
                                            token(approver_) + "\r\nContent-Length: 5000000\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_EQ(snapshot(), before);
}

TEST_F(HttpRules, BadCreateBodiesNameTheField) {
  const std::string& t = token(cast_.proposer);
  auto r = client_->post("/api/v1/submissions", "{\"campaignId\":\"x\"}", t);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.text("field"), "roundId") << r.body;  // the first problem in reading order
  std::string body = createBody(cast_, {"A"});
  body.insert(body.find("\"name\""), "\"age\":40,");
  r = client_->post("/api/v1/submissions", body, t);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.text("field"), "candidates[0].age") << r.body;
  body = createBody(cast_, {"A"});
  body.replace(body.find(cast_.candidateKind), cast_.candidateKind.size(), "ca_nhan_la");
  r = client_->post("/api/v1/submissions", body, t);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.text("field"), "candidates[0].kind") << r.body;
}

TEST_F(HttpRules, SessionsNeedAValidTokenAndEndOnLogout) {
  EXPECT_EQ(client_->get("/api/v1/me").status, 401);
  EXPECT_EQ(client_->get("/api/v1/me", std::string(64, 'a')).status, 401);
  auto wrong = client_->post("/api/v1/login", "{\"username\":\"" + cast_.proposer.username + "\",\"password\":\"sai\"}");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.text("error"), "unauthenticated");
  auto unknown = client_->post("/api/v1/login", "{\"username\":\"khong-co\",\"password\":\"sai\"}");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.text("message"), wrong.text("message"));

  const std::string t = client_->login(cast_.proposer.username, kDemoPassword);
  auto me = client_->get("/api/v1/me", t);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json->getObject("user")->getValue<std::string>("id"), cast_.proposer.id);
  EXPECT_EQ(me.json->getObject("unit")->getValue<std::string>("id"), cast_.proposer.unitId);
  EXPECT_EQ(me.body.find("argon2"), std::string::npos) << "never send the password hash";
  EXPECT_EQ(client_->post("/api/v1/logout", "", t).status, 200);
  EXPECT_EQ(client_->get("/api/v1/me", t).status, 401);
}

TEST_F(HttpRules, SessionsExpire) {
  const std::string t = client_->login(cast_.proposer.username, kDemoPassword);
  EXPECT_EQ(client_->get("/api/v1/me", t).status, 200);
  server_->clock().advance(9LL * 3600 * 1000000);
  EXPECT_EQ(client_->get("/api/v1/me", t).status, 401);
}

TEST_F(HttpRules, CatalogueEndpointsAnswer) {
  const std::string& t = token(cast_.proposer);
  auto health = client_->get("/api/v1/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.text("backend"), "sqlite");
  auto units = client_->get("/api/v1/units", t);
  ASSERT_EQ(units.status, 200);
  EXPECT_NE(units.body.find(cast_.proposer.unitId), std::string::npos);
  auto forms = client_->get("/api/v1/award-forms", t);
  ASSERT_EQ(forms.status, 200);
  EXPECT_NE(forms.body.find("\"id\":\"" + cast_.formId + "\""), std::string::npos);
  EXPECT_NE(forms.body.find("\"steps\":["), std::string::npos);
  auto campaigns = client_->get("/api/v1/campaigns", t);
  ASSERT_EQ(campaigns.status, 200);
  EXPECT_NE(campaigns.body.find(cast_.roundId), std::string::npos);
  EXPECT_EQ(client_->get("/api/v1/units").status, 401);
  EXPECT_EQ(client_->get(path() + "x", t).status, 404);
  EXPECT_EQ(client_->get("/api/v1/submissions/999999", t).status, 404);
}

TEST_F(HttpRules, AttachmentsAreStoredHashedAndLimited) {
  auto draft = client_->post("/api/v1/submissions", createBody(cast_, {"Phạm Thị Dung"}), token(cast_.proposer));
  ASSERT_EQ(draft.status, 201);
  const std::string draftPath = "/api/v1/submissions/" + std::to_string(draft.integer("id"));
  const std::string bytes = "%PDF-1.7\nbáo cáo thành tích\n%%EOF\n";
  auto up = client_->send("POST", draftPath + "/attachments?fileName=bao-cao-thanh-tich.pdf", bytes,
                          token(cast_.proposer), {}, "application/pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.text("sha256"), sha256Hex(bytes));
  EXPECT_EQ(up.integer("size"), static_cast<std::int64_t>(bytes.size()));
  auto down = client_->get("/api/v1/attachments/" + std::to_string(up.integer("id")), token(cast_.proposer));
  EXPECT_EQ(down.status, 200);
  EXPECT_EQ(down.body, bytes);
  EXPECT_EQ(down.headers["Content-Type"], "application/pdf");
  auto s = client_->get(draftPath, token(cast_.proposer));
  EXPECT_EQ(s.json->getArray("attachments")->size(), 1u);
  EXPECT_EQ(s.integer("version"), draft.integer("version") + 1);

  const std::string reply = rawExchange(server_->port(), "POST " + draftPath +
                                                             "/attachments?fileName=lon.pdf HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                                             "Authorization: Bearer " + token(cast_.proposer) +
                                                             "\r\nContent-Length: 11000000\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_EQ(client_->get(draftPath, token(cast_.proposer)).integer("version"), s.integer("version"));
}

TEST_F(HttpRules, OverdueStepsAreListed) {
  auto inbox = actors_->get(approver_, "/api/v1/inbox");
  ASSERT_EQ(inbox.status, 200);
  ASSERT_NE(inbox.body.find("\"id\":" + std::to_string(id_) + ","), std::string::npos) << inbox.body;
  EXPECT_EQ(inbox.body.find("\"overdue\":true"), std::string::npos);
  auto s = actors_->get(approver_, path());
  if (s.text("stepDueDate").empty()) GTEST_SKIP() << "the first step has no time limit";
  server_->clock().setDate(wf::Date::parseIso(s.text("stepDueDate"))->addDays(1));
  // Sessions last 8 hours: log in again on the new day.
  const std::string t = client_->login(approver_.username, kDemoPassword);
  auto overdue = client_->get("/api/v1/overdue", t);
  ASSERT_EQ(overdue.status, 200);
  EXPECT_NE(overdue.body.find("\"id\":" + std::to_string(id_) + ","), std::string::npos) << overdue.body;
  inbox = client_->get("/api/v1/inbox", t);
  EXPECT_NE(inbox.body.find("\"overdue\":true"), std::string::npos) << inbox.body;
}

}  // namespace
}  // namespace thidua::server::testing
