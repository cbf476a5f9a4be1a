#include "workflow/sql/schema.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace thidua::wf::sql {
namespace {

// {ID} auto-increment key, {INT} 64-bit integer, {BLOB} binary — replaced per dialect.
const std::vector<std::vector<std::string>> kMigrations = {
    // 1: the whole domain.
    {
        "CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL, kind TEXT NOT NULL,"
        " parent_id TEXT NOT NULL, doc_code TEXT NOT NULL, place TEXT NOT NULL)",
        "CREATE INDEX units_parent ON units (parent_id)",
        "CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL,"
        " unit_id TEXT NOT NULL, roles TEXT NOT NULL, password_hash TEXT NOT NULL)",
        "CREATE TABLE award_forms (id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL,"
        " deciding_authority TEXT NOT NULL, candidate_kinds TEXT NOT NULL, vote_threshold {INT} NOT NULL,"
        " legal_basis TEXT NOT NULL)",
        "CREATE TABLE routes (award_form_id TEXT NOT NULL, version {INT} NOT NULL, effective_from TEXT NOT NULL,"
        " PRIMARY KEY (award_form_id, version))",
        "CREATE TABLE route_steps (award_form_id TEXT NOT NULL, version {INT} NOT NULL, idx {INT} NOT NULL,"
        " code TEXT NOT NULL, name TEXT NOT NULL, owner_unit TEXT NOT NULL, owner_scope TEXT NOT NULL,"
        " owner_kind TEXT NOT NULL, due_days {INT} NOT NULL, requires_vote {INT} NOT NULL, optional_step {INT} NOT NULL,"
        " PRIMARY KEY (award_form_id, version, idx))",
        "CREATE TABLE campaigns (id TEXT PRIMARY KEY, name TEXT NOT NULL, basis TEXT NOT NULL)",
        "CREATE TABLE campaign_phases (campaign_id TEXT NOT NULL, idx {INT} NOT NULL, name TEXT NOT NULL,"
        " date_from TEXT NOT NULL, date_to TEXT NOT NULL, PRIMARY KEY (campaign_id, idx))",
        "CREATE TABLE campaign_rounds (campaign_id TEXT NOT NULL, idx {INT} NOT NULL, id TEXT NOT NULL,"
        " name TEXT NOT NULL, kind TEXT NOT NULL, year {INT} NOT NULL, allowed_forms TEXT NOT NULL,"
        " PRIMARY KEY (campaign_id, idx))",
        "CREATE TABLE legal_bases (code TEXT PRIMARY KEY, title TEXT NOT NULL, effective_from TEXT NOT NULL,"
        " effective_to TEXT NOT NULL)",
        "CREATE TABLE calendar_days (day TEXT PRIMARY KEY, working {INT} NOT NULL, name TEXT NOT NULL)",
        "CREATE TABLE submissions (id {ID}, proposer_unit_id TEXT NOT NULL, created_by TEXT NOT NULL,"
        " campaign_id TEXT NOT NULL, round_id TEXT NOT NULL, award_form_id TEXT NOT NULL,"
        " route_version {INT} NOT NULL, title TEXT NOT NULL, state TEXT NOT NULL, current_step {INT} NOT NULL,"
        " returned_from_step {INT} NOT NULL, step_owners TEXT NOT NULL, current_owner TEXT NOT NULL,"
        " legal_basis TEXT NOT NULL, version {INT} NOT NULL, created_at {INT} NOT NULL,"
        " submitted_at {INT} NOT NULL, step_arrived_at {INT} NOT NULL, step_due_date TEXT NOT NULL,"
        " decision_number {INT} NOT NULL, decision_year {INT} NOT NULL, decision_code TEXT NOT NULL,"
        " decision_text TEXT NOT NULL, decision_issuer TEXT NOT NULL, decision_date TEXT NOT NULL)",
        "CREATE INDEX submissions_owner ON submissions (current_owner, state)",
        "CREATE INDEX submissions_due ON submissions (state, step_due_date)",
        "CREATE INDEX submissions_proposer ON submissions (proposer_unit_id)",
        "CREATE TABLE candidates (id {ID}, submission_id {INT} NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " position TEXT NOT NULL, unit_name TEXT NOT NULL, achievement TEXT NOT NULL, status TEXT NOT NULL,"
        " removed_reason TEXT NOT NULL, removed_at_step {INT} NOT NULL)",
        "CREATE INDEX candidates_submission ON candidates (submission_id)",
        "CREATE TABLE votes (id {ID}, submission_id {INT} NOT NULL, step {INT} NOT NULL,"
        " members_total {INT} NOT NULL, in_favour {INT} NOT NULL, against {INT} NOT NULL,"
        " meeting_date TEXT NOT NULL)",
        "CREATE INDEX votes_submission ON votes (submission_id)",
        "CREATE TABLE attachments (id {ID}, submission_id {INT} NOT NULL, candidate_id {INT} NOT NULL,"
        " file_name TEXT NOT NULL, media_type TEXT NOT NULL, size {INT} NOT NULL, sha256 TEXT NOT NULL,"
        " created_at {INT} NOT NULL, bytes {BLOB} NOT NULL)",
        "CREATE INDEX attachments_submission ON attachments (submission_id)",
        "CREATE TABLE decision_counters (issuer_unit_id TEXT NOT NULL, year {INT} NOT NULL, value {INT} NOT NULL,"
        " PRIMARY KEY (issuer_unit_id, year))",
        "CREATE TABLE awards (submission_id {INT} NOT NULL, candidate_id {INT} NOT NULL,"
        " candidate_name TEXT NOT NULL, name_key TEXT NOT NULL, candidate_kind TEXT NOT NULL,"
        " candidate_unit_name TEXT NOT NULL, proposer_unit_id TEXT NOT NULL, award_form_id TEXT NOT NULL,"
        " campaign_id TEXT NOT NULL, round_id TEXT NOT NULL, year {INT} NOT NULL, decision_text TEXT NOT NULL,"
        " decision_date TEXT NOT NULL, issuer_unit_id TEXT NOT NULL, PRIMARY KEY (submission_id, candidate_id))",
        "CREATE INDEX awards_year ON awards (year)",
        "CREATE TABLE audit_events (seq {INT} PRIMARY KEY, at {INT} NOT NULL, user_id TEXT NOT NULL,"
        " unit_id TEXT NOT NULL, submission_id {INT} NOT NULL, action TEXT NOT NULL, from_state TEXT NOT NULL,"
        " to_state TEXT NOT NULL, from_step {INT} NOT NULL, to_step {INT} NOT NULL, comment TEXT NOT NULL,"
        " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
        "CREATE INDEX audit_events_submission ON audit_events (submission_id)",
        "CREATE TABLE audit_head (id {INT} PRIMARY KEY, seq {INT} NOT NULL, hash TEXT NOT NULL)",
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '')",
        "CREATE TABLE idempotency (user_id TEXT NOT NULL, idem_key TEXT NOT NULL, fingerprint TEXT NOT NULL,"
        " status {INT} NOT NULL, body TEXT NOT NULL, submission_id {INT} NOT NULL, created_at {INT} NOT NULL,"
        " PRIMARY KEY (user_id, idem_key))",
        "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at {INT} NOT NULL,"
        " expires_at {INT} NOT NULL)",
    },
};

