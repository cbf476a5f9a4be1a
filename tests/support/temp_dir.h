#pragma once
// A scratch directory for one test: made fresh on construction, removed with its contents on destruction.

#include <string>

namespace thidua::testsupport {

/// A fresh, empty directory under the system temp dir (std::filesystem::temp_directory_path(), usually
/// /tmp) named "<prefix>-XXXXXX". Throws std::runtime_error when it cannot be made. The destructor
/// removes the directory and everything in it, ignoring errors. Not copyable.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "thidua-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The absolute path of the directory (no trailing slash).
  const std::string& path() const { return path_; }
  /// The path of `name` inside the directory; the file is not created.
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace thidua::testsupport
