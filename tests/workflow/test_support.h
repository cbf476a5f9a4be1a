#pragma once
// Test helpers for workflow: a fresh store per test on SQLite (temp file) or PostgreSQL (a fresh
// schema on the throwaway cluster named by THIDUA_TEST_PG_URL), raw SQL for tampering, and a small
// organisation (national level, a three-tier and a two-tier province) seeded through the Store port.

#include "tests/support/temp_dir.h"
#include "workflow/store.h"

#include <memory>
#include <string>
#include <vector>

namespace thidua::wf::test {

/// One isolated database; removed on destruction.
class TestDb {
 public:
  /// backend: "sqlite" or "postgresql". Returns nullptr for postgresql when THIDUA_TEST_PG_URL is unset.
  static std::unique_ptr<TestDb> open(const std::string& backend);
  ~TestDb();
  Store& store() { return *store_; }
  /// Opens another Store on the same database (simulates a restart or a second process).
  std::unique_ptr<Store> reopen();
  /// Closes the store (restart simulation); reopen() then store() uses the new one.
  void restart();
  /// Runs one SQL statement outside the Store port (tests that tamper with rows).
  void rawSql(const std::string& sql);
  const std::string& backend() const { return backend_; }

 private:
  std::string backend_;
  std::string path_;    // sqlite file
  std::unique_ptr<testsupport::TempDir> dir_;  // sqlite temp dir
  std::string url_;     // postgresql
  std::string schema_;  // postgresql
  std::unique_ptr<Store> store_;
};

/// "sqlite" and "postgresql".
std::vector<std::string> backends();

/// Seeds the organisation, catalogue, campaign, legal bases and users used by the engine tests:
/// units tw, tw.ttg (TTg), tw.bnv (BNV), bp (three-tier province: bp.snv, bp.dx huyện, bp.dx.tt xã),
/// dn (two-tier province: dn.snv, dn.ab xã); award forms bk-ttg (route xa → huyen(optional) → so-noi-vu
/// → ubnd-tinh(vote) → bnv → ttg), gk-xa (xa only); campaign c1315 rounds r2025, r2026.
/// Users "<unit>.<role>" e.g. "bp.dx.tt.de_xuat", "bp.dx.tt.phe_duyet", "bp.snv.tham_dinh".
void seedOrganisation(Store& store);

}  // namespace thidua::wf::test
