#include "workflow/sql/sql_transaction.h"

#include "generators/common/unicode.h"

#include <sstream>

namespace thidua::wf::sql {
namespace {

std::string join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!text.empty() && text.back() == sep) out.emplace_back();
  return out;
}

std::string dateText(const Date& d) { return d.valid() ? d.toIso() : std::string(); }
Date parseDate(const std::string& s) {
  auto d = Date::parseIso(s);
  return d ? *d : Date{};
}

std::string rolesText(const std::vector<Role>& roles) {
  std::vector<std::string> names;
  for (Role r : roles) names.emplace_back(roleName(r));
  return join(names, ',');
}

std::vector<Role> parseRoles(const std::string& text) {
  std::vector<Role> roles;
  for (const std::string& n : split(text, ','))
    if (auto r = parseRole(n)) roles.push_back(*r);
  return roles;
}

const char* kUnitCols = "id, name, level, kind, parent_id, doc_code, place";
Unit unitAt(const Rows& r, std::size_t i) {
  return Unit{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)};
}

const char* kUserCols = "id, username, full_name, unit_id, roles, password_hash";
User userAt(const Rows& r, std::size_t i) {
  User u;
  u.id = r.text(i, 0);
  u.username = r.text(i, 1);
  u.fullName = r.text(i, 2);
  u.unitId = r.text(i, 3);
  u.roles = parseRoles(r.text(i, 4));
  u.passwordHash = r.text(i, 5);
  return u;
}

const char* kFormCols = "id, name, category, deciding_authority, candidate_kinds, vote_threshold, legal_basis";
AwardForm formAt(const Rows& r, std::size_t i) {
  AwardForm f;
  f.id = r.text(i, 0);
  f.name = r.text(i, 1);
  f.category = r.text(i, 2);
  f.decidingAuthority = r.text(i, 3);
  f.candidateKinds = split(r.text(i, 4), ',');
  f.voteThresholdPercent = static_cast<int>(r.num(i, 5));
  f.legalBasis = r.text(i, 6);
  return f;
}

const char* kSubmissionCols =
    "id, proposer_unit_id, created_by, campaign_id, round_id, award_form_id, route_version, title, state,"
    " current_step, returned_from_step, step_owners, current_owner, legal_basis, version, created_at,"
    " submitted_at, step_arrived_at, step_due_date, decision_number, decision_year, decision_code,"
    " decision_text, decision_issuer, decision_date";
Submission submissionAt(const Rows& r, std::size_t i) {
  Submission s;
  s.id = r.num(i, 0);
  s.proposerUnitId = r.text(i, 1);
  s.createdBy = r.text(i, 2);
  s.campaignId = r.text(i, 3);
  s.roundId = r.text(i, 4);
  s.awardFormId = r.text(i, 5);
  s.routeVersion = static_cast<int>(r.num(i, 6));
  s.title = r.text(i, 7);
  s.state = parseState(r.text(i, 8)).value_or(SubmissionState::Draft);
  s.currentStep = static_cast<int>(r.num(i, 9));
  s.returnedFromStep = static_cast<int>(r.num(i, 10));
  s.stepOwners = split(r.text(i, 11), '|');
  s.currentOwnerUnitId = r.text(i, 12);
  s.legalBasis = r.text(i, 13);
  s.version = r.num(i, 14);
  s.createdAt = r.num(i, 15);
  s.submittedAt = r.num(i, 16);
  s.stepArrivedAt = r.num(i, 17);
  s.stepDueDate = parseDate(r.text(i, 18));
  if (r.num(i, 19) > 0) {
    Decision d;
    d.number = static_cast<int>(r.num(i, 19));
    d.year = static_cast<int>(r.num(i, 20));
    d.code = r.text(i, 21);
    d.text = r.text(i, 22);
    d.issuerUnitId = r.text(i, 23);
    d.date = parseDate(r.text(i, 24));
    s.decision = d;
  }
  return s;
}

