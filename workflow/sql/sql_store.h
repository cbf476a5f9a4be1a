#pragma once
// Internal to the stores: the Store port over Poco::Data, parameterised by a Backend (how to connect,
// begin, commit). Holds a pool of sessions; optionally serialises write transactions in-process.

#include "workflow/sql/group_commit.h"
#include "workflow/sql/sql_session.h"
#include "workflow/store.h"

#include <Poco/Data/Session.h>

#include <memory>
#include <mutex>
#include <vector>

namespace thidua::wf::sql {

class Backend {
 public:
  virtual ~Backend() = default;
  virtual const Dialect& dialect() const = 0;
  /// A new, configured connection. Throws on failure.
  virtual std::unique_ptr<Connection> connect() = 0;
  virtual void beginTx(SqlSession& db, TxMode mode) = 0;
  /// Inside the migration's write transaction: keeps other processes from migrating concurrently.
  virtual void lockForMigration(SqlSession& db) = 0;
  virtual void commitTx(SqlSession& db) = 0;
  virtual void rollbackTx(SqlSession& db) = 0;
  /// Run write transactions through one writer connection with group commit (SQLite); otherwise each
  /// write transaction takes a pooled connection of its own (PostgreSQL).
  virtual bool groupCommit() const = 0;
};

class SqlStore final : public Store {
 public:
  /// Connects once and migrates the schema. Throws on failure.
  SqlStore(std::unique_ptr<Backend> backend, int maxIdle);
  ~SqlStore() override;
  std::unique_ptr<Transaction> begin(TxMode mode) override;
  std::string backend() const override { return backend_->dialect().name; }
  int schemaVersion() override;

  // Pool, used by transactions.
  std::unique_ptr<Connection> acquire();
  void release(std::unique_ptr<Connection> connection);
  Backend& backendImpl() { return *backend_; }
  /// The group committer, or nullptr when the backend does not use one.
  GroupCommitter* groupCommitter() { return groupCommitter_.get(); }

 private:
  std::unique_ptr<Backend> backend_;
  int maxIdle_;
  std::mutex poolMutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::unique_ptr<GroupCommitter> groupCommitter_;
  int schemaVersion_ = 0;
};

}  // namespace thidua::wf::sql
