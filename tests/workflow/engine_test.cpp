// The approval engine on both stores: the full route of a Bằng khen of the Prime Minister, returns and
// resubmission, two-tier layout, permissions, versions, idempotency, decision numbers, votes, due
// dates, partial awards.

#include "workflow/engine.h"

#include "workflow/audit.h"
#include "tests/workflow/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

namespace thidua::wf {
namespace {

class EngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = test::TestDb::open(GetParam());
    if (!db_) GTEST_SKIP() << "THIDUA_TEST_PG_URL not set";
    test::seedOrganisation(db_->store());
    engine_ = std::make_unique<Engine>(db_->store(), clock_);
  }

  User user(const std::string& id) { return *db_->store().begin(TxMode::Read)->findUser(id); }

  NewSubmission draft(const std::string& form = "bk-ttg", int candidates = 1) {
    NewSubmission d;
    d.campaignId = "c1315";
    d.roundId = "r2025";
    d.awardFormId = form;
    d.title = "Tờ trình đề nghị khen thưởng";
    const char* names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Dũng"};
    for (int i = 0; i < candidates; ++i)
      d.candidates.push_back(Candidate{0, "ca_nhan", names[i % 4], "Giáo viên", "Trường Tiểu học Tân Thành",
                                       "Hoàn thành xuất sắc nhiệm vụ", CandidateStatus::Active, "", -1});
    return d;
  }

  Submission create(const std::string& proposer = "bp.dx.tt.de_xuat", const std::string& form = "bk-ttg",
                    int candidates = 1) {
    ActionOutcome out = engine_->create(user(proposer), draft(form, candidates));
    EXPECT_TRUE(out.result.ok()) << out.result.error().message;
    return out.result.value();
  }

  Result<Submission> act(const std::string& userId, Action a, const Submission& s, std::string comment = "",
                         int toStep = -1) {
    ActionRequest r;
    r.action = a;
    r.submissionId = s.id;
    r.expectedVersion = s.version;
    r.comment = std::move(comment);
    r.toStep = toStep;
    return engine_->act(user(userId), r).result;
  }

  // Runs an action that must succeed and returns the new state.
  Submission ok(const std::string& userId, Action a, const Submission& s, std::string comment = "", int toStep = -1) {
    Result<Submission> r = act(userId, a, s, std::move(comment), toStep);
    EXPECT_TRUE(r.ok()) << actionName(a) << " by " << userId << ": " << r.error().message;
    return r.ok() ? r.value() : s;
  }

  Submission vote(const std::string& userId, const Submission& s, int total, int inFavour, int against) {
    ActionRequest r;
    r.action = Action::RecordVote;
    r.submissionId = s.id;
    r.expectedVersion = s.version;
    r.vote = VoteRecord{0, total, inFavour, against, Date{}};
    Result<Submission> out = engine_->act(user(userId), r).result;
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? out.value() : s;
  }

  std::int64_t auditCount() { return db_->store().begin(TxMode::Read)->readAuditHead().seq; }

  FixedClock clock_{Date{2025, 8, 4}};  // a Monday, under NĐ 152/2025
  std::unique_ptr<test::TestDb> db_;
  std::unique_ptr<Engine> engine_;
};

