#pragma once
// The Store port: durable storage of the domain behind one interface. Implementations:
// workflow/sqlite/sqlite_store.h and workflow/postgresql/postgresql_store.h, both passing
// tests/workflow/store_contract_test.cpp. No SQL leaves the implementations.
//
// Error convention: methods return values / optionals / bools for expected outcomes (absent row,
// version mismatch) and throw std::runtime_error (or a Poco::Exception) on infrastructure faults.
// Any exception leaves the transaction to be rolled back by its destructor.

#include "workflow/model.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace thidua::wf {

/// The head of the audit chain: the last event's seq and hash (0 and "" when empty).
struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

/// One database transaction. Created by Store::begin; used by ONE thread; not copyable.
/// All reads see one consistent snapshot plus this transaction's own writes. Nothing is visible to
/// others before commit(); destroying an uncommitted transaction rolls it back.
class Transaction {
 public:
  virtual ~Transaction() = default;
  /// Makes every write durable (SQLite: synchronous=FULL; PostgreSQL: fsync). Throws on failure
  /// (then nothing was written). Calling anything after commit() is a programming error.
  virtual void commit() = 0;

  // ---- Organisation and catalogue (upserts are by id; replacing keeps the id) ----
  virtual void upsertUnit(const Unit& unit) = 0;
  virtual std::optional<Unit> findUnit(const std::string& id) = 0;
  /// All units ordered by id.
  virtual std::vector<Unit> listUnits() = 0;
  /// Direct children of `parentId`, ordered by id.
  virtual std::vector<Unit> listChildUnits(const std::string& parentId) = 0;

  /// Inserts or replaces by id; usernames are unique (a clash with another id throws).
  virtual void upsertUser(const User& user) = 0;
  virtual std::optional<User> findUser(const std::string& id) = 0;
  virtual std::optional<User> findUserByUsername(const std::string& username) = 0;
  /// All users ordered by id.
  virtual std::vector<User> listUsers() = 0;

  virtual void upsertAwardForm(const AwardForm& form) = 0;
  virtual std::optional<AwardForm> findAwardForm(const std::string& id) = 0;
  /// All award forms ordered by id.
  virtual std::vector<AwardForm> listAwardForms() = 0;

  /// Inserts route (awardFormId, version) with its steps, replacing an existing one with the same key.
  /// (The config loader refuses to change a version that is already stored with different steps.)
  virtual void upsertRoute(const Route& route) = 0;
  virtual std::optional<Route> findRoute(const std::string& awardFormId, int version) = 0;
  /// The highest version with effectiveFrom <= `on`, or nullopt.
  virtual std::optional<Route> findRouteInForce(const std::string& awardFormId, const Date& on) = 0;
  /// All routes of all forms, ordered by awardFormId then version.
  virtual std::vector<Route> listRoutes() = 0;

  /// Inserts or replaces a campaign with all its phases and rounds.
  virtual void upsertCampaign(const Campaign& campaign) = 0;
  virtual std::optional<Campaign> findCampaign(const std::string& id) = 0;
  virtual std::vector<Campaign> listCampaigns() = 0;

  virtual void upsertLegalBasis(const LegalBasis& basis) = 0;
  /// All legal bases ordered by effectiveFrom.
  virtual std::vector<LegalBasis> listLegalBases() = 0;

  /// Inserts or replaces the exception of that date.
  virtual void upsertCalendarDay(const CalendarDay& day) = 0;
  /// Exceptions with from <= date <= to, ordered by date.
  virtual std::vector<CalendarDay> listCalendarDays(const Date& from, const Date& to) = 0;

  // ---- Submissions ----
  /// Inserts the header of `s` (details are inserted separately), assigns s.id and returns it.
  virtual std::int64_t insertSubmission(Submission& s) = 0;
  /// Replaces the header of submission s.id (all header fields incl. version, decision) if its stored
  /// version equals `expectedVersion`. Returns false (and writes nothing) otherwise. On PostgreSQL the
  /// row stays locked until commit.
  virtual bool updateSubmission(const Submission& s, std::int64_t expectedVersion) = 0;
  /// The header; with `details` also candidates (by id), votes (by step, insertion order) and
  /// attachment metadata (by id). `forUpdate` locks the row until commit (PostgreSQL; SQLite write
  /// transactions are exclusive anyway).
  virtual std::optional<Submission> findSubmission(std::int64_t id, bool details, bool forUpdate = false) = 0;
  /// Headers of submissions whose currentOwnerUnitId is `unitId` and state is draft, in_review or
  /// returned, oldest stepArrivedAt first.
  virtual std::vector<Submission> listSubmissionsOwnedBy(const std::string& unitId) = 0;
  /// Headers of in_review submissions with a due date strictly before `today`, earliest due first.
  virtual std::vector<Submission> listOverdue(const Date& today) = 0;
  /// Headers of submissions proposed by `unitId`, newest first.
  virtual std::vector<Submission> listSubmissionsByProposer(const std::string& unitId) = 0;

