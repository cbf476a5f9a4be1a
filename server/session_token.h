#pragma once
// Session tokens: 32 random bytes handed to the client once; only their SHA-256 is stored, so a leaked
// database does not leak usable sessions.

#include <string>
#include <string_view>

namespace thidua::server {

/// Returns a new token: 32 bytes from libsodium's CSPRNG as 64 lowercase hex characters. Thread-safe.
std::string newSessionToken();

/// Returns the lowercase hex SHA-256 of `bytes`. Thread-safe.
std::string sha256Hex(std::string_view bytes);

/// Returns the lowercase hex SHA-256 of `token` — the value the store keeps and looks up. Thread-safe.
std::string sessionTokenHash(std::string_view token);

}  // namespace thidua::server
