#include "workflow/sql/sql_session.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>

#include <stdexcept>

namespace thidua::wf::sql {

using Poco::Data::Keywords::bind;

std::string Rows::text(std::size_t row, std::size_t col) const {
  const Poco::Dynamic::Var& v = rs_->value(col, row);
  if (v.isEmpty()) return {};
  return v.convert<std::string>();
}

std::int64_t Rows::num(std::size_t row, std::size_t col) const {
  const Poco::Dynamic::Var& v = rs_->value(col, row);
  if (v.isEmpty()) return 0;
  return v.convert<Poco::Int64>();
}

std::string Rows::blob(std::size_t row, std::size_t col) const {
  const Poco::Dynamic::Var& v = rs_->value(col, row);
  if (v.isEmpty()) return {};
  if (v.type() == typeid(Poco::Data::BLOB)) {
    const auto& b = v.extract<Poco::Data::BLOB>();
    return std::string(reinterpret_cast<const char*>(b.rawContent()), b.size());
  }
  return v.convert<std::string>();
}

std::string SqlSession::rewrite(const std::string& sql) const {
  if (!dialect_.numberedPlaceholders) return sql;
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
  try {
    Poco::Data::Statement st(session_);
    st << rewrite(sql);
    bindAll(st, params);
    return st.execute();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(dialect_.name + ": " + e.displayText() + " [" + sql.substr(0, 160) + "]");
  }
}

Rows SqlSession::query(const std::string& sql, const std::vector<Param>& params) {
  try {
    Poco::Data::Statement st(session_);
    st << rewrite(sql);
    bindAll(st, params);
    st.execute();
    return Rows(std::make_unique<Poco::Data::RecordSet>(st));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(dialect_.name + ": " + e.displayText() + " [" + sql.substr(0, 160) + "]");
  }
}

}  // namespace thidua::wf::sql