std::vector<Param> submissionParams(const Submission& s) {
  const Decision d = s.decision.value_or(Decision{});
  return {s.proposerUnitId, s.createdBy, s.campaignId, s.roundId, s.awardFormId, s.routeVersion, s.title,
          std::string(stateName(s.state)), s.currentStep, s.returnedFromStep, join(s.stepOwners, '|'),
          s.currentOwnerUnitId, s.legalBasis, s.version, s.createdAt, s.submittedAt, s.stepArrivedAt,
          dateText(s.stepDueDate), d.number, d.year, d.code, d.text, d.issuerUnitId, dateText(d.date)};
}

const char* kCandidateCols =
    "id, kind, name, position, unit_name, achievement, status, removed_reason, removed_at_step";
Candidate candidateAt(const Rows& r, std::size_t i) {
  Candidate c;
  c.id = r.num(i, 0);
  c.kind = r.text(i, 1);
  c.name = r.text(i, 2);
  c.position = r.text(i, 3);
  c.unitName = r.text(i, 4);
  c.achievement = r.text(i, 5);
  c.status = parseCandidateStatus(r.text(i, 6)).value_or(CandidateStatus::Active);
  c.removedReason = r.text(i, 7);
  c.removedAtStep = static_cast<int>(r.num(i, 8));
  return c;
}

const char* kAttachmentCols = "id, submission_id, candidate_id, file_name, media_type, size, sha256, created_at";
AttachmentInfo attachmentAt(const Rows& r, std::size_t i) {
  AttachmentInfo a;
  a.id = r.num(i, 0);
  a.submissionId = r.num(i, 1);
  a.candidateId = r.num(i, 2);
  a.fileName = r.text(i, 3);
  a.mediaType = r.text(i, 4);
  a.size = r.num(i, 5);
  a.sha256 = r.text(i, 6);
  a.createdAt = r.num(i, 7);
  return a;
}

const char* kAuditCols =
    "seq, at, user_id, unit_id, submission_id, action, from_state, to_state, from_step, to_step, comment,"
    " prev_hash, hash";
AuditEvent auditAt(const Rows& r, std::size_t i) {
  AuditEvent e;
  e.seq = r.num(i, 0);
  e.at = r.num(i, 1);
  e.userId = r.text(i, 2);
  e.unitId = r.text(i, 3);
  e.submissionId = r.num(i, 4);
  e.action = r.text(i, 5);
  e.fromState = r.text(i, 6);
  e.toState = r.text(i, 7);
  e.fromStep = static_cast<int>(r.num(i, 8));
  e.toStep = static_cast<int>(r.num(i, 9));
  e.comment = r.text(i, 10);
  e.prevHash = r.text(i, 11);
  e.hash = r.text(i, 12);
  return e;
}

}  // namespace

SqlTransaction::SqlTransaction(SqlStore& store, TxMode mode) : store_(store) {
  if (mode == TxMode::Write && store.groupCommitter()) {
    group_ = store.groupCommitter();
    ticket_ = group_->enter();
    db_ = std::make_unique<SqlSession>(group_->session().connection(), store.backendImpl().dialect());
    return;
  }
  session_ = store.acquire();
  db_ = std::make_unique<SqlSession>(*session_, store.backendImpl().dialect());
  try {
    store.backendImpl().beginTx(*db_, mode);
  } catch (const std::exception&) {
    // A pooled connection may have died (database restart): drop it and begin on a fresh one.
    db_.reset();
    session_ = store.backendImpl().connect();
    db_ = std::make_unique<SqlSession>(*session_, store.backendImpl().dialect());
    store.backendImpl().beginTx(*db_, mode);
  }
}

SqlTransaction::~SqlTransaction() {
  if (group_) {
    if (!done_) {
      try {
        group_->finish(ticket_, false);
      } catch (...) {
      }
    }
    return;
  }
  if (!done_) {
    try {
      store_.backendImpl().rollbackTx(*db_);
    } catch (...) {
      db_.reset();
      session_.reset();  // a connection in an unknown state is dropped, not pooled
    }
  }
  db_.reset();
  if (session_) store_.release(std::move(session_));
}

void SqlTransaction::commit() {
  if (group_) {
    done_ = true;  // finish() ends this member's part whether or not the batch commit succeeds
    group_->finish(ticket_, true);
    return;
  }
  store_.backendImpl().commitTx(*db_);  // if this throws, the destructor rolls back
  done_ = true;
}

