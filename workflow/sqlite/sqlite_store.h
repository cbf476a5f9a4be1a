#pragma once
// The SQLite implementation of the Store port (Poco::Data::SQLite opens the connections): one database
// file in WAL mode with synchronous=FULL and a busy timeout; a pool of reader connections; one writer
// connection with group commit (BEGIN IMMEDIATE batches, one savepoint per write transaction); prepared
// statements cached per connection. Schema migrations are versioned in table schema_migrations.

#include "workflow/store.h"

#include <memory>
#include <string>

namespace thidua::wf {

struct SqliteOptions {
  int busyTimeoutMs = 10000;  ///< how long to wait for another process's write lock
  int maxConnections = 64;    ///< idle connections kept in the pool
};

/// Opens (creating if absent) the database file at `path` and migrates it. The parent directory must
/// exist. Throws on failure (unreadable file, not a database, newer schema than this build knows).
std::unique_ptr<Store> openSqliteStore(const std::string& path, SqliteOptions options = {});

}  // namespace thidua::wf
