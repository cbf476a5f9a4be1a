#pragma once
// Internal to the stores: the Transaction implementation over one pooled Poco::Data session.

#include "workflow/sql/sql_store.h"

#include <mutex>

namespace thidua::wf::sql {

class SqlTransaction final : public Transaction {
 public:
  /// Takes a session from `store`'s pool and begins; for a serialised write holds the write lock.
  SqlTransaction(SqlStore& store, TxMode mode);
  /// Rolls back if not committed and returns the session to the pool (dropped if broken).
  ~SqlTransaction() override;
  void commit() override;
  /// The underlying session (migrations).
  SqlSession& db() { return *db_; }

  void upsertUnit(const Unit& unit) override;
  std::optional<Unit> findUnit(const std::string& id) override;
  std::vector<Unit> listUnits() override;
  std::vector<Unit> listChildUnits(const std::string& parentId) override;
  void upsertUser(const User& user) override;
  std::optional<User> findUser(const std::string& id) override;
  std::optional<User> findUserByUsername(const std::string& username) override;
  std::vector<User> listUsers() override;
  void upsertAwardForm(const AwardForm& form) override;
  std::optional<AwardForm> findAwardForm(const std::string& id) override;
  std::vector<AwardForm> listAwardForms() override;
  void upsertRoute(const Route& route) override;
  std::optional<Route> findRoute(const std::string& awardFormId, int version) override;
  std::optional<Route> findRouteInForce(const std::string& awardFormId, const Date& on) override;
  std::vector<Route> listRoutes() override;
  void upsertCampaign(const Campaign& campaign) override;
  std::optional<Campaign> findCampaign(const std::string& id) override;
  std::vector<Campaign> listCampaigns() override;
  void upsertLegalBasis(const LegalBasis& basis) override;
  std::vector<LegalBasis> listLegalBases() override;
  void upsertCalendarDay(const CalendarDay& day) override;
  std::vector<CalendarDay> listCalendarDays(const Date& from, const Date& to) override;
  std::int64_t insertSubmission(Submission& s) override;
  bool updateSubmission(const Submission& s, std::int64_t expectedVersion) override;
  std::optional<Submission> findSubmission(std::int64_t id, bool details, bool forUpdate) override;
  std::vector<Submission> listSubmissionsOwnedBy(const std::string& unitId) override;
  std::vector<Submission> listOverdue(const Date& today) override;
  std::vector<Submission> listSubmissionsByProposer(const std::string& unitId) override;
  std::int64_t insertCandidate(std::int64_t submissionId, Candidate& c) override;
  bool updateCandidate(std::int64_t submissionId, const Candidate& c) override;
  void deleteCandidates(std::int64_t submissionId) override;
  void insertVote(std::int64_t submissionId, const VoteRecord& vote) override;
  std::int64_t insertAttachment(AttachmentInfo& info, const std::string& bytes) override;
  std::optional<Attachment> findAttachment(std::int64_t id) override;
  int allocateDecisionNumber(const std::string& issuerUnitId, int year) override;
  void insertAward(const Award& award) override;
  std::vector<Award> searchAwards(const AwardQuery& q) override;
  AuditHead lockAuditHead() override;
  void appendAuditEvent(const AuditEvent& e) override;
  std::vector<AuditEvent> listAuditEvents(std::int64_t fromSeq, int limit) override;
  std::vector<AuditEvent> listAuditEventsOf(std::int64_t submissionId) override;
  AuditHead readAuditHead() override;
  std::optional<IdempotencyRecord> findIdempotency(const std::string& userId, const std::string& key) override;
  void insertIdempotency(const IdempotencyRecord& r) override;
  void createSession(const Session& s) override;
  std::optional<Session> findSession(const std::string& tokenHash) override;
  void deleteSession(const std::string& tokenHash) override;
  int deleteExpiredSessions(TimePoint now) override;

 private:
  std::vector<Submission> submissionsWhere(const std::string& where, const std::vector<Param>& params);
  std::vector<Route> routesWhere(const std::string& where, const std::vector<Param>& params);

  SqlStore& store_;
  GroupCommitter* group_ = nullptr;  // set for a write transaction under group commit
  std::uint64_t ticket_ = 0;
  std::unique_ptr<Connection> session_;
  std::unique_ptr<SqlSession> db_;
  bool done_ = false;
};

}  // namespace thidua::wf::sql
