#pragma once
// Internal to the stores: versioned schema migrations shared by SQLite and PostgreSQL.

#include "workflow/sql/sql_session.h"

namespace thidua::wf::sql {

/// The highest migration this build knows.
int latestSchemaVersion();

/// Applies every migration newer than the stored version, each recorded in schema_migrations, inside
/// the caller's write transaction. Throws std::runtime_error if the database is newer than this build.
/// Returns the resulting version.
int migrate(SqlSession& db);

}  // namespace thidua::wf::sql
