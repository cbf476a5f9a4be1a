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

bool PostgresqlExecutor::defer(const std::string& sql) {
  deferred_.push_back(sql);
  return true;
}

void PostgresqlExecutor::flush() {
  std::vector<std::string> pending;
  pending.swap(deferred_);
  for (const std::string& sql : pending) PQclear(static_cast<PGresult*>(run(sql, {})));
}

const std::string& PostgresqlExecutor::prepare(const std::string& sql, int nParams) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    const std::string name = "thidua_" + std::to_string(prepared_.size() + 1);
    const std::string text = sql::numberPlaceholders(sql);
    PGresult* p = PQprepare(conn_, name.c_str(), text.c_str(), nParams, nullptr);
    if (!p || PQresultStatus(p) != PGRES_COMMAND_OK) {
      std::string msg = p ? PQresultErrorMessage(p) : PQerrorMessage(conn_);
      if (p) PQclear(p);
      throw std::runtime_error("postgresql: " + msg + " [" + sql.substr(0, 160) + "]");
    }
    PQclear(p);
    it = prepared_.emplace(sql, name).first;
  }
  return it->second;
}

void* PostgresqlExecutor::runPipelined(const std::string& sql, const std::string& name, int n,
                                       const char* const* values, const int* lengths, const int* formats) {
  std::vector<std::string> pending;
  pending.swap(deferred_);
  std::string error;
  auto fail = [&](const std::string& what) {
    if (error.empty()) error = what;
  };
  if (!PQenterPipelineMode(conn_)) throw std::runtime_error("postgresql: " + std::string(PQerrorMessage(conn_)));
  bool sent = true;
  for (const std::string& d : pending)
    sent = sent && PQsendQueryParams(conn_, d.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0);
  sent = sent && PQsendQueryPrepared(conn_, name.c_str(), n, values, lengths, formats, 0);
  sent = sent && PQpipelineSync(conn_);
  if (!sent) {
    const std::string msg = PQerrorMessage(conn_);
    PQexitPipelineMode(conn_);
    throw std::runtime_error("postgresql: " + msg + " [" + sql.substr(0, 160) + "]");
  }
  // One result (then a null) per statement, then the sync point; after a failure the rest are aborted.
  PGresult* last = nullptr;
  for (std::size_t i = 0; i <= pending.size(); ++i) {
    PGresult* r = PQgetResult(conn_);
    if (!r) {
      fail(PQerrorMessage(conn_));
      break;
    }
    const ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_PIPELINE_ABORTED) {
      fail("pipeline aborted");
    } else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      fail(PQresultErrorMessage(r));
    }
    if (i == pending.size() && error.empty()) last = r;
    else PQclear(r);
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);  // up to the null ending this statement
  }
  // Up to the sync point.
  for (PGresult* r = PQgetResult(conn_); r; r = PQgetResult(conn_)) {
    const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
    PQclear(r);
    if (sync) break;
  }
  if (!PQexitPipelineMode(conn_)) fail(PQerrorMessage(conn_));
  if (!error.empty()) {
    if (last) PQclear(last);
    throw std::runtime_error("postgresql: " + error + " [" + sql.substr(0, 160) + "]");
  }
  return last;
}

void* PostgresqlExecutor::run(const std::string& sql, const std::vector<sql::Param>& params) {
  auto failWith = [&](PGresult* r) {
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    if (r) PQclear(r);
    throw std::runtime_error("postgresql: " + msg + " [" + sql.substr(0, 160) + "]");
  };
  PGresult* res = nullptr;
  if (params.empty()) {
    flush();
    res = PQexec(conn_, sql.c_str());  // transaction control, DDL and other parameterless statements
  } else {
    const std::string& name = prepare(sql, static_cast<int>(params.size()));
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
    if (!deferred_.empty())
      return runPipelined(sql, name, static_cast<int>(params.size()), values.data(), lengths.data(),
                          formats.data());
    res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
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
