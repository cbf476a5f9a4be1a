// The configuration loader on the shipped examples/config and on broken copies of it.

#include "workflow/config_loader.h"

#include "workflow/engine.h"
#include "tests/support/files.h"
#include "tests/support/temp_dir.h"
#include "tests/workflow/test_support.h"

#include <Poco/File.h>

#include <gtest/gtest.h>


namespace thidua::wf {
namespace {

const std::string kExamples = testsupport::sourcePath("examples/config");

std::string fakeHash(const std::string& plain) { return "hash:" + plain; }

class ConfigLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test::TestDb::open("sqlite");
    Poco::File(kExamples).copyTo(tmp_.path());
    dir_ = tmp_.file("config");
  }

  Result<LoadReport> load(const std::string& dir) {
    return loadConfigDirectory(db_->store(), dir, clock_, [&](const std::string& p) {
      ++hashes_;
      return fakeHash(p);
    }, [](const std::string& p, const std::string& h) { return h == fakeHash(p); });
  }

  // Replaces the first occurrence of `from` with `to` in a file of the copied config.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    const std::string path = dir_ + "/" + file;
    std::string text = testsupport::readFile(path);
    const auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    text.replace(pos, from.size(), to);
    testsupport::writeFile(path, text);
  }

  std::size_t unitCount() { return db_->store().begin(TxMode::Read)->listUnits().size(); }
  User user(const std::string& id) { return *db_->store().begin(TxMode::Read)->findUser(id); }

  FixedClock clock_{Date{2025, 9, 8}};
  std::unique_ptr<test::TestDb> db_;
  testsupport::TempDir tmp_;
  std::string dir_;
  int hashes_ = 0;
};

TEST_F(ConfigLoaderTest, LoadsTheExamples) {
  Result<LoadReport> r = load(dir_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_GT(r.value().units, 20);
  EXPECT_GT(r.value().users, 30);
  EXPECT_EQ(r.value().campaigns, 1);
  auto tx = db_->store().begin(TxMode::Read);
  auto u = tx->findUserByUsername("tanthanh.dexuat");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->passwordHash, "hash:thidua2025");
  EXPECT_EQ(u->unitId, "bp.dong-xoai.tan-thanh");
  auto route = tx->findRouteInForce("bk-ttg", Date{2025, 9, 8});
  ASSERT_TRUE(route);
  EXPECT_EQ(route->steps.size(), 6u);
  EXPECT_TRUE(route->steps[1].optional);
  EXPECT_TRUE(route->steps[3].requiresVote);
  auto camp = tx->findCampaign("c1315");
  ASSERT_TRUE(camp);
  EXPECT_EQ(camp->rounds.size(), 4u);
  EXPECT_EQ(tx->findUnit("tw.ttg")->docCode, "TTg");
  EXPECT_FALSE(tx->listCalendarDays(Date{2025, 9, 1}, Date{2025, 9, 2}).empty());
}

TEST_F(ConfigLoaderTest, ReloadingChangesNothing) {
  ASSERT_TRUE(load(dir_).ok());
  const int firstHashes = hashes_;
  auto before = db_->store().begin(TxMode::Read);
  const auto users = before->listUsers();
  const auto routes = before->listRoutes();
  const auto units = before->listUnits();
  before.reset();
  ASSERT_TRUE(load(dir_).ok());
  EXPECT_EQ(hashes_, firstHashes);  // unchanged passwords keep their hashes
  auto after = db_->store().begin(TxMode::Read);
  ASSERT_EQ(after->listUsers().size(), users.size());
  for (std::size_t i = 0; i < users.size(); ++i) EXPECT_EQ(after->listUsers()[i].passwordHash, users[i].passwordHash);
  EXPECT_EQ(after->listRoutes().size(), routes.size());
  EXPECT_EQ(after->listUnits().size(), units.size());
}

TEST_F(ConfigLoaderTest, BadReferenceNamesFileAndFieldAndLoadsNothing) {
  edit("routes.json", "\"unit\": \"tw.bnv\"", "\"unit\": \"tw.khong-co\"");
  Result<LoadReport> r = load(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Validation);
  EXPECT_EQ(r.error().field.rfind("routes.json: routes[", 0), 0u) << r.error().field;
  EXPECT_NE(r.error().field.find(".steps[4].owner"), std::string::npos) << r.error().field;
  EXPECT_NE(r.error().message.find("tw.khong-co"), std::string::npos);
  EXPECT_EQ(unitCount(), 0u);  // nothing half-loaded
}

TEST_F(ConfigLoaderTest, MalformedJsonNamesTheFile) {
  edit("units.json", "\"units\": [", "\"units\": [,");
  Result<LoadReport> r = load(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "units.json");
  EXPECT_EQ(unitCount(), 0u);
}

