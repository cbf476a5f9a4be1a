// Acceptance: the server restarted between steps loses nothing. Each restart stops the HTTP server,
// closes the store, opens the same SQLite file again and serves on a new port; the sessions live in the
// database, so the same tokens keep working.

#include <gtest/gtest.h>

#include "tests/server/flow_support.h"
#include "tests/server/test_server.h"
#include "workflow/audit.h"
#include "workflow/sqlite/sqlite_store.h"

namespace thidua::server::testing {
namespace {

TEST(HttpRestart, RestartBetweenEveryStepLosesNothing) {
  TestServer server(seededConfiguration(), wf::Date{2025, 9, 15});
  auto cast = findPrimeMinisterCast(server.store(), Layout::ThreeTier);
  ASSERT_TRUE(cast.has_value());
  auto client = std::make_unique<HttpClient>(server.port());
  Actors actors(*client);
  auto restart = [&] {
    client.reset();
    server.restart();
    client = std::make_unique<HttpClient>(server.port());
    actors.rebind(*client);
  };

  auto created = client->post("/api/v1/submissions", createBody(*cast, {"Hoàng Văn Em"}), actors.token(cast->proposer));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.integer("id");
  restart();
  auto r = actors.act(cast->proposer, id, actionBody("submit", created.integer("version")));
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<std::string> expected = {"create", "submit"};
  const wf::Route route = routeOf(server.store(), cast->formId, static_cast<int>(r.integer("routeVersion")));
  const int last = static_cast<int>(route.steps.size()) - 1;

  while (r.text("state") == "in_review") {
    const int step = static_cast<int>(r.integer("currentStep"));
    auto approver = findUser(server.store(), r.text("currentOwnerUnitId"), wf::Role::PheDuyet, cast->proposer.id);
    ASSERT_TRUE(approver.has_value());
    std::int64_t version = r.integer("version");
    restart();
    if (route.steps[step].requiresVote) {
      r = actors.act(*approver, id, actionBody("record_vote", version, "",
                                                "\"vote\":{\"membersTotal\":9,\"inFavour\":9,\"against\":0,"
                                                "\"meetingDate\":\"2025-09-15\"}"));
      ASSERT_EQ(r.status, 200) << r.body;
      expected.push_back("record_vote");
      version = r.integer("version");
      restart();
    }
    const std::string action = step == last ? "decide" : "approve";
    r = actors.act(*approver, id, actionBody(action, version, "Đồng ý"));
    ASSERT_EQ(r.status, 200) << r.body;
    expected.push_back(action);
  }
  EXPECT_EQ(r.text("state"), "decided");
  restart();
  auto events = actors.get(cast->proposer, "/api/v1/submissions/" + std::to_string(id) + "/events");
  ASSERT_EQ(events.status, 200);
  EXPECT_EQ(eventActions(events), expected);
  auto s = actors.get(cast->proposer, "/api/v1/submissions/" + std::to_string(id));
  EXPECT_EQ(s.text("state"), "decided");
  EXPECT_EQ(s.integer("version"), static_cast<std::int64_t>(expected.size()));
  EXPECT_TRUE(wf::verifyAudit(server.store()).ok);
}

TEST(HttpRestart, TwoServerProcessesOverOneDatabaseShareSessions) {
  TestServer first(seededConfiguration(), wf::Date{2025, 9, 15});
  App second(wf::openSqliteStore(first.databasePath()), first.clock(), [] {
    AppOptions options;
    options.http.port = 0;
    return options;
  }());
  second.start();
  auto cast = findPrimeMinisterCast(first.store(), Layout::ThreeTier);
  ASSERT_TRUE(cast.has_value());
  HttpClient a(first.port());
  HttpClient b(second.port());
  const std::string token = a.login(cast->proposer.username, kDemoPassword);
  auto created = a.post("/api/v1/submissions", createBody(*cast, {"Vũ Thị Hoa"}), token);
  ASSERT_EQ(created.status, 201);
  // The other server accepts the token and sees the submission.
  auto seen = b.get("/api/v1/submissions/" + std::to_string(created.integer("id")), token);
  EXPECT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.integer("version"), created.integer("version"));
  // A logout through the other server ends the session there.
  EXPECT_EQ(b.post("/api/v1/logout", "", token).status, 200);
  EXPECT_EQ(b.get("/api/v1/me", token).status, 401);
}

}  // namespace
}  // namespace thidua::server::testing