TEST_P(EngineTest, PrimeMinisterRouteThreeTierWithReturnToProposer) {
  Submission s = create();
  EXPECT_EQ(s.state, SubmissionState::Draft);
  s = ok("bp.dx.tt.de_xuat", Action::Submit, s);
  EXPECT_EQ(s.state, SubmissionState::InReview);
  EXPECT_EQ(s.legalBasis, "152/2025/NĐ-CP");
  EXPECT_EQ(s.stepOwners,
            (std::vector<std::string>{"bp.dx.tt", "bp.dx", "bp.snv", "bp", "tw.bnv", "tw.ttg"}));
  EXPECT_EQ(s.currentOwnerUnitId, "bp.dx.tt");
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "bp.dx");
  s = ok("bp.dx.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "bp.snv");
  s = ok("bp.snv.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentStep, 3);
  EXPECT_EQ(s.currentOwnerUnitId, "bp");

  // The province returns the dossier to the commune; the resubmission lands back at the province.
  EXPECT_EQ(act("bp.tham_dinh", Action::Return, s, "").error().code, ErrorCode::Validation);  // reason required
  s = ok("bp.tham_dinh", Action::Return, s, "Bổ sung báo cáo thành tích có xác nhận");
  EXPECT_EQ(s.state, SubmissionState::Returned);
  EXPECT_EQ(s.currentOwnerUnitId, "bp.dx.tt");
  EXPECT_EQ(s.returnedFromStep, 3);
  auto inbox = engine_->inbox(user("bp.dx.tt.de_xuat"));
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0].submission.id, s.id);
  s = ok("bp.dx.tt.de_xuat", Action::Submit, s);
  EXPECT_EQ(s.state, SubmissionState::InReview);
  EXPECT_EQ(s.currentStep, 3);
  EXPECT_EQ(s.currentOwnerUnitId, "bp");

  EXPECT_EQ(act("bp.phe_duyet", Action::Approve, s).error().code, ErrorCode::InvalidTransition);  // vote needed
  s = vote("bp.tham_dinh", s, 11, 10, 1);
  s = ok("bp.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "tw.bnv");
  EXPECT_EQ(act("tw.bnv.phe_duyet", Action::Decide, s).error().code, ErrorCode::InvalidTransition);
  s = ok("tw.bnv.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "tw.ttg");
  EXPECT_EQ(act("tw.ttg.phe_duyet", Action::Approve, s).error().code, ErrorCode::InvalidTransition);
  s = ok("tw.ttg.phe_duyet", Action::Decide, s);
  EXPECT_EQ(s.state, SubmissionState::Decided);
  ASSERT_TRUE(s.decision);
  EXPECT_EQ(s.decision->text, "01/QĐ-TTg");
  EXPECT_EQ(s.decision->date, (Date{2025, 8, 4}));
  EXPECT_EQ(s.decision->issuerUnitId, "tw.ttg");

  Result<std::vector<AuditEvent>> h = engine_->history(user("bp.dx.tt.de_xuat"), s.id);
  ASSERT_TRUE(h.ok());
  std::vector<std::string> actions;
  for (const AuditEvent& e : h.value()) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "approve", "approve", "approve", "return",
                                               "submit", "record_vote", "approve", "approve", "decide"}));
  EXPECT_EQ(h.value()[5].fromStep, 3);
  EXPECT_EQ(h.value()[5].toState, "returned");
  EXPECT_EQ(h.value()[5].comment, "Bổ sung báo cáo thành tích có xác nhận");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_TRUE(v.ok) << v.reason;

  AwardQuery q;
  q.name = "nguyen van an";
  auto awards = engine_->searchAwards(q);
  ASSERT_EQ(awards.size(), 1u);
  EXPECT_EQ(awards[0].decisionText, "01/QĐ-TTg");
  EXPECT_EQ(awards[0].year, 2025);
}

TEST_P(EngineTest, ReturnToAnEarlierStepComesBackToTheReturningStep) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  s = ok("bp.dx.phe_duyet", Action::Approve, s);
  s = ok("bp.snv.phe_duyet", Action::Approve, s);
  EXPECT_EQ(act("bp.tham_dinh", Action::Return, s, "Làm rõ", 3).error().code, ErrorCode::Validation);
  s = ok("bp.tham_dinh", Action::Return, s, "Xã bổ sung hồ sơ", 0);
  EXPECT_EQ(s.state, SubmissionState::InReview);
  EXPECT_EQ(s.currentOwnerUnitId, "bp.dx.tt");
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentStep, 3);  // straight back to the province, not through the district again
  EXPECT_EQ(s.currentOwnerUnitId, "bp");
}