TEST_F(ConfigLoaderTest, UnknownOrMissingFieldsAreRefused) {
  edit("users.json", "\"fullName\"", "\"fulName\"");
  Result<LoadReport> r = load(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "users.json: users[0].fulName");
  EXPECT_EQ(unitCount(), 0u);
}

TEST_F(ConfigLoaderTest, BadValuesAreRefused) {
  edit("award-forms.json", "\"ca_nhan\"", "\"nguoi\"");
  Result<LoadReport> r = load(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "award-forms.json: awardForms[0].candidateKinds[0]");
}

TEST_F(ConfigLoaderTest, ChangedRouteVersionIsRefused) {
  ASSERT_TRUE(load(dir_).ok());
  edit("routes.json", "\"dueWorkingDays\": 20", "\"dueWorkingDays\": 25");
  Result<LoadReport> r = load(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().field.find(".version"), std::string::npos) << r.error().field;
}

TEST_F(ConfigLoaderTest, ExamplesCarryAPrimeMinisterAwardThroughBothLayouts) {
  ASSERT_TRUE(load(dir_).ok());
  Engine engine(db_->store(), clock_);
  for (const std::string layout : {"three-tier", "two-tier"}) {
    const bool three = layout == "three-tier";
    const std::string commune = three ? "tanthanh" : "hoalu";
    const std::string province = three ? "ubndbp" : "ubndnb";
    const std::string snv = three ? "snvbp" : "snvnb";
    NewSubmission d;
    d.campaignId = "c1315";
    d.roundId = "sk-2025";
    d.awardFormId = "bk-ttg";
    d.title = "Tờ trình đề nghị tặng Bằng khen của Thủ tướng Chính phủ";
    d.candidates.push_back(Candidate{0, "ca_nhan", "Nguyễn Văn Bình", "Giáo viên", "Trường Tiểu học", "Thành tích",
                                     CandidateStatus::Active, "", -1});
    Result<Submission> s = engine.create(user(commune + ".dexuat"), d).result;
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto step = [&](const std::string& who, Action a, std::string comment = "") {
      ActionRequest r;
      r.action = a;
      r.submissionId = s.value().id;
      r.expectedVersion = s.value().version;
      r.comment = comment;
      if (a == Action::RecordVote) r.vote = VoteRecord{0, 11, 10, 1, Date{}};
      s = engine.act(user(who), r).result;
      ASSERT_TRUE(s.ok()) << layout << " " << actionName(a) << " by " << who << ": " << s.error().message;
    };
    step(commune + ".dexuat", Action::Submit);
    step(commune + ".pheduyet", Action::Approve);
    if (three) step("dongxoai.pheduyet", Action::Approve);
    step(snv + ".pheduyet", Action::Approve);
    step(province + ".thamdinh", Action::Return, "Bổ sung báo cáo thành tích");
    step(commune + ".dexuat", Action::Submit);
    EXPECT_EQ(s.value().currentStep, 3);
    step(province + ".thamdinh", Action::RecordVote);
    step(province + ".pheduyet", Action::Approve);
    step("bnv.pheduyet", Action::Approve);
    step("ttg.pheduyet", Action::Decide);
    EXPECT_EQ(s.value().state, SubmissionState::Decided);
    EXPECT_EQ(s.value().decision->text, three ? "01/QĐ-TTg" : "02/QĐ-TTg");
  }
}

TEST_F(ConfigLoaderTest, AssociationTreeHasItsOwnRoute) {
  ASSERT_TRUE(load(dir_).ok());
  Engine engine(db_->store(), clock_);
  NewSubmission d;
  d.campaignId = "c1315";
  d.roundId = "hn-2024";
  d.awardFormId = "gk-hkh-tinh";
  d.title = "Đề nghị tặng Giấy khen của Hội Khuyến học tỉnh";
  d.candidates.push_back(Candidate{0, "dong_ho", "Dòng họ Nguyễn thôn 3", "", "xã Tân Thành", "Khuyến học",
                                   CandidateStatus::Active, "", -1});
  Result<Submission> s = engine.create(user("hkhtanthanh.dexuat"), d).result;
  ASSERT_TRUE(s.ok()) << s.error().message;
  ActionRequest r;
  r.action = Action::Submit;
  r.submissionId = s.value().id;
  r.expectedVersion = s.value().version;
  s = engine.act(user("hkhtanthanh.dexuat"), r).result;
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s.value().stepOwners,
            (std::vector<std::string>{"bp.hkh.dong-xoai.tan-thanh", "bp.hkh.dong-xoai", "bp.hkh"}));
}

}  // namespace
}  // namespace thidua::wf
