#pragma once
// Internal to the PostgreSQL store: runs SQL on the connection's libpq handle with statements prepared
// once per connection (one round trip per execution instead of Poco's prepare/execute/deallocate).

#include "workflow/sql/sql_session.h"

#include <string>
#include <unordered_map>
#include <vector>

typedef struct pg_conn PGconn;

namespace thidua::wf {

/// Not thread-safe: belongs to one connection, used by one thread at a time.
class PostgresqlExecutor final : public sql::Executor {
 public:
  explicit PostgresqlExecutor(PGconn* conn) : conn_(conn) {}
  std::size_t exec(const std::string& sql, const std::vector<sql::Param>& params) override;
  sql::Rows query(const std::string& sql, const std::vector<sql::Param>& params) override;
  /// Queued statements go out with the next statement that has parameters, in one libpq pipeline (one
  /// round trip); before a parameterless statement they run one by one.
  bool defer(const std::string& sql) override;
  void flush() override;

 private:
  // Runs `sql`; returns the PGresult (caller clears it). Throws on failure.
  void* run(const std::string& sql, const std::vector<sql::Param>& params);
  // The prepared statement's name for `sql`, preparing it on first use.
  const std::string& prepare(const std::string& sql, int nParams);
  // Runs the deferred statements and then `name` with `values` in one pipeline; returns its PGresult.
  void* runPipelined(const std::string& sql, const std::string& name, int n, const char* const* values,
                     const int* lengths, const int* formats);

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  std::vector<std::string> deferred_;
};

}  // namespace thidua::wf
