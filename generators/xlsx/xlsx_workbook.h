#pragma once
// RAII over a libxlsxwriter workbook written to a temporary file beside the target, renamed into place
// on commit (libxlsxwriter has no in-memory output).

#include <xlsxwriter.h>

#include <ctime>
#include <string>

namespace thidua::xlsx {

class Workbook {
 public:
  /// Opens a workbook that will become `path`. Throws std::runtime_error if it cannot be created.
  Workbook(const std::string& path, bool constantMemory);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() { return wb_; }

  /// Sets title, author and company and the creation date (never the clock: output is deterministic).
  void setProperties(const std::string& title, const std::string& company, std::time_t created);

  /// Adds a worksheet named `name`. Throws std::runtime_error on failure.
  lxw_worksheet* addSheet(const std::string& name);

  /// Closes the workbook and renames it to the target path. Throws std::runtime_error on failure.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  lxw_workbook* wb_ = nullptr;
  std::string title_, company_;
};

}  // namespace thidua::xlsx
