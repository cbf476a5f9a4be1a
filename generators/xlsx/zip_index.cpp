#include "generators/xlsx/zip_index.h"

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <zlib.h>

#include <algorithm>
#include <stdexcept>

namespace thidua::xlsx {

std::vector<ZipEntryData> indexZip(const std::string& archive) {
  // Poco::Zip reads the local and central headers; the entries come back in archive order.
  std::vector<std::pair<std::streamoff, ZipEntryData>> found;
  try {
    Poco::MemoryInputStream in(archive.data(), archive.size());
    const Poco::Zip::ZipArchive zip(in);
    for (auto it = zip.headerBegin(); it != zip.headerEnd(); ++it) {
      const Poco::Zip::ZipLocalFileHeader& h = it->second;
      ZipEntryData e;
      e.name = h.getFileName();
      if (h.isEncrypted() || (h.getCompressionMethod() != Poco::Zip::ZipCommon::CM_STORE &&
                              h.getCompressionMethod() != Poco::Zip::ZipCommon::CM_DEFLATE)) {
        throw std::runtime_error("mục ZIP không hỗ trợ: " + e.name);
      }
      e.method = h.getCompressionMethod() == Poco::Zip::ZipCommon::CM_STORE ? 0 : 8;
      e.crc = h.getCRC();
      e.compressedSize = h.getCompressedSize();
      e.size = h.getUncompressedSize();
      const auto start = static_cast<size_t>(h.getDataStartPos());
      if (start > archive.size() || e.compressedSize > archive.size() - start) {
        throw std::runtime_error("mục ZIP bị cắt cụt: " + e.name);
      }
      e.data = archive.data() + start;
      found.emplace_back(h.getStartPos(), std::move(e));
    }
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("không phải tệp ZIP (" + e.displayText() + ")");
  }
  // Poco reads what looks like local headers and stops at anything else, so garbage gives no entries.
  if (found.empty()) throw std::runtime_error("không phải tệp ZIP hoặc ZIP không có mục nào");
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ZipEntryData> entries;
  entries.reserve(found.size());
  for (auto& f : found) entries.push_back(std::move(f.second));
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