// ---- units ----
void SqlTransaction::upsertUnit(const Unit& u) {
  db_->exec(
      "INSERT INTO units (id, name, level, kind, parent_id, doc_code, place) VALUES (?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, kind = excluded.kind,"
      " parent_id = excluded.parent_id, doc_code = excluded.doc_code, place = excluded.place",
      {u.id, u.name, u.level, u.kind, u.parentId, u.docCode, u.place});
}

std::optional<Unit> SqlTransaction::findUnit(const std::string& id) {
  Rows r = db_->query(std::string("SELECT ") + kUnitCols + " FROM units WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return unitAt(r, 0);
}

std::vector<Unit> SqlTransaction::listUnits() {
  Rows r = db_->query(std::string("SELECT ") + kUnitCols + " FROM units ORDER BY id");
  std::vector<Unit> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(unitAt(r, i));
  return out;
}

std::vector<Unit> SqlTransaction::listChildUnits(const std::string& parentId) {
  Rows r = db_->query(std::string("SELECT ") + kUnitCols + " FROM units WHERE parent_id = ? ORDER BY id", {parentId});
  std::vector<Unit> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(unitAt(r, i));
  return out;
}

// ---- users ----
void SqlTransaction::upsertUser(const User& u) {
  db_->exec(
      "INSERT INTO users (id, username, full_name, unit_id, roles, password_hash) VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (id) DO UPDATE SET username = excluded.username, full_name = excluded.full_name,"
      " unit_id = excluded.unit_id, roles = excluded.roles, password_hash = excluded.password_hash",
      {u.id, u.username, u.fullName, u.unitId, rolesText(u.roles), u.passwordHash});
}

std::optional<User> SqlTransaction::findUser(const std::string& id) {
  Rows r = db_->query(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return userAt(r, 0);
}

std::optional<User> SqlTransaction::findUserByUsername(const std::string& username) {
  Rows r = db_->query(std::string("SELECT ") + kUserCols + " FROM users WHERE username = ?", {username});
  if (r.empty()) return std::nullopt;
  return userAt(r, 0);
}

std::vector<User> SqlTransaction::listUsers() {
  Rows r = db_->query(std::string("SELECT ") + kUserCols + " FROM users ORDER BY id");
  std::vector<User> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(userAt(r, i));
  return out;
}

// ---- award forms ----
void SqlTransaction::upsertAwardForm(const AwardForm& f) {
  db_->exec(
      "INSERT INTO award_forms (id, name, category, deciding_authority, candidate_kinds, vote_threshold,"
      " legal_basis) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
      " category = excluded.category, deciding_authority = excluded.deciding_authority,"
      " candidate_kinds = excluded.candidate_kinds, vote_threshold = excluded.vote_threshold,"
      " legal_basis = excluded.legal_basis",
      {f.id, f.name, f.category, f.decidingAuthority, join(f.candidateKinds, ','), f.voteThresholdPercent,
       f.legalBasis});
}

std::optional<AwardForm> SqlTransaction::findAwardForm(const std::string& id) {
  Rows r = db_->query(std::string("SELECT ") + kFormCols + " FROM award_forms WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return formAt(r, 0);
}

std::vector<AwardForm> SqlTransaction::listAwardForms() {
  Rows r = db_->query(std::string("SELECT ") + kFormCols + " FROM award_forms ORDER BY id");
  std::vector<AwardForm> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(formAt(r, i));
  return out;
}

// ---- routes ----
void SqlTransaction::upsertRoute(const Route& route) {
  db_->exec("DELETE FROM route_steps WHERE award_form_id = ? AND version = ?", {route.awardFormId, route.version});
  db_->exec(
      "INSERT INTO routes (award_form_id, version, effective_from) VALUES (?, ?, ?)"
      " ON CONFLICT (award_form_id, version) DO UPDATE SET effective_from = excluded.effective_from",
      {route.awardFormId, route.version, dateText(route.effectiveFrom)});
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    const RouteStep& s = route.steps[i];
    db_->exec(
        "INSERT INTO route_steps (award_form_id, version, idx, code, name, owner_unit, owner_scope, owner_kind,"
        " due_days, requires_vote, optional_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {route.awardFormId, route.version, static_cast<int>(i), s.code, s.name, s.owner.unitId,
         s.owner.scopeLevel, s.owner.kind, s.dueWorkingDays, s.requiresVote, s.optional});
  }
}

std::vector<Route> SqlTransaction::routesWhere(const std::string& where, const std::vector<Param>& params) {
  Rows r = db_->query("SELECT r.award_form_id, r.version, r.effective_from, s.idx, s.code, s.name, s.owner_unit,"
                      " s.owner_scope, s.owner_kind, s.due_days, s.requires_vote, s.optional_step FROM routes r"
                      " JOIN route_steps s ON s.award_form_id = r.award_form_id AND s.version = r.version " +
                          where + " ORDER BY r.award_form_id, r.version, s.idx",
                      params);
  std::vector<Route> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const std::string formId = r.text(i, 0);
    const int version = static_cast<int>(r.num(i, 1));
    if (out.empty() || out.back().awardFormId != formId || out.back().version != version) {
      Route route;
      route.awardFormId = formId;
      route.version = version;
      route.effectiveFrom = parseDate(r.text(i, 2));
      out.push_back(route);
    }
    RouteStep s;
    s.code = r.text(i, 4);
    s.name = r.text(i, 5);
    s.owner = StepOwner{r.text(i, 6), r.text(i, 7), r.text(i, 8)};
    s.dueWorkingDays = static_cast<int>(r.num(i, 9));
    s.requiresVote = r.num(i, 10) != 0;
    s.optional = r.num(i, 11) != 0;
    out.back().steps.push_back(s);
  }
  return out;
}

