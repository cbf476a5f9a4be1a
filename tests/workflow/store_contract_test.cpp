// The Store contract: every implementation (SQLite, PostgreSQL) must pass these. PostgreSQL runs when
// THIDUA_TEST_PG_URL names a server (scripts/run-tests starts a throwaway one); otherwise it is skipped.

#include "tests/workflow/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <thread>

namespace thidua::wf {
namespace {

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = test::TestDb::open(GetParam());
    if (!db_) GTEST_SKIP() << "THIDUA_TEST_PG_URL not set";
  }
  Store& store() { return db_->store(); }
  std::unique_ptr<test::TestDb> db_;
};

Submission sampleSubmission() {
  Submission s;
  s.proposerUnitId = "u.xa";
  s.createdBy = "alice";
  s.campaignId = "c1";
  s.roundId = "r1";
  s.awardFormId = "bk";
  s.routeVersion = 2;
  s.title = "Tờ trình đề nghị tặng Bằng khen";
  s.state = SubmissionState::InReview;
  s.currentStep = 1;
  s.stepOwners = {"u.xa", "u.huyen", "", "u.tinh"};
  s.currentOwnerUnitId = "u.huyen";
  s.legalBasis = "152/2025/NĐ-CP";
  s.version = 3;
  s.createdAt = 1000;
  s.submittedAt = 2000;
  s.stepArrivedAt = 3000;
  s.stepDueDate = Date{2025, 8, 15};
  return s;
}

TEST_P(StoreContract, MigratesOnceAndReopens) {
  EXPECT_GE(store().schemaVersion(), 1);
  auto again = db_->reopen();
  EXPECT_EQ(again->schemaVersion(), store().schemaVersion());
  EXPECT_EQ(store().backend(), GetParam());
}

TEST_P(StoreContract, UnitsUpsertFindListChildren) {
  auto tx = store().begin(TxMode::Write);
  tx->upsertUnit(Unit{"p", "UBND tỉnh", "tinh", "ubnd", "", "UBND", "Bình Phước"});
  tx->upsertUnit(Unit{"p.b", "Sở Nội vụ", "so_ban_nganh", "so_noi_vu", "p", "SNV", "Bình Phước"});
  tx->upsertUnit(Unit{"p.a", "UBND huyện", "huyen", "ubnd", "p", "UBND", "Đồng Xoài"});
  tx->upsertUnit(Unit{"p.a", "UBND thị xã", "huyen", "ubnd", "p", "UBND", "Đồng Xoài"});
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  auto u = rx->findUnit("p.a");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->name, "UBND thị xã");
  EXPECT_EQ(u->parentId, "p");
  EXPECT_EQ(u->place, "Đồng Xoài");
  EXPECT_FALSE(rx->findUnit("nope"));
  EXPECT_EQ(rx->listUnits().size(), 3u);
  auto children = rx->listChildUnits("p");
  ASSERT_EQ(children.size(), 2u);
  EXPECT_EQ(children[0].id, "p.a");
  EXPECT_EQ(children[1].kind, "so_noi_vu");
}

TEST_P(StoreContract, UsersByIdAndUsername) {
  auto tx = store().begin(TxMode::Write);
  tx->upsertUser(User{"u1", "nguyenvana", "Nguyễn Văn A", "p", {Role::DeXuat, Role::PheDuyet}, "$argon2id$x"});
  tx->upsertUser(User{"u1", "nguyenvana", "Nguyễn Văn Á", "p", {Role::ThamDinh}, "$argon2id$y"});
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  auto u = rx->findUserByUsername("nguyenvana");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->id, "u1");
  EXPECT_EQ(u->fullName, "Nguyễn Văn Á");
  EXPECT_EQ(u->passwordHash, "$argon2id$y");
  EXPECT_TRUE(u->hasRole(Role::ThamDinh));
  EXPECT_FALSE(u->hasRole(Role::DeXuat));
  EXPECT_TRUE(rx->findUser("u1"));
  EXPECT_FALSE(rx->findUser("u2"));
  EXPECT_EQ(rx->listUsers().size(), 1u);
}

