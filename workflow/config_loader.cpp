#include "workflow/config_loader.h"

#include "workflow/audit.h"

#include "generators/common/file_io.h"
#include "generators/common/unicode.h"

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include "generators/common/json_text.h"
#include <Poco/Path.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace thidua::wf {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A validation failure while reading one file; carries the field path "file: a[1].b".
struct ConfigError {
  std::string field;
  std::string message;
};

[[noreturn]] void fail(const std::string& field, const std::string& message) { throw ConfigError{field, message}; }

bool validId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
          c == '_'))
      return false;
  return true;
}

// Reads the members of one JSON object, checking types, required members and unknown members.
class Fields {
 public:
  Fields(const Poco::Dynamic::Var& v, std::string path, std::set<std::string> allowed)
      : path_(std::move(path)), allowed_(std::move(allowed)) {
    if (v.type() != typeid(Object::Ptr)) fail(path_, "phải là một đối tượng JSON {…}");
    obj_ = v.extract<Object::Ptr>();
    for (const auto& kv : *obj_)
      if (!allowed_.count(kv.first)) fail(at(kv.first), "trường không được hỗ trợ");
  }
  std::string at(const std::string& name) const { return path_ + "." + name; }
  bool has(const std::string& name) const { return obj_->has(name) && !obj_->isNull(name); }

  std::string text(const std::string& name, bool required = true) const {
    if (!has(name)) {
      if (required) fail(at(name), "thiếu trường bắt buộc");
      return {};
    }
    Poco::Dynamic::Var v = obj_->get(name);
    if (!v.isString()) fail(at(name), "phải là chuỗi");
    try {
      return thidua::toNfc(v.extract<std::string>());
    } catch (const std::invalid_argument&) {
      fail(at(name), "không phải UTF-8 hợp lệ");
    }
  }
  std::string id(const std::string& name, bool required = true) const {
    std::string v = text(name, required);
    if ((required || !v.empty()) && !validId(v))
      fail(at(name), "mã '" + v + "' chỉ được gồm chữ cái không dấu, chữ số, '.', '-', '_'");
    return v;
  }
  int integer(const std::string& name, int def, int min, int max) const {
    if (!has(name)) return def;
    Poco::Dynamic::Var v = obj_->get(name);
    if (!v.isInteger()) fail(at(name), "phải là số nguyên");
    const long long n = v.convert<long long>();
    if (n < min || n > max) fail(at(name), "phải nằm trong khoảng " + std::to_string(min) + "–" + std::to_string(max));
    return static_cast<int>(n);
  }
  bool boolean(const std::string& name, bool def) const {
    if (!has(name)) return def;
    Poco::Dynamic::Var v = obj_->get(name);
    if (!v.isBoolean()) fail(at(name), "phải là true hoặc false");
    return v.convert<bool>();
  }
  Date date(const std::string& name, bool required) const {
    std::string t = text(name, required);
    if (t.empty()) return Date{};
    auto d = Date::parseIso(t);
    if (!d) fail(at(name), "ngày phải có dạng YYYY-MM-DD");
    return *d;
  }
  Array::Ptr array(const std::string& name, bool required = true) const {
    if (!has(name)) {
      if (required) fail(at(name), "thiếu trường bắt buộc");
      return new Array();
    }
    Poco::Dynamic::Var v = obj_->get(name);
    if (v.type() != typeid(Array::Ptr)) fail(at(name), "phải là một mảng […]");
    return v.extract<Array::Ptr>();
  }
  std::vector<std::string> texts(const std::string& name, bool required = true) const {
    std::vector<std::string> out;
    Array::Ptr a = array(name, required);
    for (std::size_t i = 0; i < a->size(); ++i) {
      Poco::Dynamic::Var v = a->get(static_cast<unsigned>(i));
      if (!v.isString()) fail(at(name) + "[" + std::to_string(i) + "]", "phải là chuỗi");
      out.push_back(v.extract<std::string>());
    }
    return out;
  }
  Poco::Dynamic::Var raw(const std::string& name) const { return obj_->get(name); }

 private:
  std::string path_;
  std::set<std::string> allowed_;
  Object::Ptr obj_;
};

