// The audit chain detects an altered, an inserted and a deleted event (rows tampered with raw SQL).

#include "workflow/audit.h"

#include "tests/workflow/test_support.h"

#include <gtest/gtest.h>

namespace thidua::wf {
namespace {

class AuditChain : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = test::TestDb::open(GetParam());
    if (!db_) GTEST_SKIP() << "THIDUA_TEST_PG_URL not set";
    auto tx = db_->store().begin(TxMode::Write);
    for (int i = 1; i <= 5; ++i) {
      AuditEvent e;
      e.at = 1000 * i;
      e.userId = "u" + std::to_string(i);
      e.unitId = "bp";
      e.submissionId = 40 + i;
      e.action = "approve";
      e.fromState = "in_review";
      e.toState = "in_review";
      e.fromStep = i - 1;
      e.toStep = i;
      e.comment = "Đồng ý";
      appendAudit(*tx, e);
    }
    tx->commit();
  }
  std::unique_ptr<test::TestDb> db_;
};

TEST_P(AuditChain, IntactChainVerifies) {
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.events, 5);
}

TEST_P(AuditChain, AlteredRowIsNamed) {
  db_->rawSql("UPDATE audit_events SET comment = 'Không đồng ý' WHERE seq = 3");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.badSeq, 3);
  EXPECT_EQ(v.submissionId, 43);
  EXPECT_NE(v.reason.find("sửa"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, DeletedRowIsNamed) {
  db_->rawSql("DELETE FROM audit_events WHERE seq = 2");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.badSeq, 3);
  EXPECT_NE(v.reason.find("thiếu sự kiện số 2"), std::string::npos) << v.reason;
}

TEST_P(AuditChain, DeletedLastRowIsNamed) {
  db_->rawSql("DELETE FROM audit_events WHERE seq = 5");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.badSeq, 5);
}

TEST_P(AuditChain, InsertedRowIsNamed) {
  // An event slipped in after seq 2 with renumbering of the rest: its prevHash cannot match.
  db_->rawSql("UPDATE audit_events SET seq = seq + 100 WHERE seq >= 3");
  db_->rawSql("UPDATE audit_events SET seq = seq - 99 WHERE seq >= 103");
  db_->rawSql("INSERT INTO audit_events (seq, at, user_id, unit_id, submission_id, action, from_state, to_state,"
              " from_step, to_step, comment, prev_hash, hash) VALUES (3, 2500, 'mallory', 'bp', 99, 'decide', '', '',"
              " 0, 0, '', 'forged', 'forged')");
  db_->rawSql("UPDATE audit_head SET seq = 6");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.badSeq, 3);
  EXPECT_EQ(v.submissionId, 99);
}

TEST_P(AuditChain, AppendedForgeryAtTheEndIsNamed) {
  db_->rawSql("INSERT INTO audit_events (seq, at, user_id, unit_id, submission_id, action, from_state, to_state,"
              " from_step, to_step, comment, prev_hash, hash) VALUES (6, 9000, 'mallory', 'bp', 99, 'decide', '', '',"
              " 0, 0, '', 'x', 'y')");
  AuditVerification v = verifyAudit(db_->store());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.badSeq, 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, ::testing::ValuesIn(test::backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace thidua::wf