TEST_P(StoreContract, AwardFormsRoutesCampaigns) {
  auto tx = store().begin(TxMode::Write);
  tx->upsertAwardForm(AwardForm{"bk", "Bằng khen", "bang_khen", "Thủ tướng", {"ca_nhan", "tap_the"}, 80, "Luật"});
  Route r1{"bk", 1, Date{2024, 1, 1}, {}};
  r1.steps.push_back(RouteStep{"a", "Bước A", StepOwner{"", "xa", "ubnd"}, 5, false, false});
  r1.steps.push_back(RouteStep{"b", "Bước B", StepOwner{"tw.ttg", "", ""}, 20, true, true});
  Route r2{"bk", 2, Date{2025, 7, 1}, {r1.steps[1]}};
  tx->upsertRoute(r1);
  tx->upsertRoute(r2);
  Campaign c{"c", "Phong trào", "QĐ 1315", {}, {}};
  c.phases.push_back(CampaignPhase{"GĐ1", Date{2023, 11, 9}, Date{2025, 12, 31}});
  c.rounds.push_back(CampaignRound{"r1", "Sơ kết", "so_ket", 2025, {"bk", "gk"}});
  c.rounds.push_back(CampaignRound{"r2", "Tổng kết", "tong_ket", 2030, {"bk"}});
  tx->upsertCampaign(c);
  c.rounds.pop_back();
  tx->upsertCampaign(c);
  tx->commit();

  auto rx = store().begin(TxMode::Read);
  auto f = rx->findAwardForm("bk");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->voteThresholdPercent, 80);
  EXPECT_EQ(f->candidateKinds, (std::vector<std::string>{"ca_nhan", "tap_the"}));
  auto r = rx->findRoute("bk", 1);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->steps.size(), 2u);
  EXPECT_EQ(r->steps[1].owner.unitId, "tw.ttg");
  EXPECT_TRUE(r->steps[1].requiresVote);
  EXPECT_TRUE(r->steps[1].optional);
  EXPECT_EQ(r->steps[0].owner.scopeLevel, "xa");
  EXPECT_EQ(r->steps[0].dueWorkingDays, 5);
  EXPECT_EQ(rx->findRouteInForce("bk", Date{2025, 6, 30})->version, 1);
  EXPECT_EQ(rx->findRouteInForce("bk", Date{2025, 7, 1})->version, 2);
  EXPECT_FALSE(rx->findRouteInForce("bk", Date{2023, 1, 1}));
  EXPECT_EQ(rx->listRoutes().size(), 2u);
  auto camp = rx->findCampaign("c");
  ASSERT_TRUE(camp);
  ASSERT_EQ(camp->rounds.size(), 1u);
  EXPECT_EQ(camp->rounds[0].allowedAwardFormIds, (std::vector<std::string>{"bk", "gk"}));
  EXPECT_EQ(camp->phases[0].to, (Date{2025, 12, 31}));
  EXPECT_EQ(rx->listCampaigns().size(), 1u);
}

TEST_P(StoreContract, LegalBasesAndCalendar) {
  auto tx = store().begin(TxMode::Write);
  tx->upsertLegalBasis(LegalBasis{"152/2025/NĐ-CP", "NĐ 152", Date{2025, 7, 1}, Date{}});
  tx->upsertLegalBasis(LegalBasis{"98/2023/NĐ-CP", "NĐ 98", Date{2023, 12, 31}, Date{2025, 6, 30}});
  tx->upsertCalendarDay(CalendarDay{Date{2025, 9, 2}, false, "Quốc khánh"});
  tx->upsertCalendarDay(CalendarDay{Date{2025, 9, 1}, false, "Nghỉ"});
  tx->upsertCalendarDay(CalendarDay{Date{2026, 1, 1}, false, "Tết Dương lịch"});
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  auto bases = rx->listLegalBases();
  ASSERT_EQ(bases.size(), 2u);
  EXPECT_EQ(bases[0].code, "98/2023/NĐ-CP");
  EXPECT_FALSE(bases[1].effectiveTo.valid());
  auto days = rx->listCalendarDays(Date{2025, 9, 1}, Date{2025, 12, 31});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[1].name, "Quốc khánh");
  EXPECT_FALSE(days[1].working);
}

