#pragma once
// Initialises libsodium once per process.

namespace thidua::server {

/// Calls sodium_init() the first time; later calls do nothing. Thread-safe.
/// Throws std::runtime_error if libsodium cannot initialise.
void ensureSodium();

}  // namespace thidua::server