std::optional<Route> SqlTransaction::findRoute(const std::string& awardFormId, int version) {
  auto routes = routesWhere("WHERE r.award_form_id = ? AND r.version = ?", {awardFormId, version});
  if (routes.empty()) return std::nullopt;
  return routes.front();
}

std::optional<Route> SqlTransaction::findRouteInForce(const std::string& awardFormId, const Date& on) {
  Rows r = db_->query(
      "SELECT version FROM routes WHERE award_form_id = ? AND effective_from <= ? ORDER BY version DESC LIMIT 1",
      {awardFormId, dateText(on)});
  if (r.empty()) return std::nullopt;
  return findRoute(awardFormId, static_cast<int>(r.num(0, 0)));
}

std::vector<Route> SqlTransaction::listRoutes() { return routesWhere("", {}); }

// ---- campaigns ----
void SqlTransaction::upsertCampaign(const Campaign& c) {
  db_->exec("INSERT INTO campaigns (id, name, basis) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " name = excluded.name, basis = excluded.basis",
            {c.id, c.name, c.basis});
  db_->exec("DELETE FROM campaign_phases WHERE campaign_id = ?", {c.id});
  db_->exec("DELETE FROM campaign_rounds WHERE campaign_id = ?", {c.id});
  for (std::size_t i = 0; i < c.phases.size(); ++i)
    db_->exec("INSERT INTO campaign_phases (campaign_id, idx, name, date_from, date_to) VALUES (?, ?, ?, ?, ?)",
              {c.id, static_cast<int>(i), c.phases[i].name, dateText(c.phases[i].from), dateText(c.phases[i].to)});
  for (std::size_t i = 0; i < c.rounds.size(); ++i) {
    const CampaignRound& r = c.rounds[i];
    db_->exec("INSERT INTO campaign_rounds (campaign_id, idx, id, name, kind, year, allowed_forms)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)",
              {c.id, static_cast<int>(i), r.id, r.name, r.kind, r.year, join(r.allowedAwardFormIds, ',')});
  }
}