TEST_P(StoreContract, SubmissionRoundTripVersionCheckAndDetails) {
  Submission s = sampleSubmission();
  {
    auto tx = store().begin(TxMode::Write);
    tx->insertSubmission(s);
    Candidate c{0, "ca_nhan", "Trần Thị Bé", "Giáo viên", "Trường A", "Thành tích", CandidateStatus::Active, "", -1};
    tx->insertCandidate(s.id, c);
    Candidate c2{0, "tap_the", "Tổ Văn", "", "Trường A", "", CandidateStatus::Active, "", -1};
    tx->insertCandidate(s.id, c2);
    c2.status = CandidateStatus::Removed;
    c2.removedReason = "Không đủ tiêu chuẩn";
    c2.removedAtStep = 1;
    EXPECT_TRUE(tx->updateCandidate(s.id, c2));
    EXPECT_FALSE(tx->updateCandidate(s.id + 1000, c2));
    tx->insertVote(s.id, VoteRecord{1, 11, 9, 2, Date{2025, 8, 1}});
    AttachmentInfo a;
    a.submissionId = s.id;
    a.fileName = "to-trinh.pdf";
    a.mediaType = "application/pdf";
    const std::string bytes("%PDF\0\x01\xff end", 12);
    a.size = static_cast<std::int64_t>(bytes.size());
    a.sha256 = "abc";
    tx->insertAttachment(a, bytes);
    tx->commit();
    auto rx = store().begin(TxMode::Read);
    auto found = rx->findAttachment(a.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->bytes, bytes);
    EXPECT_EQ(found->info.fileName, "to-trinh.pdf");
  }
  auto rx = store().begin(TxMode::Read);
  auto got = rx->findSubmission(s.id, true);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, s.title);
  EXPECT_EQ(got->stepOwners, s.stepOwners);
  EXPECT_EQ(got->stepDueDate, s.stepDueDate);
  EXPECT_EQ(got->state, SubmissionState::InReview);
  EXPECT_EQ(got->version, 3);
  EXPECT_FALSE(got->decision);
  ASSERT_EQ(got->candidates.size(), 2u);
  EXPECT_EQ(got->candidates[1].status, CandidateStatus::Removed);
  EXPECT_EQ(got->candidates[1].removedReason, "Không đủ tiêu chuẩn");
  ASSERT_EQ(got->votes.size(), 1u);
  EXPECT_EQ(got->votes[0].inFavour, 9);
  ASSERT_EQ(got->attachments.size(), 1u);
  rx.reset();

  auto tx = store().begin(TxMode::Write);
  Submission changed = *got;
  changed.version = 4;
  changed.state = SubmissionState::Decided;
  changed.decision = Decision{7, 2025, "QĐ-TTg", "07/QĐ-TTg", "tw.ttg", Date{2025, 9, 3}};
  EXPECT_FALSE(tx->updateSubmission(changed, 2));  // stale
  EXPECT_TRUE(tx->updateSubmission(changed, 3));
  tx->commit();
  auto again = store().begin(TxMode::Read)->findSubmission(s.id, false);
  ASSERT_TRUE(again && again->decision);
  EXPECT_EQ(again->decision->text, "07/QĐ-TTg");
  EXPECT_EQ(again->decision->date, (Date{2025, 9, 3}));
  EXPECT_EQ(again->version, 4);
  EXPECT_FALSE(store().begin(TxMode::Read)->findSubmission(s.id + 99, false));
}

TEST_P(StoreContract, InboxOverdueAndProposerLists) {
  auto tx = store().begin(TxMode::Write);
  Submission a = sampleSubmission();
  tx->insertSubmission(a);
  Submission b = sampleSubmission();
  b.stepDueDate = Date{2025, 9, 30};
  b.stepArrivedAt = 100;
  tx->insertSubmission(b);
  Submission c = sampleSubmission();
  c.state = SubmissionState::Decided;
  tx->insertSubmission(c);
  Submission d = sampleSubmission();
  d.state = SubmissionState::Returned;
  d.currentOwnerUnitId = "u.xa";
  d.stepDueDate = Date{};
  tx->insertSubmission(d);
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  auto owned = rx->listSubmissionsOwnedBy("u.huyen");
  ASSERT_EQ(owned.size(), 2u);
  EXPECT_EQ(owned[0].id, b.id);  // oldest arrival first
  EXPECT_EQ(rx->listSubmissionsOwnedBy("u.xa").size(), 1u);
  auto overdue = rx->listOverdue(Date{2025, 9, 1});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].id, a.id);
  EXPECT_EQ(rx->listOverdue(Date{2025, 10, 1}).size(), 2u);
  EXPECT_EQ(rx->listSubmissionsByProposer("u.xa").size(), 4u);
}

