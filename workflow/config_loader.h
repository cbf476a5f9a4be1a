#pragma once
// Loads a configuration directory (docs/config.md) into a store: units.json, users.json,
// award-forms.json, routes.json, campaigns.json, calendar.json, legal-bases.json (each optional).

#include "workflow/clock.h"
#include "workflow/result.h"
#include "workflow/store.h"

#include <functional>
#include <string>

namespace thidua::wf {

/// Turns a plain password from users.json into a stored hash (the server passes libsodium Argon2id).
using PasswordHasher = std::function<std::string(const std::string& plain)>;
/// True if `plain` matches `hash`. Optional: when given, an unchanged password keeps its stored hash.
using PasswordVerifier = std::function<bool(const std::string& plain, const std::string& hash)>;

struct LoadReport {
  int units = 0;
  int users = 0;
  int awardForms = 0;
  int routes = 0;
  int campaigns = 0;
  int legalBases = 0;
  int calendarDays = 0;
};

/// Parses and validates every file of `dir` first, then writes everything in ONE write transaction
/// (upsert by id, so loading twice changes nothing) and appends one "config_load" audit event.
/// References are checked against the files and the store (a unit's parent, a user's unit, a route's
/// form and fixed owners, a round's award forms).
/// Failure: Validation error whose field names file and path, e.g.
/// "routes.json: routes[2].steps[1].owner", and whose message says what is wrong in Vietnamese
/// ("đơn vị 'x' không tồn tại"); print them as "field: message". Nothing is written.
/// Also an error: a route version already stored with different steps (versions are immutable).
/// Throws only on storage faults.
/// `clock` stamps the audit event.
Result<LoadReport> loadConfigDirectory(Store& store, const std::string& dir, const Clock& clock,
                                       const PasswordHasher& hasher, const PasswordVerifier& verifier = nullptr);

}  // namespace thidua::wf
