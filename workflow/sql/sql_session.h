#pragma once
// Internal to the stores: a thin layer over one Poco::Data::Session — dialect-neutral SQL written with
// '?' placeholders (rewritten to $1, $2 … for PostgreSQL), copied parameters, rows read back by column.

#include <Poco/Data/Session.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace thidua::wf::sql {

/// What differs between the SQL backends.
struct Dialect {
  std::string name;                 ///< "sqlite" | "postgresql"
  bool numberedPlaceholders = false;///< PostgreSQL: $1, $2 …
  std::string idColumn;             ///< auto-increment primary key column type
  std::string intType;              ///< 64-bit integer column type
  std::string blobType;             ///< binary column type
  std::string forUpdate;            ///< " FOR UPDATE" or ""
  std::string strpos;               ///< function (haystack, needle) -> 1-based position, 0 if absent
  std::string beginWrite;           ///< statement opening a write transaction
  bool dataModifyingCte = false;    ///< WITH x AS (INSERT …) UPDATE … in one statement (PostgreSQL)
  bool multiStatement = false;      ///< exec() of parameterless SQL may hold several statements (PostgreSQL)
};

/// A bound parameter (copied).
struct Param {
  enum class Kind { Text, Int, Blob } kind = Kind::Text;
  std::string text;
  std::int64_t number = 0;
  Param(const std::string& s) : kind(Kind::Text), text(s) {}           // NOLINT
  Param(const char* s) : kind(Kind::Text), text(s) {}                  // NOLINT
  Param(std::int64_t n) : kind(Kind::Int), number(n) {}                // NOLINT
  Param(int n) : kind(Kind::Int), number(n) {}                         // NOLINT
  Param(bool b) : kind(Kind::Int), number(b ? 1 : 0) {}                // NOLINT
  static Param blob(const std::string& bytes) {
    Param p(bytes);
    p.kind = Kind::Blob;
    return p;
  }
};

/// `sql` with each '?' outside quotes replaced by $1, $2 … (PostgreSQL placeholders).
std::string numberPlaceholders(const std::string& sql);

/// One value of a result row.
struct Cell {
  bool null = true;
  bool isInt = false;
  std::int64_t number = 0;
  std::string text;  ///< text or bytes
};

/// Rows of a query result, fully read.
class Rows {
 public:
  Rows() = default;
  explicit Rows(std::vector<std::vector<Cell>> rows) : rows_(std::move(rows)) {}
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  std::string text(std::size_t row, std::size_t col) const;
  std::int64_t num(std::size_t row, std::size_t col) const;
  std::string blob(std::size_t row, std::size_t col) const { return text(row, col); }

 private:
  std::vector<std::vector<Cell>> rows_;
};

/// A backend's fast path for running SQL on one connection (SQLite: cached prepared statements).
class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::size_t exec(const std::string& sql, const std::vector<Param>& params) = 0;
  virtual Rows query(const std::string& sql, const std::vector<Param>& params) = 0;
  /// Queues a parameterless statement to go out with the next one, in the same round trip; its failure
  /// is reported by that statement (or by flush()). Returns false if unsupported: run it yourself.
  virtual bool defer(const std::string& sql) { (void)sql; return false; }
  /// Runs the queued statements now. Throws if one fails.
  virtual void flush() {}
};

/// One database connection: the Poco session and, optionally, its fast executor (destroyed first).
struct Connection {
  std::unique_ptr<Poco::Data::Session> session;
  std::unique_ptr<Executor> executor;
};

/// Executes SQL on one connection. Not thread-safe (one per connection).
class SqlSession {
 public:
  SqlSession(Connection& connection, const Dialect& dialect) : connection_(connection), dialect_(dialect) {}
  /// Runs a statement; returns the number of affected rows.
  std::size_t exec(const std::string& sql, const std::vector<Param>& params = {});
  /// Runs a query; returns all its rows.
  Rows query(const std::string& sql, const std::vector<Param>& params = {});
  /// Runs a parameterless statement now or, if the backend can, together with the next one (see
  /// Executor::defer).
  void defer(const std::string& sql);
  /// Runs the deferred statements now.
  void flush();
  const Dialect& dialect() const { return dialect_; }
  Connection& connection() { return connection_; }

 private:
  std::string rewrite(const std::string& sql) const;
  Connection& connection_;
  const Dialect& dialect_;
};

}  // namespace thidua::wf::sql
