#include "workflow/sqlite/sqlite_executor.h"

#include <sqlite3.h>

#include <stdexcept>

namespace thidua::wf {

SqliteExecutor::~SqliteExecutor() {
  for (auto& kv : cache_) sqlite3_finalize(kv.second);
}

void SqliteExecutor::fail(const std::string& sql, int rc) {
  throw std::runtime_error("sqlite: " + std::string(sqlite3_errstr(rc)) + ": " + sqlite3_errmsg(db_) + " [" +
                           sql.substr(0, 160) + "]");
}

sqlite3_stmt* SqliteExecutor::prepare(const std::string& sql, const std::vector<sql::Param>& params) {
  sqlite3_stmt* st = nullptr;
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    st = it->second;
  } else {
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT,
                                      &st, nullptr);
    if (rc != SQLITE_OK) fail(sql, rc);
    cache_.emplace(sql, st);
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const sql::Param& p = params[i];
    const int idx = static_cast<int>(i + 1);
    int rc = SQLITE_OK;
    switch (p.kind) {
      case sql::Param::Kind::Text:
        rc = sqlite3_bind_text(st, idx, p.text.data(), static_cast<int>(p.text.size()), SQLITE_TRANSIENT);
        break;
      case sql::Param::Kind::Int: rc = sqlite3_bind_int64(st, idx, p.number); break;
      case sql::Param::Kind::Blob:
        rc = sqlite3_bind_blob64(st, idx, p.text.data(), p.text.size(), SQLITE_TRANSIENT);
        break;
    }
    if (rc != SQLITE_OK) fail(sql, rc);
  }
  return st;
}

std::size_t SqliteExecutor::exec(const std::string& sql, const std::vector<sql::Param>& params) {
  sqlite3_stmt* st = prepare(sql, params);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) fail(sql, rc);
  return static_cast<std::size_t>(sqlite3_changes(db_));
}

sql::Rows SqliteExecutor::query(const std::string& sql, const std::vector<sql::Param>& params) {
  sqlite3_stmt* st = prepare(sql, params);
  std::vector<std::vector<sql::Cell>> rows;
  const int cols = sqlite3_column_count(st);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<sql::Cell> row(static_cast<std::size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      sql::Cell& cell = row[static_cast<std::size_t>(c)];
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_NULL: break;
        case SQLITE_INTEGER:
          cell.null = false;
          cell.isInt = true;
          cell.number = sqlite3_column_int64(st, c);
          break;
        case SQLITE_BLOB: {
          cell.null = false;
          const void* data = sqlite3_column_blob(st, c);
          cell.text.assign(static_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
          break;
        }
        default: {
          cell.null = false;
          const unsigned char* text = sqlite3_column_text(st, c);
          cell.text.assign(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
          break;
        }
      }
    }
    rows.push_back(std::move(row));
  }
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) fail(sql, rc);
  return sql::Rows(std::move(rows));
}

}  // namespace thidua::wf