std::optional<Campaign> SqlTransaction::findCampaign(const std::string& id) {
  Rows r = db_->query("SELECT id, name, basis FROM campaigns WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  Campaign c{r.text(0, 0), r.text(0, 1), r.text(0, 2), {}, {}};
  Rows p = db_->query("SELECT name, date_from, date_to FROM campaign_phases WHERE campaign_id = ? ORDER BY idx", {id});
  for (std::size_t i = 0; i < p.size(); ++i)
    c.phases.push_back(CampaignPhase{p.text(i, 0), parseDate(p.text(i, 1)), parseDate(p.text(i, 2))});
  Rows k = db_->query("SELECT id, name, kind, year, allowed_forms FROM campaign_rounds WHERE campaign_id = ?"
                      " ORDER BY idx",
                      {id});
  for (std::size_t i = 0; i < k.size(); ++i)
    c.rounds.push_back(CampaignRound{k.text(i, 0), k.text(i, 1), k.text(i, 2), static_cast<int>(k.num(i, 3)),
                                     split(k.text(i, 4), ',')});
  return c;
}

std::vector<Campaign> SqlTransaction::listCampaigns() {
  Rows r = db_->query("SELECT id FROM campaigns ORDER BY id");
  std::vector<Campaign> out;
  for (std::size_t i = 0; i < r.size(); ++i)
    if (auto c = findCampaign(r.text(i, 0))) out.push_back(*c);
  return out;
}

// ---- legal bases, calendar ----
void SqlTransaction::upsertLegalBasis(const LegalBasis& b) {
  db_->exec("INSERT INTO legal_bases (code, title, effective_from, effective_to) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (code) DO UPDATE SET title = excluded.title, effective_from = excluded.effective_from,"
            " effective_to = excluded.effective_to",
            {b.code, b.title, dateText(b.effectiveFrom), dateText(b.effectiveTo)});
}

std::vector<LegalBasis> SqlTransaction::listLegalBases() {
  Rows r = db_->query("SELECT code, title, effective_from, effective_to FROM legal_bases ORDER BY effective_from, code");
  std::vector<LegalBasis> out;
  for (std::size_t i = 0; i < r.size(); ++i)
    out.push_back(LegalBasis{r.text(i, 0), r.text(i, 1), parseDate(r.text(i, 2)), parseDate(r.text(i, 3))});
  return out;
}

void SqlTransaction::upsertCalendarDay(const CalendarDay& d) {
  db_->exec("INSERT INTO calendar_days (day, working, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET"
            " working = excluded.working, name = excluded.name",
            {dateText(d.date), d.working, d.name});
}

std::vector<CalendarDay> SqlTransaction::listCalendarDays(const Date& from, const Date& to) {
  Rows r = db_->query("SELECT day, working, name FROM calendar_days WHERE day >= ? AND day <= ? ORDER BY day",
                      {dateText(from), dateText(to)});
  std::vector<CalendarDay> out;
  for (std::size_t i = 0; i < r.size(); ++i)
    out.push_back(CalendarDay{parseDate(r.text(i, 0)), r.num(i, 1) != 0, r.text(i, 2)});
  return out;
}

// ---- submissions ----
std::int64_t SqlTransaction::insertSubmission(Submission& s) {
  Rows r = db_->query(
      "INSERT INTO submissions (proposer_unit_id, created_by, campaign_id, round_id, award_form_id, route_version,"
      " title, state, current_step, returned_from_step, step_owners, current_owner, legal_basis, version,"
      " created_at, submitted_at, step_arrived_at, step_due_date, decision_number, decision_year, decision_code,"
      " decision_text, decision_issuer, decision_date)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      submissionParams(s));
  s.id = r.num(0, 0);
  return s.id;
}

bool SqlTransaction::updateSubmission(const Submission& s, std::int64_t expectedVersion) {
  std::vector<Param> p = submissionParams(s);
  p.emplace_back(s.id);
  p.emplace_back(expectedVersion);
  return db_->exec(
             "UPDATE submissions SET proposer_unit_id = ?, created_by = ?, campaign_id = ?, round_id = ?,"
             " award_form_id = ?, route_version = ?, title = ?, state = ?, current_step = ?, returned_from_step = ?,"
             " step_owners = ?, current_owner = ?, legal_basis = ?, version = ?, created_at = ?, submitted_at = ?,"
             " step_arrived_at = ?, step_due_date = ?, decision_number = ?, decision_year = ?, decision_code = ?,"
             " decision_text = ?, decision_issuer = ?, decision_date = ? WHERE id = ? AND version = ?",
             p) == 1;
}

std::vector<Submission> SqlTransaction::submissionsWhere(const std::string& where, const std::vector<Param>& params) {
  Rows r = db_->query(std::string("SELECT ") + kSubmissionCols + " FROM submissions " + where, params);
  std::vector<Submission> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(submissionAt(r, i));
  return out;
}

std::optional<Submission> SqlTransaction::findSubmission(std::int64_t id, bool details, bool forUpdate) {
  auto found = submissionsWhere("WHERE id = ?" + (forUpdate ? db_->dialect().forUpdate : std::string()), {id});
  if (found.empty()) return std::nullopt;
  Submission s = std::move(found.front());
  if (!details) return s;
  Rows c = db_->query(std::string("SELECT ") + kCandidateCols + " FROM candidates WHERE submission_id = ? ORDER BY id",
                      {id});
  for (std::size_t i = 0; i < c.size(); ++i) s.candidates.push_back(candidateAt(c, i));
  Rows v = db_->query("SELECT step, members_total, in_favour, against, meeting_date FROM votes"
                      " WHERE submission_id = ? ORDER BY step, id",
                      {id});
  for (std::size_t i = 0; i < v.size(); ++i)
    s.votes.push_back(VoteRecord{static_cast<int>(v.num(i, 0)), static_cast<int>(v.num(i, 1)),
                                 static_cast<int>(v.num(i, 2)), static_cast<int>(v.num(i, 3)),
                                 parseDate(v.text(i, 4))});
  Rows a = db_->query(std::string("SELECT ") + kAttachmentCols + " FROM attachments WHERE submission_id = ? ORDER BY id",
                      {id});
  for (std::size_t i = 0; i < a.size(); ++i) s.attachments.push_back(attachmentAt(a, i));
  return s;
}

std::vector<Submission> SqlTransaction::listSubmissionsOwnedBy(const std::string& unitId) {
  return submissionsWhere(
      "WHERE current_owner = ? AND state IN ('draft', 'in_review', 'returned') ORDER BY step_arrived_at, id",
      {unitId});
}

std::vector<Submission> SqlTransaction::listOverdue(const Date& today) {
  return submissionsWhere(
      "WHERE state = 'in_review' AND step_due_date <> '' AND step_due_date < ? ORDER BY step_due_date, id",
      {dateText(today)});
}

std::vector<Submission> SqlTransaction::listSubmissionsByProposer(const std::string& unitId) {
  return submissionsWhere("WHERE proposer_unit_id = ? ORDER BY created_at DESC, id DESC", {unitId});
}

std::int64_t SqlTransaction::insertCandidate(std::int64_t submissionId, Candidate& c) {
  Rows r = db_->query(
      "INSERT INTO candidates (submission_id, kind, name, position, unit_name, achievement, status, removed_reason,"
      " removed_at_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {submissionId, c.kind, c.name, c.position, c.unitName, c.achievement, std::string(candidateStatusName(c.status)),
       c.removedReason, c.removedAtStep});
  c.id = r.num(0, 0);
  return c.id;
}

bool SqlTransaction::updateCandidate(std::int64_t submissionId, const Candidate& c) {
  return db_->exec("UPDATE candidates SET kind = ?, name = ?, position = ?, unit_name = ?, achievement = ?,"
                   " status = ?, removed_reason = ?, removed_at_step = ? WHERE id = ? AND submission_id = ?",
                   {c.kind, c.name, c.position, c.unitName, c.achievement, std::string(candidateStatusName(c.status)),
                    c.removedReason, c.removedAtStep, c.id, submissionId}) == 1;
}

void SqlTransaction::deleteCandidates(std::int64_t submissionId) {
  db_->exec("DELETE FROM candidates WHERE submission_id = ?", {submissionId});
}

void SqlTransaction::insertVote(std::int64_t submissionId, const VoteRecord& v) {
  db_->exec("INSERT INTO votes (submission_id, step, members_total, in_favour, against, meeting_date)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            {submissionId, v.step, v.membersTotal, v.inFavour, v.against, dateText(v.meetingDate)});
}

std::int64_t SqlTransaction::insertAttachment(AttachmentInfo& a, const std::string& bytes) {
  Rows r = db_->query(
      "INSERT INTO attachments (submission_id, candidate_id, file_name, media_type, size, sha256, created_at, bytes)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.submissionId, a.candidateId, a.fileName, a.mediaType, a.size, a.sha256, a.createdAt, Param::blob(bytes)});
  a.id = r.num(0, 0);
  return a.id;
}

std::optional<Attachment> SqlTransaction::findAttachment(std::int64_t id) {
  Rows r = db_->query(std::string("SELECT ") + kAttachmentCols + ", bytes FROM attachments WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return Attachment{attachmentAt(r, 0), r.blob(0, 8)};
}

// ---- decisions, awards ----
int SqlTransaction::allocateDecisionNumber(const std::string& issuerUnitId, int year) {
  // The upsert takes the counter row's write lock until commit, so concurrent deciders queue on it and a
  // rolled-back transaction gives its number back: numbers stay unique and gapless.
  Rows r = db_->query(
      "INSERT INTO decision_counters (issuer_unit_id, year, value) VALUES (?, ?, 1)"
      " ON CONFLICT (issuer_unit_id, year) DO UPDATE SET value = decision_counters.value + 1 RETURNING value",
      {issuerUnitId, year});
  return static_cast<int>(r.num(0, 0));
}

void SqlTransaction::insertAward(const Award& a) {
  db_->exec(
      "INSERT INTO awards (submission_id, candidate_id, candidate_name, name_key, candidate_kind,"
      " candidate_unit_name, proposer_unit_id, award_form_id, campaign_id, round_id, year, decision_text,"
      " decision_date, issuer_unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.submissionId, a.candidateId, a.candidateName, thidua::searchKey(a.candidateName), a.candidateKind,
       a.candidateUnitName, a.proposerUnitId, a.awardFormId, a.campaignId, a.roundId, a.year, a.decisionText,
       dateText(a.decisionDate), a.issuerUnitId});
}

std::vector<Award> SqlTransaction::searchAwards(const AwardQuery& q) {
  std::string where = "WHERE 1 = 1";
  std::vector<Param> p;
  if (!q.name.empty()) {
    where += " AND " + db_->dialect().strpos + "(name_key, ?) > 0";
    p.emplace_back(thidua::searchKey(q.name));
  }
  if (!q.unitId.empty()) {
    where += " AND proposer_unit_id = ?";
    p.emplace_back(q.unitId);
  }
  if (!q.campaignId.empty()) {
    where += " AND campaign_id = ?";
    p.emplace_back(q.campaignId);
  }
  if (q.year > 0) {
    where += " AND year = ?";
    p.emplace_back(q.year);
  }
  p.emplace_back(q.limit > 0 ? q.limit : 100);
  p.emplace_back(q.offset > 0 ? q.offset : 0);
  Rows r = db_->query(
      "SELECT submission_id, candidate_id, candidate_name, candidate_kind, candidate_unit_name, proposer_unit_id,"
      " award_form_id, campaign_id, round_id, year, decision_text, decision_date, issuer_unit_id FROM awards " +
          where + " ORDER BY decision_date DESC, submission_id, candidate_id LIMIT ? OFFSET ?",
      p);
  std::vector<Award> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    Award a;
    a.submissionId = r.num(i, 0);
    a.candidateId = r.num(i, 1);
    a.candidateName = r.text(i, 2);
    a.candidateKind = r.text(i, 3);
    a.candidateUnitName = r.text(i, 4);
    a.proposerUnitId = r.text(i, 5);
    a.awardFormId = r.text(i, 6);
    a.campaignId = r.text(i, 7);
    a.roundId = r.text(i, 8);
    a.year = static_cast<int>(r.num(i, 9));
    a.decisionText = r.text(i, 10);
    a.decisionDate = parseDate(r.text(i, 11));
    a.issuerUnitId = r.text(i, 12);
    out.push_back(a);
  }
  return out;
}

// ---- audit ----
AuditHead SqlTransaction::lockAuditHead() {
  // Under group commit the batch keeps the head locked from its first read until it ends, and only this
  // writer moves it meanwhile: later members of the batch take it from the writer, not the database.
  AuditHead head;
  if (group_ && group_->cachedAuditHead(head.seq, head.hash)) return head;
  Rows r = db_->query("SELECT seq, hash FROM audit_head WHERE id = 1" + db_->dialect().forUpdate);
  if (r.empty()) return {};
  head = AuditHead{r.num(0, 0), r.text(0, 1)};
  if (group_) group_->rememberAuditHead(head.seq, head.hash);
  return head;
}

AuditHead SqlTransaction::readAuditHead() {
  Rows r = db_->query("SELECT seq, hash FROM audit_head WHERE id = 1");
  if (r.empty()) return {};
  return AuditHead{r.num(0, 0), r.text(0, 1)};
}

void SqlTransaction::appendAuditEvent(const AuditEvent& e) {
  const std::string insert =
      "INSERT INTO audit_events (seq, at, user_id, unit_id, submission_id, action, from_state, to_state, from_step,"
      " to_step, comment, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  const std::vector<Param> params = {e.seq,       e.at,      e.userId,   e.unitId,  e.submissionId,
                                     e.action,    e.fromState, e.toState, e.fromStep, e.toStep,
                                     e.comment,   e.prevHash,  e.hash};
  if (db_->dialect().dataModifyingCte) {
    // One round trip: the event and the moved head in a single statement.
    db_->exec("WITH e AS (" + insert + " RETURNING seq, hash) UPDATE audit_head SET seq = (SELECT seq FROM e),"
              " hash = (SELECT hash FROM e) WHERE id = 1",
              params);
  } else {
    db_->exec(insert, params);
    db_->exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {e.seq, e.hash});
  }
  if (group_) group_->rememberAuditHead(e.seq, e.hash);
}

