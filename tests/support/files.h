#pragma once
// Whole-file reads and writes for tests, and where the repository's sources (templates/, examples/) are.

#include <string>

namespace thidua::testsupport {

/// The bytes of the file at `path`. Throws std::runtime_error when it cannot be opened.
std::string readFile(const std::string& path);

/// Replaces the file at `path` with `bytes` (binary, created if missing). Throws std::runtime_error on failure.
void writeFile(const std::string& path, const std::string& bytes);

/// The repository root the tests were built from (THIDUA_SOURCE_DIR of this library), no trailing slash.
std::string sourceDir();

/// sourceDir() + "/" + `relative`, e.g. sourcePath("templates/forms/tk-khen-thuong.json").
std::string sourcePath(const std::string& relative);

}  // namespace thidua::testsupport