TEST_P(EngineTest, TwoTierProvinceSkipsTheDistrict) {
  Submission s = ok("dn.ab.de_xuat", Action::Submit, create("dn.ab.de_xuat"));
  EXPECT_EQ(s.stepOwners, (std::vector<std::string>{"dn.ab", "", "dn.snv", "dn", "tw.bnv", "tw.ttg"}));
  s = ok("dn.ab.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentStep, 2);
  EXPECT_EQ(s.currentOwnerUnitId, "dn.snv");
  s = ok("dn.snv.phe_duyet", Action::Approve, s);
  s = ok("dn.tham_dinh", Action::Return, s, "Bổ sung biên bản");
  EXPECT_EQ(act("dn.ab.tham_dinh", Action::Submit, s).error().code, ErrorCode::Forbidden);
  s = ok("dn.ab.de_xuat", Action::Submit, s);
  EXPECT_EQ(s.currentOwnerUnitId, "dn");
  EXPECT_EQ(act("dn.tham_dinh", Action::Return, s, "x", 1).error().code, ErrorCode::Validation);  // skipped step
  s = vote("dn.tham_dinh", s, 9, 8, 0);
  s = ok("dn.phe_duyet", Action::Approve, s);
  s = ok("tw.bnv.phe_duyet", Action::Approve, s);
  s = ok("tw.ttg.phe_duyet", Action::Decide, s);
  EXPECT_EQ(s.state, SubmissionState::Decided);
  EXPECT_TRUE(verifyAudit(db_->store()).ok);
}

TEST_P(EngineTest, PermissionsAreRefused) {
  // A proposer who also holds the approving role never approves their own submission.
  {
    auto tx = db_->store().begin(TxMode::Write);
    tx->upsertUser(User{"both", "both", "Cán bộ kiêm nhiệm", "bp.dx.tt", {Role::DeXuat, Role::PheDuyet}, "x"});
    tx->commit();
  }
  Submission s = ok("both", Action::Submit, create("both"));
  const std::int64_t before = auditCount();
  EXPECT_EQ(act("both", Action::Approve, s).error().code, ErrorCode::Forbidden);
  EXPECT_EQ(act("bp.dx.tb.phe_duyet", Action::Approve, s).error().code, ErrorCode::Forbidden);  // other commune
  EXPECT_EQ(act("bp.dx.phe_duyet", Action::Approve, s).error().code, ErrorCode::Forbidden);     // not its step yet
  EXPECT_EQ(act("bp.dx.tt.tham_dinh", Action::Approve, s).error().code, ErrorCode::Forbidden);  // wrong role
  EXPECT_EQ(act("bp.dx.tt.de_xuat", Action::Reject, s, "x").error().code, ErrorCode::Forbidden);
  EXPECT_EQ(act("bp.dx.tb.de_xuat", Action::Withdraw, s).error().code, ErrorCode::Forbidden);
  EXPECT_EQ(engine_->get(user("dn.ab.phe_duyet"), s.id).error().code, ErrorCode::Forbidden);
  EXPECT_EQ(engine_->get(user("bp.dx.tt.tham_dinh"), 424242).error().code, ErrorCode::NotFound);
  EXPECT_TRUE(engine_->get(user("tw.ttg.phe_duyet"), s.id).ok());  // owns a later step
  EXPECT_TRUE(engine_->get(user("admin"), s.id).ok());
  EXPECT_EQ(engine_->create(user("bp.dx.tt.phe_duyet"), draft()).result.error().code, ErrorCode::Forbidden);
  EXPECT_EQ(auditCount(), before);
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "bp.dx");
}

TEST_P(EngineTest, StaleVersionChangesNothing) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  Submission stale = s;
  stale.version -= 1;
  const std::int64_t before = auditCount();
  Result<Submission> r = act("bp.dx.tt.phe_duyet", Action::Approve, stale);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::StaleVersion);
  EXPECT_EQ(auditCount(), before);
  Submission now = engine_->get(user("bp.dx.tt.phe_duyet"), s.id).value();
  EXPECT_EQ(now.version, s.version);
  EXPECT_EQ(now.currentStep, 0);
}