std::vector<AuditEvent> SqlTransaction::listAuditEvents(std::int64_t fromSeq, int limit) {
  Rows r = db_->query(std::string("SELECT ") + kAuditCols + " FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT ?",
                      {fromSeq, limit});
  std::vector<AuditEvent> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(auditAt(r, i));
  return out;
}

std::vector<AuditEvent> SqlTransaction::listAuditEventsOf(std::int64_t submissionId) {
  Rows r = db_->query(std::string("SELECT ") + kAuditCols + " FROM audit_events WHERE submission_id = ? ORDER BY seq",
                      {submissionId});
  std::vector<AuditEvent> out;
  for (std::size_t i = 0; i < r.size(); ++i) out.push_back(auditAt(r, i));
  return out;
}

// ---- idempotency ----
std::optional<IdempotencyRecord> SqlTransaction::findIdempotency(const std::string& userId, const std::string& key) {
  Rows r = db_->query("SELECT fingerprint, status, body, submission_id, created_at FROM idempotency"
                      " WHERE user_id = ? AND idem_key = ?",
                      {userId, key});
  if (r.empty()) return std::nullopt;
  return IdempotencyRecord{userId, key, r.text(0, 0), static_cast<int>(r.num(0, 1)), r.text(0, 2), r.num(0, 3),
                           r.num(0, 4)};
}

void SqlTransaction::insertIdempotency(const IdempotencyRecord& x) {
  db_->exec("INSERT INTO idempotency (user_id, idem_key, fingerprint, status, body, submission_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {x.userId, x.key, x.fingerprint, x.status, x.body, x.submissionId, x.createdAt});
}

// ---- sessions ----
void SqlTransaction::createSession(const Session& s) {
  db_->exec("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            {s.tokenHash, s.userId, s.createdAt, s.expiresAt});
}

std::optional<Session> SqlTransaction::findSession(const std::string& tokenHash) {
  Rows r = db_->query("SELECT user_id, created_at, expires_at FROM sessions WHERE token_hash = ?", {tokenHash});
  if (r.empty()) return std::nullopt;
  return Session{tokenHash, r.text(0, 0), r.num(0, 1), r.num(0, 2)};
}

void SqlTransaction::deleteSession(const std::string& tokenHash) {
  db_->exec("DELETE FROM sessions WHERE token_hash = ?", {tokenHash});
}

int SqlTransaction::deleteExpiredSessions(TimePoint now) {
  return static_cast<int>(db_->exec("DELETE FROM sessions WHERE expires_at <= ?", {now}));
}

}  // namespace thidua::wf::sql
