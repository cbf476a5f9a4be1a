// Acceptance: a Bằng khen of the Prime Minister nomination driven over HTTP from a commune through every
// step to the decision, with one return from the provincial level back to the commune and a
// resubmission; the audit trail shows every step and verifies. On the three-tier and two-tier layouts
// of examples/config, on SQLite and (when THIDUA_TEST_PG_URL is set) PostgreSQL.

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "tests/server/flow_support.h"
#include "tests/server/test_server.h"
#include "workflow/audit.h"

namespace thidua::server::testing {
namespace {

struct FlowParam {
  Layout layout;
  Backend backend;
  bool examples;  ///< examples/config (else the test-made configuration)
  const char* name;
};

// Names the parameter in test listings (and so in ctest names).
void PrintTo(const FlowParam& p, std::ostream* os) { *os << p.name; }

class PrimeMinisterFlow : public ::testing::TestWithParam<FlowParam> {};

std::vector<std::string> texts(const Poco::JSON::Array::Ptr& array) {
  std::vector<std::string> out;
  for (unsigned i = 0; array && i < array->size(); ++i) out.push_back(array->getElement<std::string>(i));
  return out;
}

TEST_P(PrimeMinisterFlow, CommuneToDecisionWithOneReturnFromTheProvince) {
  const FlowParam param = GetParam();
  if (param.backend == Backend::Postgresql && postgresUrl().empty()) GTEST_SKIP() << "THIDUA_TEST_PG_URL not set";
  TestServer server(param.examples ? loadDirectory(examplesConfigDir()) : seededConfiguration(),
                    wf::Date{2025, 9, 15}, param.backend);
  auto cast = findPrimeMinisterCast(server.store(), param.layout);
  ASSERT_TRUE(cast.has_value()) << "examples/config has no commune proposer for this layout";
  HttpClient client(server.port());
  Actors actors(client);
  const wf::User& proposer = cast->proposer;

  auto created = client.post("/api/v1/submissions", createBody(*cast, {"Nguyễn Văn An", "Trần Thị Bình"}),
                             actors.token(proposer));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("state"), "draft");
  const std::int64_t id = created.integer("id");
  std::int64_t version = created.integer("version");
  auto candidates = created.json->getArray("candidates");
  ASSERT_EQ(candidates->size(), 2u);
  const std::int64_t secondCandidate = candidates->getObject(1)->getValue<Poco::Int64>("id");
  std::vector<std::string> expected = {"create"};

  auto r = actors.act(proposer, id, actionBody("submit", version, "Kính trình cấp trên xem xét"));
  ASSERT_EQ(r.status, 200) << r.body;
  expected.push_back("submit");
  version = r.integer("version");
  EXPECT_EQ(r.text("state"), "in_review");
  EXPECT_EQ(r.integer("currentStep"), 0);
  EXPECT_EQ(r.text("legalBasis"), "152/2025/NĐ-CP");
  const auto owners = texts(r.json->getArray("stepOwners"));
  const wf::Route route = routeOf(server.store(), cast->formId, static_cast<int>(r.integer("routeVersion")));
  ASSERT_EQ(owners.size(), route.steps.size());
  ASSERT_GE(route.steps.size(), 4u);
  const int last = static_cast<int>(route.steps.size()) - 1;

  bool returned = false;
  bool removed = false;
  std::vector<std::string> visited;
  int step = static_cast<int>(r.integer("currentStep"));
  while (step < last) {
    const wf::Unit owner = unitOf(server.store(), owners[step]);
    visited.push_back(owner.id);
    auto approver = findUser(server.store(), owner.id, wf::Role::PheDuyet, proposer.id);
    ASSERT_TRUE(approver.has_value()) << "no phe_duyet user in " << owner.id;
    auto reviewer = findUser(server.store(), owner.id, wf::Role::ThamDinh).value_or(*approver);

    // The step is in the owner's inbox.
    auto inbox = actors.get(*approver, "/api/v1/inbox");
    ASSERT_EQ(inbox.status, 200);
    EXPECT_NE(inbox.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos) << inbox.body;

    if (!returned && owner.level == "tinh" && owner.kind == "ubnd") {
      // The province sends it back to the commune; the commune resubmits; it comes back here.
      r = actors.act(reviewer, id, actionBody("return", version, "Bổ sung biên bản họp xét của xã"));
      ASSERT_EQ(r.status, 200) << r.body;
      expected.push_back("return");
      EXPECT_EQ(r.text("state"), "returned");
      EXPECT_EQ(r.text("currentOwnerUnitId"), proposer.unitId);
      r = actors.act(proposer, id, actionBody("submit", r.integer("version"), "Đã bổ sung hồ sơ"));
      ASSERT_EQ(r.status, 200) << r.body;
      expected.push_back("submit");
      EXPECT_EQ(r.integer("currentStep"), step) << "a resubmission comes back to the step that returned it";
      version = r.integer("version");
      returned = true;
      continue;
    }
    if (!removed && step == last - 1) {
      r = actors.act(reviewer, id,
                     actionBody("remove_candidate", version, "Chưa đủ thời gian công tác",
                                "\"candidateId\":" + std::to_string(secondCandidate)));
      ASSERT_EQ(r.status, 200) << r.body;
      expected.push_back("remove_candidate");
      version = r.integer("version");
      removed = true;
    }
    if (route.steps[step].requiresVote) {
      r = actors.act(reviewer, id,
                     actionBody("record_vote", version, "",
                                "\"vote\":{\"membersTotal\":11,\"inFavour\":11,\"against\":0,\"meetingDate\":\"2025-09-15\"}"));
      ASSERT_EQ(r.status, 200) << r.body;
      expected.push_back("record_vote");
      version = r.integer("version");
    }
    r = actors.act(*approver, id, actionBody("approve", version, "Đồng ý, chuyển cấp trên"));
    ASSERT_EQ(r.status, 200) << r.body;
    expected.push_back("approve");
    version = r.integer("version");
    ASSERT_GT(r.integer("currentStep"), step);
    step = static_cast<int>(r.integer("currentStep"));
  }
  ASSERT_TRUE(returned) << "the route never reached a provincial UBND";

