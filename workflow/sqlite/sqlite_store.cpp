#include "workflow/sqlite/sqlite_store.h"

#include "workflow/sql/sql_store.h"
#include "workflow/sqlite/sqlite_executor.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>

#include <mutex>

namespace thidua::wf {
namespace {

class SqliteBackend final : public sql::Backend {
 public:
  SqliteBackend(std::string path, SqliteOptions options) : path_(std::move(path)), options_(options) {
    dialect_.name = "sqlite";
    dialect_.numberedPlaceholders = false;
    dialect_.idColumn = "INTEGER PRIMARY KEY AUTOINCREMENT";
    dialect_.intType = "INTEGER";
    dialect_.blobType = "BLOB";
    dialect_.forUpdate = "";  // a write transaction (BEGIN IMMEDIATE) already excludes other writers
    dialect_.strpos = "instr";
    dialect_.beginWrite = "BEGIN IMMEDIATE";  // take the write lock now, not at the first write
  }
  const sql::Dialect& dialect() const override { return dialect_; }

  std::unique_ptr<sql::Connection> connect() override {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    auto c = std::make_unique<sql::Connection>();
    c->session = std::make_unique<Poco::Data::Session>("SQLite", path_);
    c->executor = std::make_unique<SqliteExecutor>(Poco::Data::SQLite::Utility::dbHandle(*c->session));
    sql::SqlSession db(*c, dialect_);
    db.query("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");  // every commit is durable before it is answered
    db.exec("PRAGMA busy_timeout=" + std::to_string(options_.busyTimeoutMs));
    db.exec("PRAGMA foreign_keys=OFF");
    return c;
  }
  void beginTx(sql::SqlSession& db, TxMode mode) override {
    db.exec(mode == TxMode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  void lockForMigration(sql::SqlSession&) override {}
  void commitTx(sql::SqlSession& db) override { db.exec("COMMIT"); }
  void rollbackTx(sql::SqlSession& db) override { db.exec("ROLLBACK"); }
  bool groupCommit() const override { return true; }

 private:
  std::string path_;
  SqliteOptions options_;
  sql::Dialect dialect_;
};

}  // namespace

std::unique_ptr<Store> openSqliteStore(const std::string& path, SqliteOptions options) {
  return std::make_unique<sql::SqlStore>(std::make_unique<SqliteBackend>(path, options), options.maxConnections);
}

}  // namespace thidua::wf
