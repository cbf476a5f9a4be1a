#pragma once
// Writes a ZIP archive (the container of an XLSX file) to a file: entries copied as already-compressed
// bytes, entries deflated from memory, and one entry at a time streamed in pieces whose local header is
// patched once its sizes and CRC are known (no data descriptors). Every entry carries the same fixed
// timestamp (1980-01-01 00:00), so the same entries give the same bytes. No ZIP64: an archive that
// would need it (an entry or offset of 4 GiB or more, 65,535 entries or more) is refused.

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace thidua::xlsx {

/// One entry's stored form: `method` 0 (stored) or 8 (deflate), `data` its compressed bytes.
struct ZipEntryData {
  std::string name;
  uint16_t method = 8;
  uint32_t crc = 0;
  uint64_t compressedSize = 0;
  uint64_t size = 0;
  const char* data = nullptr;
};

class ZipWriter {
 public:
  /// The most entries an archive may have: 0xFFFF in the end record would mean ZIP64.
  static constexpr size_t kMaxEntries = 0xFFFE;

  /// Creates (truncates) `path`. Throws std::runtime_error if it cannot be opened.
  explicit ZipWriter(const std::string& path);
  /// Closes the file if finish() was not reached (the file is then incomplete; the caller removes it).
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  /// Adds an entry whose compressed bytes are given (copied unchanged). Throws std::runtime_error, before
  /// writing anything, if the entry would be the (kMaxEntries + 1)th, its name is longer than 65,535
  /// bytes, or a size is 4 GiB or more.
  void addCompressed(const ZipEntryData& entry);

  /// Adds `content` deflated at zlib's default level. Throws std::runtime_error.
  void addDeflated(const std::string& name, const std::string& content);

  /// Starts a deflated entry written in pieces by write(). Only one streamed entry at a time, and no
  /// other entry until endEntry(). Throws std::runtime_error (before writing anything on the entry
  /// count or name length, as addCompressed).
  void beginEntry(const std::string& name);
  /// Appends compressed bytes to the streamed entry. Throws std::runtime_error on a write error.
  void write(const char* data, size_t size);
  /// Overwrites `size` bytes of the streamed entry's compressed data at `offset` from its start (for a
  /// stored deflate block whose content is completed at the end). Throws std::runtime_error.
  void patch(uint64_t offset, const char* data, size_t size);
  /// Ends the streamed entry: `crc` and `size` describe its uncompressed content. Throws
  /// std::runtime_error (also when the entry reached 4 GiB).
  void endEntry(uint32_t crc, uint64_t size);

  /// Writes the central directory and closes the file. Throws std::runtime_error.
  void finish();

 private:
  struct Record {
    std::string name;
    uint16_t method;
    uint32_t crc;
    uint32_t compressedSize;
    uint32_t size;
    uint32_t offset;
  };
  void writeLocalHeader(const Record& r);
  void put(const void* data, size_t size);
  uint32_t offset32() const;

  std::string path_;
  std::FILE* file_ = nullptr;
  uint64_t position_ = 0;
  std::vector<Record> records_;
  bool streaming_ = false;
  uint64_t streamStart_ = 0;  // where the streamed entry's data begins
};

}  // namespace thidua::xlsx