  const wf::Unit decider = unitOf(server.store(), owners[last]);
  auto approver = findUser(server.store(), decider.id, wf::Role::PheDuyet, proposer.id);
  ASSERT_TRUE(approver.has_value());
  if (route.steps[last].requiresVote) {
    r = actors.act(*approver, id,
                   actionBody("record_vote", version, "",
                              "\"vote\":{\"membersTotal\":11,\"inFavour\":10,\"against\":1,\"meetingDate\":\"2025-09-15\"}"));
    ASSERT_EQ(r.status, 200) << r.body;
    expected.push_back("record_vote");
    version = r.integer("version");
  }
  r = actors.act(*approver, id, actionBody("decide", version, "Tặng Bằng khen"));
  ASSERT_EQ(r.status, 200) << r.body;
  expected.push_back("decide");
  EXPECT_EQ(r.text("state"), "decided");
  auto decision = r.json->getObject("decision");
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->getValue<std::string>("text"), "01/QĐ-" + decider.docCode);
  EXPECT_EQ(decision->getValue<std::string>("date"), "2025-09-15");

  // The final state, with one candidate awarded and the removed one not.
  auto final = actors.get(proposer, "/api/v1/submissions/" + std::to_string(id));
  ASSERT_EQ(final.status, 200);
  auto finalCandidates = final.json->getArray("candidates");
  EXPECT_EQ(finalCandidates->getObject(0)->getValue<std::string>("status"), "awarded");
  EXPECT_EQ(finalCandidates->getObject(1)->getValue<std::string>("status"), "not_awarded");

  // The audit trail has every step, in order, each hash valid; the whole chain verifies.
  auto events = actors.get(proposer, "/api/v1/submissions/" + std::to_string(id) + "/events");
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_EQ(eventActions(events), expected);
  EXPECT_TRUE(events.json->getValue<bool>("hashesValid"));
  const auto verification = wf::verifyAudit(server.store());
  EXPECT_TRUE(verification.ok) << verification.reason;

  // The public record finds the award without diacritics, and not the removed candidate.
  auto awards = client.get("/api/v1/awards?name=nguyen%20van%20an");
  ASSERT_EQ(awards.status, 200);
  auto list = awards.json->getArray("awards");
  ASSERT_EQ(list->size(), 1u) << awards.body;
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("candidateName"), "Nguyễn Văn An");
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("decisionText"), "01/QĐ-" + decider.docCode);
  EXPECT_EQ(client.get("/api/v1/awards?name=binh").json->getArray("awards")->size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, PrimeMinisterFlow,
    ::testing::Values(FlowParam{Layout::ThreeTier, Backend::Sqlite, true, "ExamplesThreeTierSqlite"},
                      FlowParam{Layout::TwoTier, Backend::Sqlite, true, "ExamplesTwoTierSqlite"},
                      FlowParam{Layout::ThreeTier, Backend::Postgresql, true, "ExamplesThreeTierPostgresql"},
                      FlowParam{Layout::TwoTier, Backend::Postgresql, true, "ExamplesTwoTierPostgresql"},
                      FlowParam{Layout::ThreeTier, Backend::Sqlite, false, "SeededThreeTierSqlite"},
                      FlowParam{Layout::TwoTier, Backend::Sqlite, false, "SeededTwoTierSqlite"},
                      FlowParam{Layout::ThreeTier, Backend::Postgresql, false, "SeededThreeTierPostgresql"},
                      FlowParam{Layout::TwoTier, Backend::Postgresql, false, "SeededTwoTierPostgresql"}),
    [](const ::testing::TestParamInfo<FlowParam>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace thidua::server::testing
