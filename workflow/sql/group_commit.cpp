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
      releasePending_ = false;
      broken_ = false;
      headKnown_ = false;
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
    // Sent with the member's first statement where the backend can (PostgreSQL pipeline).
    if (releasePending_) {
      releasePending_ = false;
      db_->defer("RELEASE w");  // the previous member's savepoint
    }
    db_->defer("SAVEPOINT w");
  } catch (...) {
    if (needBegin) {
      if (db_) {
        try {
          db_->exec("ROLLBACK");
        } catch (...) {
        }
      }
      lock.lock();
      open_ = false;
      active_ = false;
      slotFree_.notify_one();
      throw;
    }
    // The open batch holds other members' kept work but can no longer be trusted to commit it.
    broken_ = true;
    lock.lock();
    if (waiting_ == 0) {
      endBatch(lock, batch_);  // nobody else would end it
    } else {
      active_ = false;
      slotFree_.notify_one();
    }
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

bool GroupCommitter::cachedAuditHead(std::int64_t& seq, std::string& hash) const {
  if (!headKnown_) return false;
  seq = headSeq_;
  hash = headHash_;
  return true;
}

void GroupCommitter::rememberAuditHead(std::int64_t seq, const std::string& hash) {
  headKnown_ = true;
  headSeq_ = seq;
  headHash_ = hash;
}

std::string GroupCommitter::endBatch(std::unique_lock<std::mutex>& lock, std::uint64_t ticket) {
  const int members = count_;
  lock.unlock();
  std::string error;
  if (broken_) {
    error = "a savepoint of the batch failed";
  } else {
    try {
      db_->exec(members > 0 ? "COMMIT" : "ROLLBACK");  // COMMIT also keeps a savepoint not yet released
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  if (!error.empty()) {
    try {
      db_->exec("ROLLBACK");
    } catch (...) {
    }
  }
  releasePending_ = false;
  broken_ = false;
  headKnown_ = false;
  lock.lock();
  open_ = false;
  durable_ = ticket;
  if (!error.empty()) failed_.insert(ticket);
  active_ = false;
  slotFree_.notify_one();
  durable_cv_.notify_all();
  return error;
}

void GroupCommitter::finish(std::uint64_t ticket, bool commit) {
  try {
    db_->flush();  // a member that ran no statement still has its SAVEPOINT queued
    if (commit) {
      if (dialect_.multiStatement)
        releasePending_ = true;  // released with the next SAVEPOINT or by the batch's COMMIT
      else
        db_->exec("RELEASE w");
    } else {
      headKnown_ = false;  // the savepoint may have taken the head's lock; rolling back gives it up
      if (dialect_.multiStatement) {
        db_->exec("ROLLBACK TO w; RELEASE w");
      } else {
        db_->exec("ROLLBACK TO w");
        db_->exec("RELEASE w");
      }
    }
  } catch (...) {
    // The savepoint could neither be kept nor undone: the transaction is in an unknown state, so the
    // batch rolls back and its other members learn that their changes were not saved.
    commit = false;
    broken_ = true;
  }
  std::unique_lock<std::mutex> lock(m_);
  if (commit) ++count_;
  if (waiting_ == 0 || count_ >= maxBatch_) {
    const std::string error = endBatch(lock, ticket);
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
