#include "server/password.h"

#include <sodium.h>

#include <stdexcept>

#include "server/sodium_init.h"

namespace thidua::server {

std::string hashPassword(std::string_view plain, PasswordCost cost) {
  ensureSodium();
  const bool minimal = cost == PasswordCost::Minimal;
  const unsigned long long ops = minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const size_t mem = minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, plain.data(), plain.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("libsodium: crypto_pwhash_str ran out of memory");
  }
  return out;
}

bool verifyPassword(std::string_view hash, std::string_view plain) {
  ensureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string stored(hash);  // crypto_pwhash_str_verify wants a NUL-terminated string
  return crypto_pwhash_str_verify(stored.c_str(), plain.data(), plain.size()) == 0;
}

}  // namespace thidua::server