struct Config {
  std::vector<Unit> units;
  std::vector<User> users;
  std::vector<std::string> userPasswords;  // plain password per user, "" when a hash is given
  std::vector<AwardForm> forms;
  std::vector<Route> routes;
  std::vector<Campaign> campaigns;
  std::vector<LegalBasis> legalBases;
  std::vector<CalendarDay> days;
};

// Parses `file` of `dir` (if present) and returns its top-level array `key`, or nullptr.
Array::Ptr readTopArray(const std::string& dir, const std::string& file, const std::string& key) {
  const std::string path = Poco::Path(dir).append(file).toString();
  if (!Poco::File(path).exists()) return nullptr;
  const std::optional<std::string> text = readWholeFile(path);
  if (!text) fail(file, "không đọc được tệp");
  Poco::Dynamic::Var root;
  try {
    root = parseJsonText(*text);
  } catch (const JsonSyntaxError& e) {
    fail(file, std::string("JSON không hợp lệ: ") + e.what());
  }
  Fields top(root, file + ":", {key});
  return top.array(key);
}

std::string item(const std::string& file, const std::string& key, std::size_t i) {
  return file + ": " + key + "[" + std::to_string(i) + "]";
}

void parseUnits(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "units.json", "units");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("units.json", "units", i),
             {"id", "name", "level", "kind", "parent", "docCode", "place"});
    Unit u{f.id("id"), f.text("name"), f.text("level"), f.text("kind"), f.id("parent", false), f.text("docCode", false),
           f.text("place", false)};
    if (u.name.empty()) fail(f.at("name"), "không được để trống");
    c.units.push_back(u);
  }
}

void parseUsers(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "users.json", "users");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("users.json", "users", i),
             {"id", "username", "fullName", "unit", "roles", "password", "passwordHash"});
    User u;
    u.id = f.id("id");
    u.username = f.has("username") ? f.id("username") : u.id;
    u.fullName = f.text("fullName");
    u.unitId = f.id("unit");
    const std::vector<std::string> roles = f.texts("roles");
    for (std::size_t r = 0; r < roles.size(); ++r) {
      auto role = parseRole(roles[r]);
      if (!role)
        fail(f.at("roles") + "[" + std::to_string(r) + "]",
             "vai trò '" + roles[r] + "' không hợp lệ (de_xuat, tham_dinh, phe_duyet, quan_tri)");
      u.roles.push_back(*role);
    }
    if (u.roles.empty()) fail(f.at("roles"), "phải có ít nhất một vai trò");
    const std::string password = f.text("password", false);
    u.passwordHash = f.text("passwordHash", false);
    if (password.empty() == u.passwordHash.empty())
      fail(f.at("password"), "phải có đúng một trong hai trường password hoặc passwordHash");
    c.users.push_back(u);
    c.userPasswords.push_back(password);
  }
}

void parseForms(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "award-forms.json", "awardForms");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("award-forms.json", "awardForms", i),
             {"id", "name", "category", "decidingAuthority", "candidateKinds", "voteThresholdPercent", "legalBasis"});
    AwardForm form;
    form.id = f.id("id");
    form.name = f.text("name");
    form.category = f.text("category");
    form.decidingAuthority = f.text("decidingAuthority");
    form.candidateKinds = f.texts("candidateKinds");
    for (std::size_t k = 0; k < form.candidateKinds.size(); ++k)
      if (std::find(kCandidateKinds.begin(), kCandidateKinds.end(), form.candidateKinds[k]) == kCandidateKinds.end())
        fail(f.at("candidateKinds") + "[" + std::to_string(k) + "]",
             "loại đối tượng '" + form.candidateKinds[k] +
                 "' không hợp lệ (ca_nhan, ho_gia_dinh, dong_ho, tap_the, doanh_nghiep, khac)");
    if (form.candidateKinds.empty()) fail(f.at("candidateKinds"), "phải có ít nhất một loại đối tượng");
    form.voteThresholdPercent = f.integer("voteThresholdPercent", 0, 0, 100);
    form.legalBasis = f.text("legalBasis");
    c.forms.push_back(form);
  }
}