std::string expand(const std::string& sql, const Dialect& d) {
  std::string out = sql;
  auto replaceAll = [&](const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = out.find(from, pos)) != std::string::npos; pos += to.size())
      out.replace(pos, from.size(), to);
  };
  replaceAll("{ID}", d.idColumn);
  replaceAll("{INT}", d.intType);
  replaceAll("{BLOB}", d.blobType);
  return out;
}

}  // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int migrate(SqlSession& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version " + db.dialect().intType +
          " PRIMARY KEY, applied_at TEXT NOT NULL)");
  Rows rows = db.query("SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1");
  int current = rows.empty() ? 0 : static_cast<int>(rows.num(0, 0));
  if (current > latestSchemaVersion())
    throw std::runtime_error("database schema version " + std::to_string(current) +
                             " is newer than this program knows (" + std::to_string(latestSchemaVersion()) + ")");
  for (int v = current + 1; v <= latestSchemaVersion(); ++v) {
    for (const std::string& stmt : kMigrations[v - 1]) db.exec(expand(stmt, db.dialect()));
    // The database's own clock: this is bookkeeping of the schema, not a domain time.
    db.exec("INSERT INTO schema_migrations (version, applied_at) VALUES (?, CAST(CURRENT_TIMESTAMP AS TEXT))",
            {Param(v)});
  }
  return latestSchemaVersion();
}

}  // namespace thidua::wf::sql
