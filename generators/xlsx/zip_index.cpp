#include "generators/xlsx/zip_index.h"

#include <zlib.h>

#include <stdexcept>

namespace thidua::xlsx {
namespace {

uint32_t at16(const std::string& s, size_t i) {
  if (i + 2 > s.size()) throw std::runtime_error("ZIP bị cắt cụt");
  return static_cast<unsigned char>(s[i]) | static_cast<unsigned char>(s[i + 1]) << 8;
}

uint32_t at32(const std::string& s, size_t i) { return at16(s, i) | at16(s, i + 2) << 16; }

}  // namespace

std::vector<ZipEntryData> indexZip(const std::string& a) {
  if (a.size() < 22) throw std::runtime_error("không phải tệp ZIP");
  size_t eocd = std::string::npos;
  for (size_t i = a.size() - 22 + 1; i-- > 0 && a.size() - i <= 22 + 0xFFFF;) {
    if (at32(a, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) throw std::runtime_error("không phải tệp ZIP");
  const uint32_t count = at16(a, eocd + 10);
  size_t p = at32(a, eocd + 16);
  std::vector<ZipEntryData> entries;
  for (uint32_t n = 0; n < count; ++n) {
    if (at32(a, p) != 0x02014b50) throw std::runtime_error("thư mục ZIP hỏng");
    ZipEntryData e;
    const uint32_t flags = at16(a, p + 8);
    e.method = static_cast<uint16_t>(at16(a, p + 10));
    e.crc = at32(a, p + 16);
    e.compressedSize = at32(a, p + 20);
    e.size = at32(a, p + 24);
    const uint32_t nameLen = at16(a, p + 28), extraLen = at16(a, p + 30), commentLen = at16(a, p + 32);
    const size_t local = at32(a, p + 42);
    if (p + 46 + nameLen > a.size()) throw std::runtime_error("thư mục ZIP hỏng");
    e.name = a.substr(p + 46, nameLen);
    if ((flags & 1) || (e.method != 0 && e.method != 8)) throw std::runtime_error("mục ZIP không hỗ trợ: " + e.name);
    if (at32(a, local) != 0x04034b50) throw std::runtime_error("mục ZIP hỏng: " + e.name);
    const size_t data = local + 30 + at16(a, local + 26) + at16(a, local + 28);
    if (data + e.compressedSize > a.size()) throw std::runtime_error("mục ZIP bị cắt cụt: " + e.name);
    e.data = a.data() + data;
    entries.push_back(std::move(e));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

std::string inflateEntry(const ZipEntryData& e) {
  std::string out;
  if (e.method == 0) {
    out.assign(e.data, e.compressedSize);
  } else {
    out.resize(e.size);
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) throw std::runtime_error("zlib: inflateInit2");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(e.data));
    z.avail_in = static_cast<uInt>(e.compressedSize);
    z.next_out = reinterpret_cast<Bytef*>(&out[0]);
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && z.total_out == e.size;
    inflateEnd(&z);
    if (!whole) throw std::runtime_error("mục ZIP hỏng: " + e.name);
  }
  if (out.size() != e.size ||
      crc32(0, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())) != e.crc) {
    throw std::runtime_error("mục ZIP sai CRC: " + e.name);
  }
  return out;
}

}  // namespace thidua::xlsx
