#include "server/session_token.h"

#include <sodium.h>

#include "server/sodium_init.h"

namespace thidua::server {
namespace {

std::string toHex(const unsigned char* bytes, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string newSessionToken() {
  ensureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return toHex(bytes, sizeof bytes);
}

std::string sha256Hex(std::string_view bytes) {
  ensureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return toHex(digest, sizeof digest);
}

std::string sessionTokenHash(std::string_view token) { return sha256Hex(token); }

}  // namespace thidua::server