void parseRoutes(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "routes.json", "routes");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("routes.json", "routes", i),
             {"awardForm", "version", "effectiveFrom", "steps"});
    Route r;
    r.awardFormId = f.id("awardForm");
    r.version = f.integer("version", 1, 1, 1000000);
    r.effectiveFrom = f.date("effectiveFrom", true);
    Array::Ptr steps = f.array("steps");
    if (steps->size() == 0) fail(f.at("steps"), "phải có ít nhất một bước");
    for (std::size_t s = 0; s < steps->size(); ++s) {
      const std::string sp = f.at("steps") + "[" + std::to_string(s) + "]";
      Fields sf(steps->get(static_cast<unsigned>(s)), sp,
                {"code", "name", "owner", "dueWorkingDays", "requiresVote", "optional"});
      RouteStep step;
      step.code = sf.id("code");
      step.name = sf.text("name");
      if (!sf.has("owner")) fail(sf.at("owner"), "thiếu trường bắt buộc");
      Fields of(sf.raw("owner"), sf.at("owner"), {"unit", "scopeLevel", "kind"});
      step.owner.unitId = of.id("unit", false);
      step.owner.scopeLevel = of.text("scopeLevel", false);
      step.owner.kind = of.text("kind", false);
      if (step.owner.unitId.empty() == step.owner.scopeLevel.empty())
        fail(sf.at("owner"), "phải có hoặc \"unit\" (đơn vị cố định) hoặc \"scopeLevel\" (+ \"kind\")");
      step.dueWorkingDays = sf.integer("dueWorkingDays", 0, 0, 365);
      step.requiresVote = sf.boolean("requiresVote", false);
      step.optional = sf.boolean("optional", false);
      if (step.optional && (s == 0 || s + 1 == steps->size()))
        fail(sf.at("optional"), "bước đầu và bước cuối không được là bước tùy chọn");
      r.steps.push_back(step);
    }
    c.routes.push_back(r);
  }
}

void parseCampaigns(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "campaigns.json", "campaigns");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("campaigns.json", "campaigns", i),
             {"id", "name", "basis", "phases", "rounds"});
    Campaign camp;
    camp.id = f.id("id");
    camp.name = f.text("name");
    camp.basis = f.text("basis", false);
    Array::Ptr phases = f.array("phases", false);
    for (std::size_t p = 0; p < phases->size(); ++p) {
      Fields pf(phases->get(static_cast<unsigned>(p)), f.at("phases") + "[" + std::to_string(p) + "]",
                {"name", "from", "to"});
      CampaignPhase ph{pf.text("name"), pf.date("from", true), pf.date("to", true)};
      if (ph.to < ph.from) fail(pf.at("to"), "ngày kết thúc trước ngày bắt đầu");
      camp.phases.push_back(ph);
    }
    Array::Ptr rounds = f.array("rounds");
    std::set<std::string> roundIds;
    for (std::size_t r = 0; r < rounds->size(); ++r) {
      Fields rf(rounds->get(static_cast<unsigned>(r)), f.at("rounds") + "[" + std::to_string(r) + "]",
                {"id", "name", "kind", "year", "awardForms"});
      CampaignRound round{rf.id("id"), rf.text("name"), rf.text("kind"), rf.integer("year", 0, 2000, 2100),
                          rf.texts("awardForms")};
      if (round.kind != "hang_nam" && round.kind != "so_ket" && round.kind != "tong_ket")
        fail(rf.at("kind"), "phải là hang_nam, so_ket hoặc tong_ket");
      if (!roundIds.insert(round.id).second) fail(rf.at("id"), "mã đợt bị trùng");
      camp.rounds.push_back(round);
    }
    c.campaigns.push_back(camp);
  }
}

void parseLegalBases(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "legal-bases.json", "legalBases");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("legal-bases.json", "legalBases", i),
             {"code", "title", "effectiveFrom", "effectiveTo"});
    LegalBasis b{f.text("code"), f.text("title"), f.date("effectiveFrom", true), f.date("effectiveTo", false)};
    if (b.code.empty()) fail(f.at("code"), "không được để trống");
    if (b.effectiveTo.valid() && b.effectiveTo < b.effectiveFrom) fail(f.at("effectiveTo"), "trước ngày có hiệu lực");
    c.legalBases.push_back(b);
  }
}

