#include "workflow/sql/sql_session.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <stdexcept>

namespace thidua::wf::sql {

using Poco::Data::Keywords::bind;

std::string Rows::text(std::size_t row, std::size_t col) const {
  const Cell& c = rows_.at(row).at(col);
  if (c.null) return {};
  return c.isInt ? std::to_string(c.number) : c.text;
}

std::int64_t Rows::num(std::size_t row, std::size_t col) const {
  const Cell& c = rows_.at(row).at(col);
  if (c.null) return 0;
  return c.isInt ? c.number : std::stoll(c.text);
}

std::string numberPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool inQuote = false;
  for (char c : sql) {
    if (c == '\'') inQuote = !inQuote;
    if (c == '?' && !inQuote) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string SqlSession::rewrite(const std::string& sql) const {
  return dialect_.numberedPlaceholders ? numberPlaceholders(sql) : sql;
}

namespace {

void bindAll(Poco::Data::Statement& st, const std::vector<Param>& params) {
  for (const Param& p : params) {
    switch (p.kind) {
      case Param::Kind::Text: st, bind(p.text); break;
      case Param::Kind::Int: st, bind(static_cast<Poco::Int64>(p.number)); break;
      case Param::Kind::Blob:
        st, bind(Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(p.text.data()), p.text.size()));
        break;
    }
  }
}

}  // namespace

std::size_t SqlSession::exec(const std::string& sql, const std::vector<Param>& params) {
  if (connection_.executor) return connection_.executor->exec(sql, params);
  try {
    Poco::Data::Statement st(*connection_.session);
    st << rewrite(sql);
    bindAll(st, params);
    return st.execute();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(dialect_.name + ": " + e.displayText() + " [" + sql.substr(0, 160) + "]");
  }
}

void SqlSession::defer(const std::string& sql) {
  if (connection_.executor && connection_.executor->defer(sql)) return;
  exec(sql);
}

void SqlSession::flush() {
  if (connection_.executor) connection_.executor->flush();
}

Rows SqlSession::query(const std::string& sql, const std::vector<Param>& params) {
  if (connection_.executor) return connection_.executor->query(sql, params);
  try {
    Poco::Data::Statement st(*connection_.session);
    st << rewrite(sql);
    bindAll(st, params);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<std::vector<Cell>> rows(rs.rowCount(), std::vector<Cell>(rs.columnCount()));
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rs.columnCount(); ++c) {
        const Poco::Dynamic::Var& v = rs.value(c, r);
        Cell& cell = rows[r][c];
        if (v.isEmpty()) continue;
        cell.null = false;
        if (v.type() == typeid(Poco::Data::BLOB)) {
          const auto& b = v.extract<Poco::Data::BLOB>();
          cell.text.assign(reinterpret_cast<const char*>(b.rawContent()), b.size());
        } else if (v.isInteger()) {
          cell.isInt = true;
          cell.number = v.convert<Poco::Int64>();
        } else {
          cell.text = v.convert<std::string>();
        }
      }
    return Rows(std::move(rows));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(dialect_.name + ": " + e.displayText() + " [" + sql.substr(0, 160) + "]");
  }
}

}  // namespace thidua::wf::sql