TEST_P(EngineTest, IdempotencyKeyReplaysOnce) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  int renders = 0;
  Idempotency idem{"key-1", "POST /submissions/1/actions approve v2",
                   [&](const Submission& x) {
                     ++renders;
                     return StoredResponse{200, "{\"version\":" + std::to_string(x.version) + "}"};
                   }};
  ActionRequest r;
  r.action = Action::Approve;
  r.submissionId = s.id;
  r.expectedVersion = s.version;
  const User boss = user("bp.dx.tt.phe_duyet");
  ActionOutcome first = engine_->act(boss, r, &idem);
  ASSERT_TRUE(first.result.ok());
  EXPECT_FALSE(first.replayed);
  ASSERT_TRUE(first.response);
  const std::int64_t before = auditCount();
  ActionOutcome second = engine_->act(boss, r, &idem);
  EXPECT_TRUE(second.replayed);
  ASSERT_TRUE(second.response);
  EXPECT_EQ(second.response->body, first.response->body);
  EXPECT_EQ(second.response->status, 200);
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(auditCount(), before);
  EXPECT_EQ(engine_->get(boss, s.id).value().version, first.result.value().version);

  Idempotency other = idem;
  other.fingerprint = "something else";
  ActionOutcome clash = engine_->act(boss, r, &other);
  ASSERT_FALSE(clash.result.ok());
  EXPECT_EQ(clash.result.error().code, ErrorCode::Conflict);

  // create() too: the same key makes one draft.
  Idempotency c{"create-1", "fp", [](const Submission& x) { return StoredResponse{201, std::to_string(x.id)}; }};
  ActionOutcome c1 = engine_->create(user("bp.dx.tt.de_xuat"), draft(), &c);
  ActionOutcome c2 = engine_->create(user("bp.dx.tt.de_xuat"), draft(), &c);
  EXPECT_TRUE(c2.replayed);
  EXPECT_EQ(c1.response->body, c2.response->body);
  EXPECT_EQ(c2.result.value().id, c1.result.value().id);
}

TEST_P(EngineTest, ConcurrentRetriesWithOneKeyApplyOnce) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  const User boss = user("bp.dx.tt.phe_duyet");
  Idempotency idem{"same-key", "fp", [](const Submission& x) { return StoredResponse{200, std::to_string(x.version)}; }};
  ActionRequest r;
  r.action = Action::Approve;
  r.submissionId = s.id;
  r.expectedVersion = s.version;
  std::atomic<int> applied{0}, replayed{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      ActionOutcome out = engine_->act(boss, r, &idem);
      if (out.replayed && out.response && out.response->body == std::to_string(s.version + 1)) ++replayed;
      else if (!out.replayed && out.result.ok()) ++applied;
      else ++other;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(applied.load(), 1);
  EXPECT_EQ(replayed.load(), 5);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(engine_->get(boss, s.id).value().version, s.version + 1);
}

