#include "generators/xlsx/zip_writer.h"

#include <zlib.h>

#include <stdexcept>

namespace thidua::xlsx {
namespace {

constexpr uint16_t kDosTime = 0;                          // 00:00:00
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint64_t kLimit = 0xFFFFFFFFull;

void le16(std::string& out, uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}

void le32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// The fields a local file header and a central directory record share, in the same order: version
// needed (2.0, deflate), flags (none), method, time and date (fixed), CRC-32, sizes, name and extra
// field lengths.
void appendEntryFields(std::string& out, uint16_t method, uint32_t crc, uint32_t compressedSize, uint32_t size,
                       size_t nameLength) {
  le16(out, 20);
  le16(out, 0);
  le16(out, method);
  le16(out, kDosTime);
  le16(out, kDosDate);
  le32(out, crc);
  le32(out, compressedSize);
  le32(out, size);
  le16(out, static_cast<uint16_t>(nameLength));
  le16(out, 0);
}

[[noreturn]] void tooLarge() {
  throw std::runtime_error("tệp XLSX vượt quá 4 GB (không hỗ trợ ZIP64)");
}

// Checked before a new entry writes anything: room for one more entry, and a name whose length fits.
void checkNewEntry(size_t entries, const std::string& name) {
  if (entries >= ZipWriter::kMaxEntries) {
    throw std::runtime_error("tệp XLSX có quá " + std::to_string(ZipWriter::kMaxEntries) +
                             " mục (không hỗ trợ ZIP64)");
  }
  if (name.size() > 0xFFFF) throw std::runtime_error("tên mục ZIP quá dài");
}

}  // namespace

ZipWriter::ZipWriter(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw std::runtime_error("không tạo được tệp " + path);
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 16);
}

ZipWriter::~ZipWriter() {
  if (file_) std::fclose(file_);
}

void ZipWriter::put(const void* data, size_t size) {
  if (size && std::fwrite(data, 1, size, file_) != size) throw std::runtime_error("không ghi được tệp " + path_);
  position_ += size;
}

uint32_t ZipWriter::offset32() const {
  if (position_ >= kLimit) tooLarge();
  return static_cast<uint32_t>(position_);
}

void ZipWriter::writeLocalHeader(const Record& r) {
  std::string h;
  le32(h, 0x04034b50);
  appendEntryFields(h, r.method, r.crc, r.compressedSize, r.size, r.name.size());
  h += r.name;
  put(h.data(), h.size());
}

void ZipWriter::addCompressed(const ZipEntryData& e) {
  if (streaming_) throw std::logic_error("ZipWriter: entry added while streaming");
  checkNewEntry(records_.size(), e.name);
  if (e.compressedSize >= kLimit || e.size >= kLimit) tooLarge();
  Record r{e.name, e.method, e.crc, static_cast<uint32_t>(e.compressedSize), static_cast<uint32_t>(e.size),
           offset32()};
  writeLocalHeader(r);
  put(e.data, static_cast<size_t>(e.compressedSize));
  records_.push_back(std::move(r));
}

void ZipWriter::addDeflated(const std::string& name, const std::string& content) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: deflateInit2");
  }
  std::string out(deflateBound(&z, content.size()) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  z.avail_in = static_cast<uInt>(content.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate");
  ZipEntryData e;
  e.name = name;
  e.crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                                      static_cast<uInt>(content.size())));
  e.compressedSize = out.size();
  e.size = content.size();
  e.data = out.data();
  addCompressed(e);
}

void ZipWriter::beginEntry(const std::string& name) {
  if (streaming_) throw std::logic_error("ZipWriter: nested streamed entry");
  checkNewEntry(records_.size(), name);
  Record r{name, 8, 0, 0, 0, offset32()};
  writeLocalHeader(r);
  records_.push_back(std::move(r));
  streaming_ = true;
  streamStart_ = position_;
}

void ZipWriter::write(const char* data, size_t size) {
  put(data, size);
  if (position_ - streamStart_ >= kLimit) tooLarge();
}

void ZipWriter::patch(uint64_t offset, const char* data, size_t size) {
  if (offset + size > position_ - streamStart_) throw std::logic_error("ZipWriter: patch beyond the data");
  if (std::fflush(file_) != 0 || std::fseek(file_, static_cast<long>(streamStart_ + offset), SEEK_SET) != 0 ||
      std::fwrite(data, 1, size, file_) != size || std::fseek(file_, 0, SEEK_END) != 0) {
    throw std::runtime_error("không ghi được tệp " + path_);
  }
}

void ZipWriter::endEntry(uint32_t crc, uint64_t size) {
  if (!streaming_) throw std::logic_error("ZipWriter: no streamed entry");
  const uint64_t compressed = position_ - streamStart_;
  if (compressed >= kLimit || size >= kLimit) tooLarge();
  Record& r = records_.back();
  r.crc = crc;
  r.compressedSize = static_cast<uint32_t>(compressed);
  r.size = static_cast<uint32_t>(size);
  std::string fields;
  le32(fields, r.crc);
  le32(fields, r.compressedSize);
  le32(fields, r.size);
  if (std::fflush(file_) != 0 || std::fseek(file_, static_cast<long>(r.offset + 14), SEEK_SET) != 0 ||
      std::fwrite(fields.data(), 1, fields.size(), file_) != fields.size() ||
      std::fseek(file_, 0, SEEK_END) != 0) {
    throw std::runtime_error("không ghi được tệp " + path_);
  }
  streaming_ = false;
}

void ZipWriter::finish() {
  if (streaming_) throw std::logic_error("ZipWriter: streamed entry not ended");
  const uint32_t start = offset32();
  std::string cd;
  for (const Record& r : records_) {
    le32(cd, 0x02014b50);
    le16(cd, 20);  // made by: MS-DOS attributes, version 2.0
    appendEntryFields(cd, r.method, r.crc, r.compressedSize, r.size, r.name.size());
    le16(cd, 0);  // comment
    le16(cd, 0);  // disk
    le16(cd, 0);  // internal attributes
    le32(cd, 0);  // external attributes
    le32(cd, r.offset);
    cd += r.name;
  }
  put(cd.data(), cd.size());
  if (position_ >= kLimit) tooLarge();
  std::string end;
  le32(end, 0x06054b50);
  le16(end, 0);
  le16(end, 0);
  le16(end, static_cast<uint16_t>(records_.size()));
  le16(end, static_cast<uint16_t>(records_.size()));
  le32(end, static_cast<uint32_t>(cd.size()));
  le32(end, start);
  le16(end, 0);
  put(end.data(), end.size());
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) throw std::runtime_error("không ghi được tệp " + path_);
}

}  // namespace thidua::xlsx
