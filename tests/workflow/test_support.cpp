#include "tests/workflow/test_support.h"

#include "workflow/postgresql/postgresql_store.h"
#include "workflow/sqlite/sqlite_store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <unistd.h>

namespace thidua::wf::test {

namespace {

std::string uniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
}

// libpq key=value string of the throwaway cluster's URL, postgresql://user@host:port/db (raw statements).
std::string pgConnInfo(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string user, host, port, db;
  auto at = rest.find('@');
  if (at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  auto slash = rest.find('/');
  std::string hostPort = rest.substr(0, slash);
  db = slash == std::string::npos ? "" : rest.substr(slash + 1);
  auto colon = hostPort.find(':');
  host = hostPort.substr(0, colon);
  port = colon == std::string::npos ? "5432" : hostPort.substr(colon + 1);
  return "host=" + host + " port=" + port + " user=" + user + " dbname=" + db;
}

}  // namespace

std::vector<std::string> backends() { return {"sqlite", "postgresql"}; }

std::unique_ptr<TestDb> TestDb::open(const std::string& backend) {
  auto db = std::unique_ptr<TestDb>(new TestDb());
  db->backend_ = backend;
  if (backend == "sqlite") {
    db->dir_ = std::make_unique<testsupport::TempDir>("thidua-workflow");
    db->path_ = db->dir_->file("thidua.db");
    db->store_ = openSqliteStore(db->path_);
  } else {
    const char* url = std::getenv("THIDUA_TEST_PG_URL");
    if (url == nullptr || *url == '\0') return nullptr;
    db->url_ = url;
    db->schema_ = "t_" + uniqueSuffix();
    PostgresqlOptions o;
    o.schema = db->schema_;
    o.maxConnections = 16;
    db->store_ = openPostgresqlStore(db->url_, o);
  }
  return db;
}

std::unique_ptr<Store> TestDb::reopen() {
  if (backend_ == "sqlite") return openSqliteStore(path_);
  PostgresqlOptions o;
  o.schema = schema_;
  o.maxConnections = 16;
  return openPostgresqlStore(url_, o);
}

void TestDb::restart() {
  store_.reset();
  store_ = reopen();
}

TestDb::~TestDb() {
  store_.reset();
  try {
    if (backend_ != "sqlite") dropPostgresqlSchema(url_, schema_);  // a sqlite dir_ removes itself
  } catch (...) {
  }
}

void TestDb::rawSql(const std::string& sql) {
  using Poco::Data::Keywords::now;
  if (backend_ == "sqlite") {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session s("SQLite", path_);
    s << sql, now;
  } else {
    Poco::Data::PostgreSQL::Connector::registerConnector();
    Poco::Data::Session s("PostgreSQL", pgConnInfo(url_));
    s << ("SET search_path TO " + schema_), now;
    s << sql, now;
  }
}

void seedOrganisation(Store& store) {
  auto tx = store.begin(TxMode::Write);
  auto unit = [&](std::string id, std::string name, std::string level, std::string kind, std::string parent,
                  std::string doc, std::string place) {
    tx->upsertUnit(Unit{id, name, level, kind, parent, doc, place});
  };
  unit("tw", "Chính phủ", "trung_uong", "chinh_phu", "", "CP", "Hà Nội");
  unit("tw.ttg", "Thủ tướng Chính phủ", "trung_uong", "thu_tuong", "tw", "TTg", "Hà Nội");
  unit("tw.bnv", "Bộ Nội vụ", "bo_nganh", "bo_noi_vu", "tw", "BNV", "Hà Nội");
  unit("bp", "UBND tỉnh Bình Phước", "tinh", "ubnd", "", "UBND", "Bình Phước");
  unit("bp.snv", "Sở Nội vụ tỉnh Bình Phước", "so_ban_nganh", "so_noi_vu", "bp", "SNV", "Bình Phước");
  unit("bp.dx", "UBND thành phố Đồng Xoài", "huyen", "ubnd", "bp", "UBND", "Đồng Xoài");
  unit("bp.dx.tt", "UBND xã Tân Thành", "xa", "ubnd", "bp.dx", "UBND", "Tân Thành");
  unit("bp.dx.tb", "UBND xã Tiến Hưng", "xa", "ubnd", "bp.dx", "UBND", "Tiến Hưng");
  unit("dn", "UBND tỉnh Đồng Nai", "tinh", "ubnd", "", "UBND", "Đồng Nai");
  unit("dn.snv", "Sở Nội vụ tỉnh Đồng Nai", "so_ban_nganh", "so_noi_vu", "dn", "SNV", "Đồng Nai");
  unit("dn.ab", "UBND xã An Bình", "xa", "ubnd", "dn", "UBND", "An Bình");

  tx->upsertAwardForm(AwardForm{"bk-ttg", "Bằng khen của Thủ tướng Chính phủ", "bang_khen", "Thủ tướng Chính phủ",
                                {"ca_nhan", "tap_the", "ho_gia_dinh"}, 80, "Luật TĐKT 06/2022/QH15"});
  tx->upsertAwardForm(AwardForm{"gk-xa", "Giấy khen của Chủ tịch UBND cấp xã", "giay_khen", "Chủ tịch UBND cấp xã",
                                {"ca_nhan", "ho_gia_dinh"}, 0, "Luật TĐKT 06/2022/QH15"});
  Route r{"bk-ttg", 1, Date{2024, 1, 1}, {}};
  r.steps.push_back(RouteStep{"xa", "UBND cấp xã đề nghị", StepOwner{"", "xa", "ubnd"}, 5, false, false});
  r.steps.push_back(RouteStep{"huyen", "UBND cấp huyện xét", StepOwner{"", "huyen", "ubnd"}, 10, false, true});
  r.steps.push_back(RouteStep{"so-noi-vu", "Sở Nội vụ thẩm định", StepOwner{"", "tinh", "so_noi_vu"}, 10, false, false});
  r.steps.push_back(RouteStep{"ubnd-tinh", "UBND tỉnh trình", StepOwner{"", "tinh", "ubnd"}, 30, true, false});
  r.steps.push_back(RouteStep{"bnv", "Bộ Nội vụ thẩm định", StepOwner{"tw.bnv", "", ""}, 20, false, false});
  r.steps.push_back(RouteStep{"ttg", "Thủ tướng quyết định", StepOwner{"tw.ttg", "", ""}, 10, false, false});
  tx->upsertRoute(r);
  Route g{"gk-xa", 1, Date{2024, 1, 1}, {}};
  g.steps.push_back(RouteStep{"xa", "Chủ tịch UBND xã quyết định", StepOwner{"", "xa", "ubnd"}, 5, false, false});
  tx->upsertRoute(g);

  Campaign c{"c1315", "Cả nước thi đua xây dựng xã hội học tập", "Quyết định số 1315/QĐ-TTg", {}, {}};
  c.phases.push_back(CampaignPhase{"Giai đoạn 1", Date{2023, 11, 9}, Date{2025, 12, 31}});
  c.rounds.push_back(CampaignRound{"r2025", "Sơ kết 2025", "so_ket", 2025, {"bk-ttg", "gk-xa"}});
  c.rounds.push_back(CampaignRound{"r2026", "Hằng năm 2026", "hang_nam", 2026, {"gk-xa"}});
  tx->upsertCampaign(c);
  tx->upsertLegalBasis(LegalBasis{"98/2023/NĐ-CP", "Nghị định 98/2023/NĐ-CP", Date{2023, 12, 31}, Date{2025, 6, 30}});
  tx->upsertLegalBasis(LegalBasis{"152/2025/NĐ-CP", "Nghị định 152/2025/NĐ-CP", Date{2025, 7, 1}, Date{}});

  const std::vector<std::pair<std::string, Role>> roles = {
      {"de_xuat", Role::DeXuat}, {"tham_dinh", Role::ThamDinh}, {"phe_duyet", Role::PheDuyet}};
  for (const std::string u : {"tw.ttg", "tw.bnv", "bp", "bp.snv", "bp.dx", "bp.dx.tt", "bp.dx.tb", "dn", "dn.snv", "dn.ab"})
    for (const auto& [name, role] : roles) {
      const std::string id = u + "." + name;
      tx->upsertUser(User{id, id, "Người dùng " + id, u, {role}, "x"});
    }
  tx->upsertUser(User{"admin", "admin", "Quản trị", "tw", {Role::QuanTri}, "x"});
  tx->commit();
}

}  // namespace thidua::wf::test