TEST_P(EngineTest, DecisionNumbersGaplessUnderConcurrentDecisionsAndRestartOnNewYear) {
  constexpr int kCount = 12;
  std::vector<Submission> subs;
  for (int i = 0; i < kCount; ++i) subs.push_back(ok("bp.dx.tt.de_xuat", Action::Submit, create("bp.dx.tt.de_xuat", "gk-xa")));
  std::vector<std::thread> threads;
  std::vector<std::string> texts(kCount);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      const User boss = user("bp.dx.tt.phe_duyet");
      for (int i = t; i < kCount; i += 4) {
        ActionRequest r;
        r.action = Action::Decide;
        r.submissionId = subs[i].id;
        r.expectedVersion = subs[i].version;
        ActionOutcome out = engine_->act(boss, r);
        if (out.result.ok()) texts[i] = out.result.value().decision->text;
      }
    });
  for (auto& th : threads) th.join();
  std::set<std::string> unique(texts.begin(), texts.end());
  EXPECT_EQ(unique.size(), static_cast<std::size_t>(kCount));
  for (int n = 1; n <= kCount; ++n) {
    const std::string expect = (n < 10 ? "0" : "") + std::to_string(n) + "/QĐ-UBND";
    EXPECT_TRUE(unique.count(expect)) << expect;
  }
  // Numbering restarts on 01/01 (Vietnamese local time).
  Submission late = ok("bp.dx.tt.de_xuat", Action::Submit, create("bp.dx.tt.de_xuat", "gk-xa"));
  clock_.set(vietnamMidnight(Date{2026, 1, 1}) - 1000000);
  late = ok("bp.dx.tt.phe_duyet", Action::Decide, late);
  EXPECT_EQ(late.decision->text, "13/QĐ-UBND");
  EXPECT_EQ(late.decision->date, (Date{2025, 12, 31}));
  Submission next = ok("bp.dx.tt.de_xuat", Action::Submit, create("bp.dx.tt.de_xuat", "gk-xa"));
  clock_.set(vietnamMidnight(Date{2026, 1, 1}) + 1000000);
  next = ok("bp.dx.tt.phe_duyet", Action::Decide, next);
  EXPECT_EQ(next.decision->text, "01/QĐ-UBND");
  EXPECT_EQ(next.decision->year, 2026);
  // Another issuer has its own sequence.
  Submission dn = ok("dn.ab.de_xuat", Action::Submit, create("dn.ab.de_xuat", "gk-xa"));
  dn = ok("dn.ab.phe_duyet", Action::Decide, dn);
  EXPECT_EQ(dn.decision->text, "01/QĐ-UBND");
  EXPECT_EQ(dn.decision->issuerUnitId, "dn.ab");
}

TEST_P(EngineTest, VoteThresholdCountsTotalMembership) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  s = ok("bp.dx.phe_duyet", Action::Approve, s);
  EXPECT_EQ(act("bp.snv.tham_dinh", Action::RecordVote, s).error().code, ErrorCode::InvalidTransition);
  s = ok("bp.snv.phe_duyet", Action::Approve, s);
  // 8 of 9 present voted for (88.9 % of those present) but the council has 11 members: 72.7 % < 80 %.
  s = vote("bp.tham_dinh", s, 11, 8, 1);
  Result<Submission> r = act("bp.phe_duyet", Action::Approve, s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidTransition);
  EXPECT_NE(r.error().message.find("80%"), std::string::npos);
  ActionRequest bad;
  bad.action = Action::RecordVote;
  bad.submissionId = s.id;
  bad.expectedVersion = s.version;
  bad.vote = VoteRecord{0, 11, 10, 5, Date{}};
  EXPECT_EQ(engine_->act(user("bp.tham_dinh"), bad).result.error().code, ErrorCode::Validation);
  s = vote("bp.tham_dinh", s, 11, 9, 2);  // 81.8 %
  s = ok("bp.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.currentOwnerUnitId, "tw.bnv");
  Submission full = engine_->get(user("bp.phe_duyet"), s.id).value();
  ASSERT_EQ(full.votes.size(), 2u);
  EXPECT_NEAR(full.votes[1].percentInFavour(), 81.8, 0.1);
}

TEST_P(EngineTest, DueDatesInWorkingDaysWithHolidaysAndOverdueList) {
  {
    auto tx = db_->store().begin(TxMode::Write);
    tx->upsertCalendarDay(CalendarDay{Date{2025, 9, 1}, false, "Nghỉ lễ Quốc khánh"});
    tx->upsertCalendarDay(CalendarDay{Date{2025, 9, 2}, false, "Quốc khánh"});
    tx->commit();
  }
  clock_.setDate(Date{2025, 8, 29});  // Friday
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  // 5 working days: Sat, Sun, Mon 1/9 and Tue 2/9 are off → 3, 4, 5, 8, 9 September.
  EXPECT_EQ(s.stepDueDate, (Date{2025, 9, 9}));
  EXPECT_TRUE(engine_->overdue().empty());
  clock_.setDate(Date{2025, 9, 9});
  EXPECT_TRUE(engine_->overdue().empty());
  EXPECT_FALSE(engine_->inbox(user("bp.dx.tt.phe_duyet"))[0].overdue);
  clock_.setDate(Date{2025, 9, 10});
  auto overdue = engine_->overdue();
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].submission.id, s.id);
  EXPECT_TRUE(engine_->inbox(user("bp.dx.tt.phe_duyet"))[0].overdue);
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  EXPECT_EQ(s.stepDueDate, (Date{2025, 9, 24}));  // 10 working days from Wed 10/9
  EXPECT_TRUE(engine_->overdue().empty());
}

