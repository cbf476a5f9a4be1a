#pragma once
// Internal to the SQLite store: runs SQL on the connection's raw sqlite3 handle with a cache of prepared
// statements (one per distinct SQL text), so hot actions skip parsing and Poco's per-statement setup.

#include "workflow/sql/sql_session.h"

#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace thidua::wf {

/// Not thread-safe: belongs to one connection, used by one thread at a time.
class SqliteExecutor final : public sql::Executor {
 public:
  explicit SqliteExecutor(sqlite3* db) : db_(db) {}
  ~SqliteExecutor() override;
  std::size_t exec(const std::string& sql, const std::vector<sql::Param>& params) override;
  sql::Rows query(const std::string& sql, const std::vector<sql::Param>& params) override;

 private:
  sqlite3_stmt* prepare(const std::string& sql, const std::vector<sql::Param>& params);
  [[noreturn]] void fail(const std::string& sql, int rc);

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace thidua::wf