void parseCalendar(const std::string& dir, Config& c) {
  Array::Ptr a = readTopArray(dir, "calendar.json", "days");
  if (!a) return;
  for (std::size_t i = 0; i < a->size(); ++i) {
    Fields f(a->get(static_cast<unsigned>(i)), item("calendar.json", "days", i), {"date", "working", "name"});
    c.days.push_back(CalendarDay{f.date("date", true), f.boolean("working", false), f.text("name")});
  }
}

bool sameSteps(const Route& a, const Route& b) {
  if (a.effectiveFrom != b.effectiveFrom || a.steps.size() != b.steps.size()) return false;
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    const RouteStep& x = a.steps[i];
    const RouteStep& y = b.steps[i];
    if (x.code != y.code || x.name != y.name || x.owner.unitId != y.owner.unitId ||
        x.owner.scopeLevel != y.owner.scopeLevel || x.owner.kind != y.owner.kind ||
        x.dueWorkingDays != y.dueWorkingDays || x.requiresVote != y.requiresVote || x.optional != y.optional)
      return false;
  }
  return true;
}

// Cross-file references, checked against the files and what the store already holds.
void checkReferences(Transaction& tx, const Config& c) {
  std::map<std::string, const Unit*> units;
  for (std::size_t i = 0; i < c.units.size(); ++i)
    if (!units.emplace(c.units[i].id, &c.units[i]).second)
      fail(item("units.json", "units", i) + ".id", "mã đơn vị '" + c.units[i].id + "' bị trùng");
  auto unitExists = [&](const std::string& id) { return units.count(id) || tx.findUnit(id).has_value(); };
  for (std::size_t i = 0; i < c.units.size(); ++i) {
    const Unit& u = c.units[i];
    if (u.parentId.empty()) continue;
    if (!unitExists(u.parentId))
      fail(item("units.json", "units", i) + ".parent", "đơn vị '" + u.parentId + "' không tồn tại");
    // No cycles among the units of the file.
    std::string cur = u.parentId;
    for (std::size_t guard = 0; !cur.empty() && units.count(cur); ++guard) {
      if (cur == u.id || guard > units.size())
        fail(item("units.json", "units", i) + ".parent", "cây đơn vị có vòng lặp");
      cur = units[cur]->parentId;
    }
  }
  std::set<std::string> userIds, usernames;
  for (std::size_t i = 0; i < c.users.size(); ++i) {
    const User& u = c.users[i];
    if (!userIds.insert(u.id).second) fail(item("users.json", "users", i) + ".id", "mã người dùng bị trùng");
    if (!usernames.insert(u.username).second)
      fail(item("users.json", "users", i) + ".username", "tên đăng nhập bị trùng");
    if (!unitExists(u.unitId)) fail(item("users.json", "users", i) + ".unit", "đơn vị '" + u.unitId + "' không tồn tại");
    if (auto other = tx.findUserByUsername(u.username); other && other->id != u.id)
      fail(item("users.json", "users", i) + ".username", "tên đăng nhập đã thuộc người dùng khác");
  }
  std::set<std::string> forms;
  for (std::size_t i = 0; i < c.forms.size(); ++i)
    if (!forms.insert(c.forms[i].id).second)
      fail(item("award-forms.json", "awardForms", i) + ".id", "mã hình thức bị trùng");
  auto formExists = [&](const std::string& id) { return forms.count(id) || tx.findAwardForm(id).has_value(); };
  std::set<std::pair<std::string, int>> routeKeys;
  for (std::size_t i = 0; i < c.routes.size(); ++i) {
    const Route& r = c.routes[i];
    const std::string p = item("routes.json", "routes", i);
    if (!formExists(r.awardFormId))
      fail(p + ".awardForm", "hình thức khen thưởng '" + r.awardFormId + "' không tồn tại");
    if (!routeKeys.insert({r.awardFormId, r.version}).second) fail(p + ".version", "phiên bản quy trình bị trùng");
    for (std::size_t s = 0; s < r.steps.size(); ++s)
      if (!r.steps[s].owner.unitId.empty() && !unitExists(r.steps[s].owner.unitId))
        fail(p + ".steps[" + std::to_string(s) + "].owner",
             "đơn vị '" + r.steps[s].owner.unitId + "' không tồn tại");
    // A version in use must never change: submissions in flight keep the version they started with.
    if (auto stored = tx.findRoute(r.awardFormId, r.version); stored && !sameSteps(*stored, r))
      fail(p + ".version", "phiên bản " + std::to_string(r.version) +
                               " đã được nạp với nội dung khác; hãy thêm phiên bản mới thay vì sửa");
  }
  for (std::size_t i = 0; i < c.campaigns.size(); ++i)
    for (std::size_t r = 0; r < c.campaigns[i].rounds.size(); ++r) {
      const auto& ids = c.campaigns[i].rounds[r].allowedAwardFormIds;
      for (std::size_t k = 0; k < ids.size(); ++k)
        if (!formExists(ids[k]))
          fail(item("campaigns.json", "campaigns", i) + ".rounds[" + std::to_string(r) + "].awardForms[" +
                   std::to_string(k) + "]",
               "hình thức khen thưởng '" + ids[k] + "' không tồn tại");
    }
}

}  // namespace

