#pragma once
// A defensive reader of the ZIP container of an XLSX file (Poco::Zip): checks the archive against zip
// bombs before anything is inflated, and while inflating.

#include <Poco/Zip/ZipArchive.h>

#include <fstream>
#include <istream>
#include <memory>
#include <string>

#include "generators/xlsx/read_error.h"

namespace thidua::xlsx {

/// Limits applied to every archive.
struct ZipLimits {
  unsigned long long maxEntries = 10000;
  unsigned long long maxEntrySize = 256ull << 20;    // uncompressed bytes per entry
  unsigned long long maxTotalSize = 1ull << 30;      // uncompressed bytes in all entries
  unsigned long long maxRatio = 200;                 // uncompressed / compressed, for entries > 1 MiB
};

/// The uncompressed bytes of one entry. Faults while inflating end the stream (EOF) and are kept in
/// failure(): callers check it after reading, whatever the consumer concluded.
class EntryStream : public std::istream {
 public:
  EntryStream(std::unique_ptr<std::streambuf> buf);
  ~EntryStream() override;
  /// The fault that ended the stream early, or nullptr.
  const ReadFailure* failure() const;

 private:
  std::unique_ptr<std::streambuf> buf_;
};

class ZipReader {
 public:
  /// Opens the archive at `path` and checks every entry's declared sizes. Throws ReadFailure with
  /// NotZip (not a ZIP or unreadable), NotXlsx (encrypted or unsupported compression) or ZipBomb
  /// (declared sizes beyond the limits, a huge ratio, local and central sizes that disagree).
  explicit ZipReader(const std::string& path, ZipLimits limits = {});
  ~ZipReader();

  /// Returns true if the archive holds an entry named `name`.
  bool has(const std::string& name) const;

  /// Returns a stream of the uncompressed entry `name` (which must exist). The stream ends with
  /// failure() ZipBomb as soon as the data inflates beyond the declared size, and NotZip on a broken or
  /// truncated entry (bad CRC, short data). Only one entry stream may be open at a time.
  std::unique_ptr<EntryStream> open(const std::string& name);

 private:
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

}  // namespace thidua::xlsx
