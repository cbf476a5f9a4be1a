#pragma once
// Opens the Store named by a URL: "postgresql://…" (or "postgres://…") selects PostgreSQL, anything
// else is a SQLite file path (an optional "sqlite:" prefix is dropped).

#include <memory>
#include <string>

#include "workflow/store.h"

namespace thidua::server {

/// The database used when --db is not given.
inline constexpr const char* kDefaultDatabase = "var/thidua.db";

enum class OpenMode {
  Create,     ///< create the database (and the SQLite file's directory) if absent
  MustExist,  ///< a missing SQLite file is an error (catches typos in --db)
};

/// True for "postgresql://…" and "postgres://…".
bool isPostgresqlUrl(const std::string& url);

/// Opens and migrates the store. PostgreSQL comes from the plugin thidua-postgresql.so (loaded on first
/// use, see server/CMakeLists.txt), so that processes on SQLite never load libpq. Throws std::runtime_error (Vietnamese message) when a SQLite file is
/// missing under MustExist, and whatever the store throws when it cannot open or migrate.
std::unique_ptr<wf::Store> openStore(const std::string& url, OpenMode mode = OpenMode::MustExist);

}  // namespace thidua::server
