#include "generators/xlsx/zip_reader.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipFileInfo.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>

#include <optional>

namespace thidua::xlsx {
namespace {

using Poco::Zip::ZipArchive;
using Poco::Zip::ZipCommon;

// Inflates one entry, counting bytes against the declared size.
class GuardedBuf : public std::streambuf {
 public:
  GuardedBuf(std::istream& file, const Poco::Zip::ZipLocalFileHeader& header, unsigned long long declared,
             const std::string& name)
      : declared_(declared), name_(name) {
    try {
      zip_ = std::make_unique<Poco::Zip::ZipInputStream>(file, header, true);
    } catch (const Poco::Exception& e) {
      failure_.emplace(ReadErrorCode::NotZip, "Tệp ZIP bị hỏng ở mục " + name_ + ": " + e.displayText());
    }
  }

  const ReadFailure* failure() const { return failure_ ? &*failure_ : nullptr; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (failure_ || !zip_ || done_) return traits_type::eof();
    std::streamsize n = 0;
    try {
      zip_->read(buffer_, sizeof buffer_);
      n = zip_->gcount();
      if (n == 0) {
        done_ = true;
        if (zip_->bad()) throw Poco::IOException("dữ liệu không đọc được");
        if (total_ != declared_) {
          failure_.emplace(ReadErrorCode::NotZip, "Tệp ZIP bị hỏng: mục " + name_ + " ngắn hơn kích thước khai báo");
        }
        return traits_type::eof();
      }
    } catch (const Poco::Exception& e) {
      failure_.emplace(ReadErrorCode::NotZip, "Tệp ZIP bị hỏng ở mục " + name_ + ": " + e.displayText());
      return traits_type::eof();
    } catch (const std::exception& e) {
      failure_.emplace(ReadErrorCode::NotZip, "Tệp ZIP bị hỏng ở mục " + name_ + ": " + e.what());
      return traits_type::eof();
    }
    total_ += static_cast<unsigned long long>(n);
    if (total_ > declared_) {
      failure_.emplace(ReadErrorCode::ZipBomb, "Mục " + name_ +
                                                   " giải nén ra nhiều hơn kích thước khai báo (bom nén)");
      return traits_type::eof();
    }
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::unique_ptr<Poco::Zip::ZipInputStream> zip_;
  unsigned long long declared_;
  unsigned long long total_ = 0;
  std::string name_;
  bool done_ = false;
  std::optional<ReadFailure> failure_;
  char buffer_[65536];
};

[[noreturn]] void bomb(const std::string& message) { throw ReadFailure(ReadErrorCode::ZipBomb, message); }

}  // namespace

EntryStream::EntryStream(std::unique_ptr<std::streambuf> buf) : std::istream(buf.get()), buf_(std::move(buf)) {}
EntryStream::~EntryStream() = default;
const ReadFailure* EntryStream::failure() const { return static_cast<const GuardedBuf*>(buf_.get())->failure(); }

ZipReader::ZipReader(const std::string& path, ZipLimits limits) : file_(path, std::ios::binary) {
  if (!file_) throw ReadFailure(ReadErrorCode::NotZip, "Không đọc được tệp " + path);
  char magic[4] = {0, 0, 0, 0};
  file_.read(magic, 4);
  if (file_.gcount() != 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
    throw ReadFailure(ReadErrorCode::NotZip, "Tệp không phải là tệp Excel (.xlsx): không phải tệp nén ZIP");
  }
  file_.seekg(0);
  try {
    archive_ = std::make_unique<ZipArchive>(file_);
  } catch (const Poco::Exception& e) {
    throw ReadFailure(ReadErrorCode::NotZip, "Tệp nén ZIP bị hỏng: " + e.displayText());
  } catch (const std::exception& e) {
    throw ReadFailure(ReadErrorCode::NotZip, std::string("Tệp nén ZIP bị hỏng: ") + e.what());
  }
  file_.clear();
  unsigned long long entries = 0, total = 0;
  for (auto it = archive_->fileInfoBegin(); it != archive_->fileInfoEnd(); ++it) {
    const auto& info = it->second;
    const std::string& name = it->first;
    if (++entries > limits.maxEntries) bomb("Tệp nén có quá nhiều mục (bom nén)");
    const unsigned long long size = info.getUncompressedSize();
    const unsigned long long packed = info.getCompressedSize();
    if (size > limits.maxEntrySize) bomb("Mục " + name + " khai báo " + std::to_string(size) + " byte, vượt giới hạn (bom nén)");
    total += size;
    if (total > limits.maxTotalSize) bomb("Tổng dung lượng giải nén vượt giới hạn (bom nén)");
    if (size > (1ull << 20) && size > limits.maxRatio * (packed ? packed : 1)) {
      bomb("Mục " + name + " có tỉ lệ nén " + std::to_string(size / (packed ? packed : 1)) + ":1 bất thường (bom nén)");
    }
    if (info.isEncrypted()) throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp có mục được mã hoá (" + name + "), không đọc được");
    auto method = info.getCompressionMethod();
    if (method != ZipCommon::CM_STORE && method != ZipCommon::CM_DEFLATE) {
      throw ReadFailure(ReadErrorCode::NotXlsx, "Mục " + name + " dùng phương thức nén không hỗ trợ");
    }
    auto h = archive_->findHeader(name);
    if (h == archive_->headerEnd()) throw ReadFailure(ReadErrorCode::NotZip, "Tệp nén ZIP bị hỏng: thiếu mục " + name);
    if (!h->second.searchCRCAndSizesAfterData() &&
        (h->second.getUncompressedSize() != size || h->second.getCompressedSize() != packed)) {
      bomb("Kích thước khai báo của mục " + name + " không thống nhất (bom nén)");
    }
  }
}

ZipReader::~ZipReader() = default;

bool ZipReader::has(const std::string& name) const {
  return archive_->findHeader(name) != archive_->headerEnd();
}

std::unique_ptr<EntryStream> ZipReader::open(const std::string& name) {
  auto h = archive_->findHeader(name);
  if (h == archive_->headerEnd()) throw ReadFailure(ReadErrorCode::NotXlsx, "Thiếu phần " + name);
  Poco::Zip::ZipLocalFileHeader header = h->second;
  unsigned long long declared = header.getUncompressedSize();
  for (auto it = archive_->fileInfoBegin(); it != archive_->fileInfoEnd(); ++it) {
    if (it->first == name) {
      // Streaming-mode zips (bit 3) carry sizes and CRC only in the central directory.
      header.setCRC(it->second.getCRC());
      header.setCompressedSize(it->second.getCompressedSize());
      header.setUncompressedSize(it->second.getUncompressedSize());
      header.setSearchCRCAndSizesAfterData(false);
      declared = it->second.getUncompressedSize();
      break;
    }
  }
  file_.clear();
  return std::make_unique<EntryStream>(std::make_unique<GuardedBuf>(file_, header, declared, name));
}

}  // namespace thidua::xlsx
