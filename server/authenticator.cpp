#include "server/authenticator.h"

#include "server/password.h"
#include "server/session_token.h"

namespace thidua::server {
namespace {

wf::Error unauthenticated(const std::string& message) {
  return wf::makeError(wf::ErrorCode::Unauthenticated, message);
}

/// Returns the token of "Bearer <token>", or "" if the header has another shape.
std::string bearerToken(const std::string& authorization) {
  const std::string prefix = "Bearer ";
  if (authorization.size() <= prefix.size() || authorization.compare(0, prefix.size(), prefix) != 0) return "";
  std::string token = authorization.substr(prefix.size());
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos) return "";
  return token;
}

/// A valid hash of a random password, verified when the username is unknown so that both failures
/// cost the same time.
const std::string& dummyHash() {
  static const std::string hash = hashPassword(newSessionToken(), PasswordCost::Interactive);
  return hash;
}

}  // namespace

Authenticator::Authenticator(wf::Store& store, const wf::Clock& clock, std::int64_t sessionLifetimeSeconds,
                             int cacheSeconds)
    : store_(store), clock_(clock), lifetimeMicros_(sessionLifetimeSeconds * 1000000), cacheFor_(cacheSeconds) {}

wf::Result<LoginResult> Authenticator::login(const std::string& username, const std::string& password) {
  std::optional<wf::User> user;
  {
    auto tx = store_.begin(wf::TxMode::Read);
    user = tx->findUserByUsername(username);
  }
  const bool valid = user ? verifyPassword(user->passwordHash, password) : (verifyPassword(dummyHash(), password), false);
  if (!valid) return unauthenticated("Tên đăng nhập hoặc mật khẩu không đúng.");

  LoginResult result;
  result.token = newSessionToken();
  result.user = *user;
  const wf::TimePoint now = clock_.now();
  result.expiresAt = now + lifetimeMicros_;
  wf::Session session{sessionTokenHash(result.token), user->id, now, result.expiresAt};
  auto tx = store_.begin(wf::TxMode::Write);
  tx->deleteExpiredSessions(now);
  tx->createSession(session);
  tx->commit();
  return result;
}

wf::Result<wf::User> Authenticator::authenticate(const std::string& authorization) {
  if (authorization.empty()) return unauthenticated("Cần đăng nhập (thiếu tiêu đề Authorization: Bearer …).");
  const std::string token = bearerToken(authorization);
  if (token.empty()) return unauthenticated("Mã phiên đăng nhập không hợp lệ.");
  const std::string hash = sessionTokenHash(token);
  const auto wallNow = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    auto it = cache_.find(hash);
    if (it != cache_.end() && it->second.until > wallNow) {
      if (it->second.expiresAt <= clock_.now()) {
        return unauthenticated("Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.");
      }
      return it->second.user;
    }
  }
  std::optional<wf::Session> session;
  std::optional<wf::User> user;
  {
    auto tx = store_.begin(wf::TxMode::Read);
    session = tx->findSession(hash);
    if (session) user = tx->findUser(session->userId);
  }
  if (!session) return unauthenticated("Phiên đăng nhập không tồn tại hoặc đã kết thúc; vui lòng đăng nhập lại.");
  if (session->expiresAt <= clock_.now()) return unauthenticated("Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.");
  if (!user) return unauthenticated("Tài khoản của phiên đăng nhập không còn tồn tại.");
  if (cacheFor_.count() > 0) {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cache_.size() >= kMaxCached) cache_.clear();
    cache_[hash] = Cached{*user, session->expiresAt, wallNow + cacheFor_};
  }
  return *user;
}

wf::Status Authenticator::logout(const std::string& authorization) {
  auto user = authenticate(authorization);
  if (!user) return user.error();
  const std::string hash = sessionTokenHash(bearerToken(authorization));
  {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    cache_.erase(hash);
  }
  auto tx = store_.begin(wf::TxMode::Write);
  tx->deleteSession(hash);
  tx->commit();
  return {};
}

}  // namespace thidua::server
