#pragma once
// The PostgreSQL implementation of the Store port (Poco::Data::PostgreSQL opens the connections; libpq
// runs statements prepared once per connection): a pool of REPEATABLE READ read-only connections for
// reads, one writer connection with group commit (READ COMMITTED batches, one savepoint per write
// transaction) whose row locks (submission FOR UPDATE, audit chain head FOR UPDATE, decision counter
// upsert) also serialise writers of other processes. No SERIALIZABLE, so no serialization retries.
// Versioned schema migrations in table schema_migrations.

#include "workflow/store.h"

#include <memory>
#include <string>

namespace thidua::wf {

struct PostgresqlOptions {
  /// Schema to create (if absent) and use via search_path; "" = the server's default (public).
  /// Tests use a fresh schema each so they can run in parallel.
  std::string schema;
  int maxConnections = 64;  ///< idle connections kept in the pool
};

/// Connects to `url` ("postgresql://user@host:port/db" or a libpq key=value string) and migrates the
/// schema. Throws on failure.
std::unique_ptr<Store> openPostgresqlStore(const std::string& url, PostgresqlOptions options = {});

/// Drops `schema` and everything in it (tests). Throws on failure.
void dropPostgresqlSchema(const std::string& url, const std::string& schema);

}  // namespace thidua::wf
