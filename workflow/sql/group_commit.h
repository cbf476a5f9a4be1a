#pragma once
// Internal to the SQL stores: group commit. Write transactions run one at a time on a single writer
// connection, each inside a SAVEPOINT of a shared batch transaction; the batch is committed (one fsync)
// when no other writer is waiting or it is full, and every member's commit() returns only once its batch
// is durable. Many concurrent writers thus share one fsync instead of paying one each.
//
// Round trips saved on backends that run several statements in one call (Dialect::multiStatement): a
// kept savepoint is released by the next member (or by the batch's COMMIT), and where the executor can
// defer statements the RELEASE and SAVEPOINT travel with the member's first statement.
// The writer also remembers the audit chain head for the rest of the batch once a member has read it
// (the batch then holds the head's row lock, or SQLite's write lock, until it ends).

#include "workflow/sql/sql_session.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace thidua::wf::sql {

class GroupCommitter {
 public:
  /// `connect` opens the writer connection, now and again whenever a batch cannot begin on the old one
  /// (e.g. the database server restarted).
  GroupCommitter(std::function<std::unique_ptr<Connection>()> connect, const Dialect& dialect, int maxBatch);
  /// Waits for the writer connection, opens a batch if none is open, starts a savepoint. Returns the
  /// batch ticket. The caller then owns session() until finish(). Throws if the batch cannot start.
  std::uint64_t enter();
  /// The writer connection (only between enter() and finish()).
  SqlSession& session() { return *db_; }
  /// Ends the caller's part: commit = keep its savepoint and wait until the batch is durable (throws if
  /// the batch failed to commit); otherwise roll back to the savepoint. May commit the batch itself.
  void finish(std::uint64_t ticket, bool commit);

  /// Only between enter() and finish(): the audit chain head as this batch transaction sees it, if
  /// known (false: read it from the database, locking it). Forgotten when a member rolls back (its
  /// savepoint may have taken the lock) and when the batch ends.
  bool cachedAuditHead(std::int64_t& seq, std::string& hash) const;
  /// Only between enter() and finish(): the head just read (locked) or written by the current member.
  void rememberAuditHead(std::int64_t seq, const std::string& hash);

 private:
  // Commits (or, if no member kept its work or the batch is broken, rolls back) the open batch and
  // wakes its members. Called by the active writer with `lock` held; returns the error, "" if durable.
  std::string endBatch(std::unique_lock<std::mutex>& lock, std::uint64_t ticket);

  std::function<std::unique_ptr<Connection>()> connect_;
  const Dialect& dialect_;
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<SqlSession> db_;
  int maxBatch_;
  std::mutex m_;
  std::condition_variable slotFree_;  // the writer connection became free (wake one)
  std::condition_variable durable_cv_;  // a batch finished (wake its members)
  bool active_ = false;         // a writer owns the connection
  bool open_ = false;           // a batch transaction is open
  int waiting_ = 0;             // writers waiting to enter
  int count_ = 0;               // committed members of the open batch
  std::uint64_t batch_ = 0;     // id of the open (or last) batch
  std::uint64_t durable_ = 0;   // last finished batch
  std::set<std::uint64_t> failed_;
  // Owned by the active writer (touched only between enter() and finish()).
  bool releasePending_ = false;  // the last kept savepoint is not released yet
  bool broken_ = false;          // a savepoint statement failed: the batch must not commit
  bool headKnown_ = false;       // headSeq_/headHash_ hold the audit chain head of this batch
  std::int64_t headSeq_ = 0;
  std::string headHash_;
};

}  // namespace thidua::wf::sql