TEST_P(EngineTest, RemovedCandidateMeansPartialAward) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create("bp.dx.tt.de_xuat", "bk-ttg", 3));
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  s = ok("bp.dx.phe_duyet", Action::Approve, s);
  ActionRequest rm;
  rm.action = Action::RemoveCandidate;
  rm.submissionId = s.id;
  rm.expectedVersion = s.version;
  rm.candidateId = s.candidates.empty() ? 0 : 0;
  Submission full = engine_->get(user("bp.snv.tham_dinh"), s.id).value();
  rm.candidateId = full.candidates[1].id;
  EXPECT_EQ(engine_->act(user("bp.snv.tham_dinh"), rm).result.error().code, ErrorCode::Validation);  // no reason
  rm.comment = "Chưa đủ thời gian công tác";
  Result<Submission> removed = engine_->act(user("bp.snv.tham_dinh"), rm).result;
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  s = removed.value();
  s = ok("bp.snv.phe_duyet", Action::Approve, s);
  s = vote("bp.tham_dinh", s, 11, 11, 0);
  s = ok("bp.phe_duyet", Action::Approve, s);
  s = ok("tw.bnv.phe_duyet", Action::Approve, s);
  s = ok("tw.ttg.phe_duyet", Action::Decide, s);
  full = engine_->get(user("tw.ttg.phe_duyet"), s.id).value();
  ASSERT_EQ(full.candidates.size(), 3u);
  EXPECT_EQ(full.candidates[0].status, CandidateStatus::Awarded);
  EXPECT_EQ(full.candidates[1].status, CandidateStatus::NotAwarded);
  EXPECT_EQ(full.candidates[1].removedReason, "Chưa đủ thời gian công tác");
  EXPECT_EQ(full.candidates[1].removedAtStep, 2);
  EXPECT_EQ(full.candidates[2].status, CandidateStatus::Awarded);
  AwardQuery q;
  q.campaignId = "c1315";
  EXPECT_EQ(engine_->searchAwards(q).size(), 2u);
}

TEST_P(EngineTest, CannotRemoveTheLastCandidate) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  ActionRequest rm;
  rm.action = Action::RemoveCandidate;
  rm.submissionId = s.id;
  rm.expectedVersion = s.version;
  rm.candidateId = engine_->get(user("bp.dx.tt.tham_dinh"), s.id).value().candidates[0].id;
  rm.comment = "Không đủ tiêu chuẩn";
  EXPECT_EQ(engine_->act(user("bp.dx.tt.tham_dinh"), rm).result.error().code, ErrorCode::InvalidTransition);
}

TEST_P(EngineTest, CreateValidatesContent) {
  NewSubmission d = draft();
  d.candidates[0].kind = "doanh_nghiep";
  Result<Submission> r = engine_->create(user("bp.dx.tt.de_xuat"), d).result;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Validation);
  EXPECT_EQ(r.error().field, "candidates[0].kind");
  d = draft();
  d.roundId = "r2026";  // annual round 2026 does not allow the Prime Minister's Bằng khen
  EXPECT_EQ(engine_->create(user("bp.dx.tt.de_xuat"), d).result.error().field, "awardFormId");
  d = draft();
  d.candidates.clear();
  EXPECT_EQ(engine_->create(user("bp.dx.tt.de_xuat"), d).result.error().field, "candidates");
  d = draft();
  d.title = "  ";
  EXPECT_EQ(engine_->create(user("bp.dx.tt.de_xuat"), d).result.error().field, "title");
}

