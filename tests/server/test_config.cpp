#include "tests/server/test_config.h"

#include "server/password.h"
#include "tests/server/flow_support.h"

namespace thidua::server::testing {
namespace {

wf::Unit unit(const std::string& id, const std::string& name, const std::string& level, const std::string& kind,
              const std::string& parent, const std::string& docCode, const std::string& place) {
  return wf::Unit{id, name, level, kind, parent, docCode, place};
}

wf::RouteStep step(const std::string& code, const std::string& name, wf::StepOwner owner, int days,
                   bool vote = false, bool optional = false) {
  wf::RouteStep s;
  s.code = code;
  s.name = name;
  s.owner = std::move(owner);
  s.dueWorkingDays = days;
  s.requiresVote = vote;
  s.optional = optional;
  return s;
}

}  // namespace

void seedTestConfiguration(wf::Store& store) {
  const std::vector<wf::Unit> units = {
      unit("tw", "Chính phủ", "trung_uong", "chinh_phu", "", "CP", "Hà Nội"),
      unit("tw.ttg", "Thủ tướng Chính phủ", "trung_uong", "thu_tuong", "tw", "TTg", "Hà Nội"),
      unit("tw.bnv", "Bộ Nội vụ", "bo_nganh", "bo_noi_vu", "tw", "BNV", "Hà Nội"),
      unit("bp", "UBND tỉnh Bình Phước", "tinh", "ubnd", "", "UBND", "Bình Phước"),
      unit("bp.snv", "Sở Nội vụ tỉnh Bình Phước", "so_ban_nganh", "so_noi_vu", "bp", "SNV", "Bình Phước"),
      unit("bp.bu-dang", "UBND huyện Bù Đăng", "huyen", "ubnd", "bp", "UBND", "Bù Đăng"),
      unit("bp.bu-dang.tho-son", "UBND xã Thọ Sơn", "xa", "ubnd", "bp.bu-dang", "UBND", "Thọ Sơn"),
      unit("dn", "UBND tỉnh Đồng Nai", "tinh", "ubnd", "", "UBND", "Đồng Nai"),
      unit("dn.snv", "Sở Nội vụ tỉnh Đồng Nai", "so_ban_nganh", "so_noi_vu", "dn", "SNV", "Đồng Nai"),
      unit("dn.phu-ly", "UBND xã Phú Lý", "xa", "ubnd", "dn", "UBND", "Phú Lý"),
  };
  const std::string hash = hashPassword(kDemoPassword, PasswordCost::Minimal);
  auto tx = store.begin(wf::TxMode::Write);
  for (const auto& u : units) tx->upsertUnit(u);
  for (const auto& u : units) {
    const bool commune = u.level == "xa";
    if (commune) {
      tx->upsertUser(wf::User{u.id + ".dexuat", u.id + ".dexuat", "Cán bộ đề xuất " + u.name, u.id,
                              {wf::Role::DeXuat}, hash});
    }
    tx->upsertUser(wf::User{u.id + ".thamdinh", u.id + ".thamdinh", "Chuyên viên " + u.name, u.id,
                            {wf::Role::ThamDinh}, hash});
    tx->upsertUser(wf::User{u.id + ".lanhdao", u.id + ".lanhdao", "Lãnh đạo " + u.name, u.id,
                            {wf::Role::PheDuyet, wf::Role::ThamDinh}, hash});
  }
  tx->upsertUser(wf::User{"quantri", "quantri", "Quản trị hệ thống", "tw", {wf::Role::QuanTri}, hash});

  wf::AwardForm form;
  form.id = "bk-ttg";
  form.name = "Bằng khen của Thủ tướng Chính phủ";
  form.category = "bang_khen";
  form.decidingAuthority = "Thủ tướng Chính phủ";
  form.candidateKinds = {"ca_nhan", "tap_the", "ho_gia_dinh"};
  form.voteThresholdPercent = 90;
  form.legalBasis = "Điều 71 Luật Thi đua, khen thưởng 06/2022/QH15";
  tx->upsertAwardForm(form);

  wf::Route route;
  route.awardFormId = "bk-ttg";
  route.version = 1;
  route.effectiveFrom = wf::Date{2024, 1, 1};
  route.steps = {
      step("xa", "UBND cấp xã đề nghị", wf::StepOwner{"", "xa", "ubnd"}, 5),
      step("huyen", "UBND cấp huyện xét, đề nghị", wf::StepOwner{"", "huyen", "ubnd"}, 10, false, true),
      step("so-noi-vu", "Sở Nội vụ (Ban Thi đua - Khen thưởng) thẩm định", wf::StepOwner{"", "tinh", "so_noi_vu"}, 10),
      step("ubnd-tinh", "Chủ tịch UBND tỉnh trình", wf::StepOwner{"", "tinh", "ubnd"}, 10, true),
      step("bo-noi-vu", "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương) thẩm định", wf::StepOwner{"tw.bnv", "", ""}, 20),
      step("thu-tuong", "Thủ tướng Chính phủ quyết định", wf::StepOwner{"tw.ttg", "", ""}, 20),
  };
  tx->upsertRoute(route);

  wf::Campaign campaign;
  campaign.id = "xhht-1315";
  campaign.name = "Phong trào \"Cả nước trở thành một xã hội học tập\"";
  campaign.basis = "Quyết định số 1315/QĐ-TTg ngày 09/11/2023";
  campaign.phases = {wf::CampaignPhase{"Giai đoạn 2023 - 2030", wf::Date{2023, 11, 9}, wf::Date{2030, 12, 31}}};
  campaign.rounds = {wf::CampaignRound{"xhht-1315.so-ket-2025", "Sơ kết năm 2025", "so_ket", 2025, {"bk-ttg"}}};
  tx->upsertCampaign(campaign);

  tx->upsertLegalBasis(wf::LegalBasis{"98/2023/NĐ-CP", "Nghị định 98/2023/NĐ-CP", wf::Date{2024, 1, 1}, wf::Date{2025, 6, 30}});
  tx->upsertLegalBasis(wf::LegalBasis{"152/2025/NĐ-CP", "Nghị định 152/2025/NĐ-CP", wf::Date{2025, 7, 1}, wf::Date{}});
  tx->upsertCalendarDay(wf::CalendarDay{wf::Date{2025, 9, 2}, false, "Quốc khánh"});
  tx->commit();
}

}  // namespace thidua::server::testing
