#pragma once
// Helpers shared by the xlsx tests: a temporary folder, the shipped templates, the Python checkers.

#include <string>

namespace thidua::xlsx::testing {

/// A fresh temporary directory, removed with its contents when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Path of a file in the source tree (e.g. "templates/forms/tk-khen-thuong.json").
std::string sourcePath(const std::string& relative);

/// Runs /usr/bin/python3 tests/xlsx/SCRIPT ARGS…; returns its exit status and appends its output to
/// `output`.
int runPython(const std::string& script, const std::string& args, std::string& output);

std::string readBytes(const std::string& path);
void writeBytes(const std::string& path, const std::string& bytes);

/// Quotes `s` for the shell.
std::string quote(const std::string& s);

}  // namespace thidua::xlsx::testing