TEST_P(StoreContract, RollbackLeavesNothing) {
  {
    auto tx = store().begin(TxMode::Write);
    tx->upsertUnit(Unit{"gone", "Đơn vị", "xa", "ubnd", "", "UBND", ""});
    EXPECT_EQ(tx->allocateDecisionNumber("x", 2025), 1);
  }  // destroyed without commit
  auto rx = store().begin(TxMode::Read);
  EXPECT_FALSE(rx->findUnit("gone"));
  rx.reset();
  auto tx = store().begin(TxMode::Write);
  EXPECT_EQ(tx->allocateDecisionNumber("x", 2025), 1);  // the rolled-back number is given back
}

TEST_P(StoreContract, DecisionNumbersPerIssuerAndYear) {
  auto tx = store().begin(TxMode::Write);
  EXPECT_EQ(tx->allocateDecisionNumber("bp", 2025), 1);
  EXPECT_EQ(tx->allocateDecisionNumber("bp", 2025), 2);
  EXPECT_EQ(tx->allocateDecisionNumber("tw.ttg", 2025), 1);
  EXPECT_EQ(tx->allocateDecisionNumber("bp", 2026), 1);
  EXPECT_EQ(tx->allocateDecisionNumber("bp", 2025), 3);
  tx->commit();
}

TEST_P(StoreContract, DecisionNumbersGaplessUnderConcurrency) {
  constexpr int kThreads = 6;
  constexpr int kEach = 8;
  std::vector<std::vector<int>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto tx = store().begin(TxMode::Write);
        int n = tx->allocateDecisionNumber("ubnd", 2025);
        if (i % 3 == 2) continue;  // rolled back: the number must be reused
        tx->commit();
        got[t].push_back(n);
      }
    });
  for (auto& th : threads) th.join();
  std::vector<int> all;
  for (auto& v : got) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], static_cast<int>(i) + 1);
}

TEST_P(StoreContract, AwardSearch) {
  auto tx = store().begin(TxMode::Write);
  tx->insertAward(Award{1, 1, "Nguyễn Thị Hồng Đào", "ca_nhan", "Trường A", "bp.xa", "bk", "c1315", "r2025", 2025,
                        "05/QĐ-TTg", Date{2025, 9, 3}, "tw.ttg"});
  tx->insertAward(Award{1, 2, "Lê Văn Đức", "ca_nhan", "Trường A", "bp.xa", "bk", "c1315", "r2025", 2025,
                        "05/QĐ-TTg", Date{2025, 9, 3}, "tw.ttg"});
  tx->insertAward(Award{2, 3, "Trần Đào", "ca_nhan", "Trường B", "dn.xa", "gk", "c9", "r2026", 2026, "12/QĐ-UBND",
                        Date{2026, 3, 1}, "dn.xa"});
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  AwardQuery q;
  q.name = "dao";
  auto found = rx->searchAwards(q);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].candidateName, "Trần Đào");  // newest decision first
  q.name = "ĐỨC";
  EXPECT_EQ(rx->searchAwards(q).size(), 1u);
  AwardQuery byUnit;
  byUnit.unitId = "bp.xa";
  byUnit.year = 2025;
  EXPECT_EQ(rx->searchAwards(byUnit).size(), 2u);
  AwardQuery byCampaign;
  byCampaign.campaignId = "c9";
  EXPECT_EQ(rx->searchAwards(byCampaign).size(), 1u);
  AwardQuery page;
  page.limit = 1;
  page.offset = 1;
  EXPECT_EQ(rx->searchAwards(page).size(), 1u);
}

TEST_P(StoreContract, AuditChainStorage) {
  auto tx = store().begin(TxMode::Write);
  EXPECT_EQ(tx->lockAuditHead().seq, 0);
  AuditEvent e;
  e.seq = 1;
  e.at = 5;
  e.userId = "u";
  e.submissionId = 9;
  e.action = "submit";
  e.comment = "Ý kiến có dấu";
  e.hash = "h1";
  tx->appendAuditEvent(e);
  e.seq = 2;
  e.submissionId = 10;
  e.prevHash = "h1";
  e.hash = "h2";
  tx->appendAuditEvent(e);
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  EXPECT_EQ(rx->readAuditHead().seq, 2);
  EXPECT_EQ(rx->readAuditHead().hash, "h2");
  auto all = rx->listAuditEvents(1, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].comment, "Ý kiến có dấu");
  EXPECT_EQ(rx->listAuditEvents(2, 10).size(), 1u);
  EXPECT_EQ(rx->listAuditEventsOf(9).size(), 1u);
}