Result<LoadReport> loadConfigDirectory(Store& store, const std::string& dir, const Clock& clock,
                                       const PasswordHasher& hasher, const PasswordVerifier& verifier) {
  if (!Poco::File(dir).exists() || !Poco::File(dir).isDirectory())
    return makeError(ErrorCode::NotFound, "Không tìm thấy thư mục cấu hình " + dir, dir);
  Config c;
  try {
    parseUnits(dir, c);
    parseUsers(dir, c);
    parseForms(dir, c);
    parseRoutes(dir, c);
    parseCampaigns(dir, c);
    parseLegalBases(dir, c);
    parseCalendar(dir, c);
  } catch (const ConfigError& e) {
    return makeError(ErrorCode::Validation, e.message, e.field);
  }
  auto tx = store.begin(TxMode::Write);
  try {
    checkReferences(*tx, c);
  } catch (const ConfigError& e) {
    return makeError(ErrorCode::Validation, e.message, e.field);
  }
  for (const Unit& u : c.units) tx->upsertUnit(u);
  for (const AwardForm& f : c.forms) tx->upsertAwardForm(f);
  for (const Route& r : c.routes) tx->upsertRoute(r);
  for (const Campaign& camp : c.campaigns) tx->upsertCampaign(camp);
  for (const LegalBasis& b : c.legalBases) tx->upsertLegalBasis(b);
  for (const CalendarDay& d : c.days) tx->upsertCalendarDay(d);
  for (std::size_t i = 0; i < c.users.size(); ++i) {
    User u = c.users[i];
    const std::string& plain = c.userPasswords[i];
    if (!plain.empty()) {
      std::optional<User> stored = tx->findUser(u.id);
      if (verifier && stored && !stored->passwordHash.empty() && verifier(plain, stored->passwordHash))
        u.passwordHash = stored->passwordHash;  // unchanged password keeps its hash: reloading changes nothing
      else
        u.passwordHash = hasher(plain);
    }
    tx->upsertUser(u);
  }
  LoadReport report;
  report.units = static_cast<int>(c.units.size());
  report.users = static_cast<int>(c.users.size());
  report.awardForms = static_cast<int>(c.forms.size());
  report.routes = static_cast<int>(c.routes.size());
  report.campaigns = static_cast<int>(c.campaigns.size());
  report.legalBases = static_cast<int>(c.legalBases.size());
  report.calendarDays = static_cast<int>(c.days.size());
  AuditEvent e;
  e.at = clock.now();
  e.userId = "system";
  e.action = "config_load";
  e.comment = "Nạp cấu hình: " + std::to_string(report.units) + " đơn vị, " + std::to_string(report.users) +
              " người dùng, " + std::to_string(report.awardForms) + " hình thức, " + std::to_string(report.routes) +
              " quy trình, " + std::to_string(report.campaigns) + " phong trào";
  appendAudit(*tx, e);
  tx->commit();
  return report;
}

}  // namespace thidua::wf