  /// Inserts a candidate of submission `submissionId`; assigns c.id and returns it.
  virtual std::int64_t insertCandidate(std::int64_t submissionId, Candidate& c) = 0;
  /// Replaces candidate c.id of `submissionId`. Returns false if there is no such candidate.
  virtual bool updateCandidate(std::int64_t submissionId, const Candidate& c) = 0;
  /// Deletes every candidate of the submission (draft editing).
  virtual void deleteCandidates(std::int64_t submissionId) = 0;

  virtual void insertVote(std::int64_t submissionId, const VoteRecord& vote) = 0;

  /// Stores the bytes; assigns info.id and returns it.
  virtual std::int64_t insertAttachment(AttachmentInfo& info, const std::string& bytes) = 0;
  virtual std::optional<Attachment> findAttachment(std::int64_t id) = 0;

  // ---- Decisions and awards ----
  /// Returns the next decision number of `issuerUnitId` in `year` (1 for the first) and consumes it.
  /// Gapless and unique: the counter is part of this transaction (a rollback gives the number back);
  /// concurrent transactions serialise on the counter row.
  virtual int allocateDecisionNumber(const std::string& issuerUnitId, int year) = 0;
  virtual void insertAward(const Award& award) = 0;
  /// Awards matching `q`, ordered by decision date descending then submission and candidate id.
  virtual std::vector<Award> searchAwards(const AwardQuery& q) = 0;

  // ---- Audit chain ----
  /// The chain head; on PostgreSQL locks it until commit so appends are serialised.
  virtual AuditHead lockAuditHead() = 0;
  /// Appends `e` (seq, prevHash and hash already computed by the caller) and moves the head to it.
  virtual void appendAuditEvent(const AuditEvent& e) = 0;
  /// Events with seq >= fromSeq in seq order, at most `limit`.
  virtual std::vector<AuditEvent> listAuditEvents(std::int64_t fromSeq, int limit) = 0;
  /// Events of one submission in seq order.
  virtual std::vector<AuditEvent> listAuditEventsOf(std::int64_t submissionId) = 0;
  /// The stored head without locking (for verification).
  virtual AuditHead readAuditHead() = 0;

  // ---- Idempotency records ----
  virtual std::optional<IdempotencyRecord> findIdempotency(const std::string& userId, const std::string& key) = 0;
  /// Throws if (userId, key) already exists.
  virtual void insertIdempotency(const IdempotencyRecord& r) = 0;

  // ---- Login sessions (for the server) ----
  virtual void createSession(const Session& s) = 0;
  virtual std::optional<Session> findSession(const std::string& tokenHash) = 0;
  virtual void deleteSession(const std::string& tokenHash) = 0;
  /// Deletes sessions with expiresAt <= now; returns how many.
  virtual int deleteExpiredSessions(TimePoint now) = 0;
};

enum class TxMode {
  Read,   ///< a read-only snapshot of committed data; runs concurrently with anything
  /// A write transaction. Write transactions of one Store run one at a time (group commit: each is a
  /// savepoint of a shared batch, committed with one flush for many; commit() returns once durable).
  /// A thread holding a write transaction must not begin another one (it would wait for itself).
  Write,
};

/// A durable store. Thread-safe: any number of threads may call begin() concurrently; readers get a
/// pooled connection each, writers queue for the store's writer connection. Several processes may share
/// one database (SQLite: BEGIN IMMEDIATE + busy timeout; PostgreSQL: row locks). The schema is migrated
/// to the current version when the store is opened.
class Store {
 public:
  virtual ~Store() = default;
  /// Starts a transaction. Throws on infrastructure faults (cannot connect, database locked too long).
  virtual std::unique_ptr<Transaction> begin(TxMode mode) = 0;
  /// "sqlite" or "postgresql".
  virtual std::string backend() const = 0;
  /// The schema version after migrations (the highest applied migration).
  virtual int schemaVersion() = 0;
};

}  // namespace thidua::wf
