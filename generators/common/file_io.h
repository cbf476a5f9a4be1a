#pragma once
// Reading a whole file into memory, the one way every generator does it.

#include <optional>
#include <string>

namespace thidua {

/// The bytes of the file at `path` (read with one system call per chunk, no stream copies), or nothing if
/// the file cannot be opened or read. Thread-safe.
std::optional<std::string> readWholeFile(const std::string& path);

}  // namespace thidua
