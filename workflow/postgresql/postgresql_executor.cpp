#include "workflow/postgresql/postgresql_executor.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace thidua::wf {
namespace {

constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kBytea = 17;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace

void* PostgresqlExecutor::run(const std::string& sql, const std::vector<sql::Param>& params) {
  auto failWith = [&](PGresult* r) {
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    if (r) PQclear(r);
    throw std::runtime_error("postgresql: " + msg + " [" + sql.substr(0, 160) + "]");
  };
  PGresult* res = nullptr;
  if (params.empty()) {
    res = PQexec(conn_, sql.c_str());  // transaction control, DDL and other parameterless statements
  } else {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      const std::string name = "thidua_" + std::to_string(prepared_.size() + 1);
      const std::string text = sql::numberPlaceholders(sql);
      PGresult* p = PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(params.size()), nullptr);
      if (!p || PQresultStatus(p) != PGRES_COMMAND_OK) failWith(p);
      PQclear(p);
      it = prepared_.emplace(sql, name).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const sql::Param& p = params[i];
      if (p.kind == sql::Param::Kind::Int) {
        texts[i] = std::to_string(p.number);
        values[i] = texts[i].c_str();
      } else {
        values[i] = p.text.data();
        lengths[i] = static_cast<int>(p.text.size());
        formats[i] = p.kind == sql::Param::Kind::Blob ? 1 : 0;
      }
    }
    res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                         formats.data(), 0);
  }
  if (!res) failWith(nullptr);
  const ExecStatusType st = PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) failWith(res);
  return res;
}

std::size_t PostgresqlExecutor::exec(const std::string& sql, const std::vector<sql::Param>& params) {
  ResultPtr res(static_cast<PGresult*>(run(sql, params)));
  const char* n = PQcmdTuples(res.get());
  return n && *n ? static_cast<std::size_t>(std::strtoull(n, nullptr, 10)) : 0;
}

sql::Rows PostgresqlExecutor::query(const std::string& sql, const std::vector<sql::Param>& params) {
  ResultPtr res(static_cast<PGresult*>(run(sql, params)));
  const int nrows = PQntuples(res.get());
  const int ncols = PQnfields(res.get());
  std::vector<std::vector<sql::Cell>> rows(static_cast<std::size_t>(nrows),
                                           std::vector<sql::Cell>(static_cast<std::size_t>(ncols)));
  for (int c = 0; c < ncols; ++c) {
    const Oid type = PQftype(res.get(), c);
    for (int r = 0; r < nrows; ++r) {
      if (PQgetisnull(res.get(), r, c)) continue;
      sql::Cell& cell = rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
      cell.null = false;
      const char* v = PQgetvalue(res.get(), r, c);
      if (type == kInt8 || type == kInt4 || type == kInt2) {
        cell.isInt = true;
        cell.number = std::strtoll(v, nullptr, 10);
      } else if (type == kBytea) {
        std::size_t len = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &len);
        if (!bytes) throw std::runtime_error("postgresql: cannot decode bytea");
        cell.text.assign(reinterpret_cast<const char*>(bytes), len);
        PQfreemem(bytes);
      } else {
        cell.text.assign(v, static_cast<std::size_t>(PQgetlength(res.get(), r, c)));
      }
    }
  }
  return sql::Rows(std::move(rows));
}

}  // namespace thidua::wf
