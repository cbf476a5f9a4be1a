#include "workflow/sql/group_commit.h"

#include <stdexcept>

namespace thidua::wf::sql {

GroupCommitter::GroupCommitter(std::function<std::unique_ptr<Connection>()> connect, const Dialect& dialect,
                               int maxBatch)
    : connect_(std::move(connect)),
      dialect_(dialect),
      connection_(connect_()),
      db_(std::make_unique<SqlSession>(*connection_, dialect)),
      maxBatch_(maxBatch) {}

std::uint64_t GroupCommitter::enter() {
  std::unique_lock<std::mutex> lock(m_);
  ++waiting_;
  slotFree_.wait(lock, [&] { return !active_; });
  --waiting_;
  active_ = true;
  const bool needBegin = !open_;
  lock.unlock();
  try {
    if (needBegin) {
      auto reconnect = [&] {
        db_.reset();
        connection_.reset();
        connection_ = connect_();
        db_ = std::make_unique<SqlSession>(*connection_, dialect_);
      };
      if (!db_) reconnect();
      try {
        db_->exec(dialect_.beginWrite);
      } catch (const std::exception&) {
        // The connection may be broken (e.g. the database server restarted): open a new one, try once more.
        reconnect();
        db_->exec(dialect_.beginWrite);
      }
    }
    db_->exec("SAVEPOINT w");
  } catch (...) {
    if (needBegin && db_) {
      try {
        db_->exec("ROLLBACK");
      } catch (...) {
      }
    }
    lock.lock();
    if (needBegin) open_ = false;
    active_ = false;
    slotFree_.notify_one();
    throw;
  }
  lock.lock();
  if (needBegin) {
    open_ = true;
    ++batch_;
    count_ = 0;
  }
  return batch_;
}

void GroupCommitter::finish(std::uint64_t ticket, bool commit) {
  try {
    if (commit) {
      db_->exec("RELEASE w");
    } else {
      db_->exec("ROLLBACK TO w");
      db_->exec("RELEASE w");
    }
  } catch (...) {
    commit = false;  // the savepoint could not be kept; the batch commit below decides for the others
  }
  std::unique_lock<std::mutex> lock(m_);
  if (commit) ++count_;
  if (waiting_ == 0 || count_ >= maxBatch_) {
    const int members = count_;
    lock.unlock();
    std::string error;
    try {
      db_->exec(members > 0 ? "COMMIT" : "ROLLBACK");
    } catch (const std::exception& e) {
      error = e.what();
      try {
        db_->exec("ROLLBACK");
      } catch (...) {
      }
    }
    lock.lock();
    open_ = false;
    durable_ = ticket;
    if (!error.empty()) failed_.insert(ticket);
    active_ = false;
    slotFree_.notify_one();
    durable_cv_.notify_all();
    if (!error.empty() && commit) throw std::runtime_error("group commit failed: " + error);
    return;
  }
  active_ = false;
  slotFree_.notify_one();
  if (!commit) return;
  durable_cv_.wait(lock, [&] { return durable_ >= ticket; });
  if (failed_.count(ticket)) throw std::runtime_error("group commit failed; the change was not saved");
}

}  // namespace thidua::wf::sql
