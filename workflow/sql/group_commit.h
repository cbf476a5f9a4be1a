#pragma once
// Internal to the SQLite store: group commit. Write transactions run one at a time on a single writer
// connection, each inside a SAVEPOINT of a shared batch transaction; the batch is committed (one fsync)
// when no other writer is waiting or it is full, and every member's commit() returns only once its batch
// is durable. Many concurrent writers thus share one fsync instead of paying one each.

#include "workflow/sql/sql_session.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>

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

 private:
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
};

}  // namespace thidua::wf::sql
