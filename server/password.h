#pragma once
// Password hashing with libsodium's Argon2id (crypto_pwhash_str): the stored string carries the salt
// and the cost parameters, so hashes made with different costs verify alike.

#include <string>
#include <string_view>

namespace thidua::server {

/// How much work a new hash costs. Interactive is libsodium's recommended cost for logins
/// (~64 MiB, tens of milliseconds); Minimal is for tests and bulk demo loading only.
enum class PasswordCost { Interactive, Minimal };

/// Returns an "$argon2id$..." string for `plain` with a fresh random salt. Thread-safe.
/// Throws std::runtime_error if libsodium cannot allocate the memory the cost needs.
std::string hashPassword(std::string_view plain, PasswordCost cost = PasswordCost::Interactive);

/// Returns true if `plain` matches `hash` (an "$argon2id$..." string). Returns false for a wrong
/// password and for a malformed or empty hash. Thread-safe.
bool verifyPassword(std::string_view hash, std::string_view plain);

}  // namespace thidua::server
