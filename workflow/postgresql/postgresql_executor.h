#pragma once
// Internal to the PostgreSQL store: runs SQL on the connection's libpq handle with statements prepared
// once per connection (one round trip per execution instead of Poco's prepare/execute/deallocate).

#include "workflow/sql/sql_session.h"

#include <string>
#include <unordered_map>

typedef struct pg_conn PGconn;

namespace thidua::wf {

/// Not thread-safe: belongs to one connection, used by one thread at a time.
class PostgresqlExecutor final : public sql::Executor {
 public:
  explicit PostgresqlExecutor(PGconn* conn) : conn_(conn) {}
  std::size_t exec(const std::string& sql, const std::vector<sql::Param>& params) override;
  sql::Rows query(const std::string& sql, const std::vector<sql::Param>& params) override;

 private:
  // Runs `sql`; returns the PGresult (caller clears it). Throws on failure.
  void* run(const std::string& sql, const std::vector<sql::Param>& params);

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

}  // namespace thidua::wf
