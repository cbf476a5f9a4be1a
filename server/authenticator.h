#pragma once
// Logins and sessions. A login checks the Argon2id hash and stores a new session (only the token's
// SHA-256) through the Store, so any server process on the same database accepts it until it expires.

#include <cstdint>
#include <string>

#include "workflow/clock.h"
#include "workflow/model.h"
#include "workflow/result.h"
#include "workflow/store.h"

namespace thidua::server {

/// A successful login: the token the client sends back as "Authorization: Bearer <token>".
struct LoginResult {
  std::string token;
  wf::User user;
  wf::TimePoint expiresAt = 0;
};

/// Thread-safe (each call uses its own transaction). Holds references: the store and clock must
/// outlive it.
class Authenticator {
 public:
  /// `sessionLifetimeSeconds`: how long a session is valid after login.
  Authenticator(wf::Store& store, const wf::Clock& clock, std::int64_t sessionLifetimeSeconds = 8 * 3600);

  /// Checks the password and opens a session. Unknown user and wrong password give the same
  /// Unauthenticated error (and take about the same time).
  wf::Result<LoginResult> login(const std::string& username, const std::string& password);

  /// Returns the user of the session named by an "Authorization: Bearer <token>" header value.
  /// Missing, malformed, unknown or expired tokens give Unauthenticated.
  wf::Result<wf::User> authenticate(const std::string& authorization);

  /// Ends the session of that header (idempotent). Unauthenticated if the header names no live session.
  wf::Status logout(const std::string& authorization);

 private:
  wf::Store& store_;
  const wf::Clock& clock_;
  std::int64_t lifetimeMicros_;
};

}  // namespace thidua::server
