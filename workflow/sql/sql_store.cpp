#include "workflow/sql/sql_store.h"

#include "workflow/sql/schema.h"
#include "workflow/sql/sql_transaction.h"

namespace thidua::wf::sql {
namespace {
constexpr int kMaxBatch = 512;  // actions sharing one commit at most
}  // namespace

SqlStore::SqlStore(std::unique_ptr<Backend> backend, int maxIdle) : backend_(std::move(backend)), maxIdle_(maxIdle) {
  if (backend_->groupCommit())
    groupCommitter_ = std::make_unique<GroupCommitter>([this] { return backend_->connect(); }, backend_->dialect(),
                                                       kMaxBatch);
  // A write transaction keeps two processes from migrating at once (SQLite BEGIN IMMEDIATE; PostgreSQL
  // takes a transaction-level advisory lock in beginTx for writes).
  SqlTransaction tx(*this, TxMode::Write);
  backend_->lockForMigration(tx.db());
  schemaVersion_ = migrate(tx.db());
  tx.commit();
}

SqlStore::~SqlStore() = default;

std::unique_ptr<Transaction> SqlStore::begin(TxMode mode) { return std::make_unique<SqlTransaction>(*this, mode); }

int SqlStore::schemaVersion() { return schemaVersion_; }

std::unique_ptr<Connection> SqlStore::acquire() {
  {
    std::lock_guard<std::mutex> lock(poolMutex_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
  }
  return backend_->connect();
}

void SqlStore::release(std::unique_ptr<Connection> connection) {
  std::lock_guard<std::mutex> lock(poolMutex_);
  if (static_cast<int>(idle_.size()) < maxIdle_) idle_.push_back(std::move(connection));
}

}  // namespace thidua::wf::sql
