#pragma once
// Internal to the stores: a thin layer over one Poco::Data::Session — dialect-neutral SQL written with
// '?' placeholders (rewritten to $1, $2 … for PostgreSQL), copied parameters, rows read back by column.

#include <Poco/Data/RecordSet.h>
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

/// Rows of a query result.
class Rows {
 public:
  explicit Rows(std::unique_ptr<Poco::Data::RecordSet> rs) : rs_(std::move(rs)) {}
  std::size_t size() const { return rs_->rowCount(); }
  bool empty() const { return size() == 0; }
  std::string text(std::size_t row, std::size_t col) const;
  std::int64_t num(std::size_t row, std::size_t col) const;
  std::string blob(std::size_t row, std::size_t col) const;

 private:
  std::unique_ptr<Poco::Data::RecordSet> rs_;
};

/// Executes SQL on one session. Not thread-safe (one per connection).
class SqlSession {
 public:
  SqlSession(Poco::Data::Session& session, const Dialect& dialect) : session_(session), dialect_(dialect) {}
  /// Runs a statement; returns the number of affected rows.
  std::size_t exec(const std::string& sql, const std::vector<Param>& params = {});
  /// Runs a query; returns all its rows.
  Rows query(const std::string& sql, const std::vector<Param>& params = {});
  const Dialect& dialect() const { return dialect_; }
  Poco::Data::Session& session() { return session_; }

 private:
  std::string rewrite(const std::string& sql) const;
  Poco::Data::Session& session_;
  const Dialect& dialect_;
};

}  // namespace thidua::wf::sql