TEST_P(StoreContract, IdempotencyRecords) {
  auto tx = store().begin(TxMode::Write);
  tx->insertIdempotency(IdempotencyRecord{"u", "k1", "fp", 200, "{\"id\":1}", 1, 5});
  tx->commit();
  auto rx = store().begin(TxMode::Read);
  auto r = rx->findIdempotency("u", "k1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "{\"id\":1}");
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(rx->findIdempotency("v", "k1"));
  rx.reset();
  auto dup = store().begin(TxMode::Write);
  EXPECT_ANY_THROW(dup->insertIdempotency(IdempotencyRecord{"u", "k1", "fp2", 200, "", 1, 6}));
}

TEST_P(StoreContract, Sessions) {
  auto tx = store().begin(TxMode::Write);
  tx->createSession(Session{"t1", "u1", 10, 100});
  tx->createSession(Session{"t2", "u1", 10, 1000});
  tx->commit();
  auto w = store().begin(TxMode::Write);
  EXPECT_EQ(w->findSession("t1")->expiresAt, 100);
  EXPECT_EQ(w->deleteExpiredSessions(500), 1);
  EXPECT_FALSE(w->findSession("t1"));
  w->deleteSession("t2");
  EXPECT_FALSE(w->findSession("t2"));
  w->commit();
}

TEST_P(StoreContract, ConcurrentReadersAndWriters) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < 10; ++i) {
          {
            auto tx = store().begin(TxMode::Write);
            tx->upsertUnit(Unit{"u" + std::to_string(t) + "_" + std::to_string(i), "Đơn vị", "xa", "ubnd", "", "", ""});
            tx->commit();
          }
          // A committed write is visible to every later read (commit returns only once it is durable).
          auto rx = store().begin(TxMode::Read);
          if (!rx->findUnit("u" + std::to_string(t) + "_" + std::to_string(i))) ++failures;
        }
      } catch (const std::exception&) {
        ++failures;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store().begin(TxMode::Read)->listUnits().size(), 40u);
}

TEST_P(StoreContract, ConcurrentRollbacksLeaveOtherWritersIntact) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        auto tx = store().begin(TxMode::Write);
        tx->upsertUnit(Unit{"k" + std::to_string(t) + "_" + std::to_string(i), "Đơn vị", "xa", "ubnd", "", "", ""});
        tx->allocateDecisionNumber("shared", 2025);
        if (i % 2 == 0) tx->commit();  // odd ones roll back
      }
    });
  for (auto& th : threads) th.join();
  auto rx = store().begin(TxMode::Read);
  EXPECT_EQ(rx->listUnits().size(), 40u);
  EXPECT_FALSE(rx->findUnit("k0_1"));
  EXPECT_TRUE(rx->findUnit("k7_8"));
  rx.reset();
  auto tx = store().begin(TxMode::Write);
  EXPECT_EQ(tx->allocateDecisionNumber("shared", 2025), 41);  // 40 committed, gapless
}

TEST_P(StoreContract, WritesResumeAfterTheServerDropsConnections) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "PostgreSQL only";
  {
    auto tx = store().begin(TxMode::Write);
    tx->upsertUnit(Unit{"before", "Đơn vị", "xa", "ubnd", "", "", ""});
    tx->commit();
  }
  // Kill every connection of this store (as a database restart would).
  db_->rawSql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'thidua_' ||"
              " current_schema() AND pid <> pg_backend_pid()");
  auto tx = store().begin(TxMode::Write);
  tx->upsertUnit(Unit{"after", "Đơn vị", "xa", "ubnd", "", "", ""});
  tx->commit();
  auto rx = store().begin(TxMode::Read);  // pooled readers were killed too
  EXPECT_TRUE(rx->findUnit("before"));
  EXPECT_TRUE(rx->findUnit("after"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(test::backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace thidua::wf
