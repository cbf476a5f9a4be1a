#pragma once
// Logins and sessions. A login checks the Argon2id hash and stores a new session (only the token's
// SHA-256) through the Store, so any server process on the same database accepts it until it expires.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

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
///
/// A session found in the database is remembered for `cacheSeconds` (wall time) so that a busy client
/// does not cost a database read per request; expiry is still checked on every request, and a logout
/// through this process takes effect at once. A logout through another process over the same
/// database takes effect here within `cacheSeconds`. 0 disables the cache.
class Authenticator {
 public:
  /// `sessionLifetimeSeconds`: how long a session is valid after login.
  Authenticator(wf::Store& store, const wf::Clock& clock, std::int64_t sessionLifetimeSeconds = 8 * 3600,
                int cacheSeconds = 5);

  /// Checks the password and opens a session. Unknown user and wrong password give the same
  /// Unauthenticated error (and take about the same time).
  wf::Result<LoginResult> login(const std::string& username, const std::string& password);

  /// Returns the user of the session named by an "Authorization: Bearer <token>" header value.
  /// Missing, malformed, unknown or expired tokens give Unauthenticated.
  wf::Result<wf::User> authenticate(const std::string& authorization);

  /// Ends the session of that header (idempotent). Unauthenticated if the header names no live session.
  wf::Status logout(const std::string& authorization);

 private:
  struct Cached {
    wf::User user;
    wf::TimePoint expiresAt = 0;
    std::chrono::steady_clock::time_point until;
  };
  static constexpr std::size_t kMaxCached = 10000;

  wf::Store& store_;
  const wf::Clock& clock_;
  std::int64_t lifetimeMicros_;
  std::chrono::seconds cacheFor_;
  std::mutex cacheMutex_;
  std::unordered_map<std::string, Cached> cache_;  // token hash -> session
};

}  // namespace thidua::server