TEST_P(EngineTest, LegalBasisChosenBySubmissionDate) {
  clock_.setDate(Date{2025, 6, 30});
  Submission early = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  EXPECT_EQ(early.legalBasis, "98/2023/NĐ-CP");
  clock_.setDate(Date{2025, 7, 1});
  Submission late = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  EXPECT_EQ(late.legalBasis, "152/2025/NĐ-CP");
  // A dossier sent before 01/07/2025 keeps NĐ 98/2023 after a return and resubmission.
  early = ok("bp.dx.tt.tham_dinh", Action::Return, early, "Bổ sung");
  early = ok("bp.dx.tt.de_xuat", Action::Submit, early);
  EXPECT_EQ(early.legalBasis, "98/2023/NĐ-CP");
}

TEST_P(EngineTest, RestartBetweenStepsLosesNothing) {
  Submission s = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  s = ok("bp.dx.tt.phe_duyet", Action::Approve, s);
  engine_.reset();
  db_->restart();
  engine_ = std::make_unique<Engine>(db_->store(), clock_);
  Submission after = engine_->get(user("bp.dx.phe_duyet"), s.id).value();
  EXPECT_EQ(after.version, s.version);
  EXPECT_EQ(after.currentOwnerUnitId, "bp.dx");
  EXPECT_EQ(after.candidates.size(), 1u);
  after = ok("bp.dx.phe_duyet", Action::Approve, after);
  EXPECT_EQ(after.currentOwnerUnitId, "bp.snv");
  EXPECT_TRUE(verifyAudit(db_->store()).ok);
}

TEST_P(EngineTest, AttachmentsAreHashedAndLimited) {
  Submission s = create();
  const std::string pdf = "%PDF-1.7 báo cáo thành tích";
  Result<AttachmentInfo> a =
      engine_->addAttachment(user("bp.dx.tt.de_xuat"), s.id, 0, "bao-cao.pdf", "application/pdf", pdf);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a.value().size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(a.value().sha256.size(), 64u);
  Result<Attachment> back = engine_->getAttachment(user("bp.dx.tt.phe_duyet"), a.value().id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value().bytes, pdf);
  EXPECT_EQ(engine_->getAttachment(user("dn.ab.phe_duyet"), a.value().id).error().code, ErrorCode::Forbidden);
  const std::string big(10 * 1024 * 1024 + 1, 'x');
  EXPECT_EQ(engine_->addAttachment(user("bp.dx.tt.de_xuat"), s.id, 0, "big.pdf", "application/pdf", big)
                .error()
                .code,
            ErrorCode::TooLarge);
  EXPECT_EQ(engine_->addAttachment(user("bp.dx.tb.de_xuat"), s.id, 0, "x.pdf", "", "x").error().code,
            ErrorCode::Forbidden);
}

TEST_P(EngineTest, WithdrawAndReject) {
  Submission a = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  a = ok("bp.dx.tt.de_xuat", Action::Withdraw, a);
  EXPECT_EQ(a.state, SubmissionState::Withdrawn);
  EXPECT_EQ(act("bp.dx.tt.de_xuat", Action::Withdraw, a).error().code, ErrorCode::InvalidTransition);
  Submission b = ok("bp.dx.tt.de_xuat", Action::Submit, create());
  EXPECT_EQ(act("bp.dx.tt.phe_duyet", Action::Reject, b, "").error().code, ErrorCode::Validation);
  b = ok("bp.dx.tt.phe_duyet", Action::Reject, b, "Không đủ điều kiện");
  EXPECT_EQ(b.state, SubmissionState::Rejected);
  EXPECT_TRUE(engine_->inbox(user("bp.dx.tt.phe_duyet")).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, EngineTest, ::testing::ValuesIn(test::backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace thidua::wf
