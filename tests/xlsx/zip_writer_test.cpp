#include "generators/xlsx/zip_writer.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "generators/xlsx/zip_index.h"
#include "tests/xlsx/test_support.h"

namespace thidua::xlsx {
namespace {

using testing::readFile;

std::string rawDeflate(const std::string& in) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, in.size()) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

uint32_t crcOf(const std::string& s) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

// Writes: a deflated entry, a streamed entry patched after the fact, a copied entry.
void writeSample(const std::string& path, const std::string& copiedFrom) {
  ZipWriter zip(path);
  zip.addDeflated("[Content_Types].xml", "<Types/>");
  const std::string content = "<a>XXXX</a><b>" + std::string(5000, 'b') + "</b>";
  const std::string compressed = rawDeflate(content);
  zip.beginEntry("xl/worksheets/sheet1.xml");
  zip.write(compressed.data(), 10);
  zip.write(compressed.data() + 10, compressed.size() - 10);
  zip.endEntry(crcOf(content), content.size());
  if (!copiedFrom.empty()) {
    for (const ZipEntryData& e : indexZip(copiedFrom)) {
      if (e.name == "[Content_Types].xml") {
        ZipEntryData copy = e;
        copy.name = "copy.xml";
        zip.addCompressed(copy);
      }
    }
  }
  zip.finish();
}

TEST(ZipWriter, WritesAnArchiveZipfileAccepts) {
  testing::TempDir dir;
  writeSample(dir.file("a.zip"), "");
  const std::string a = readFile(dir.file("a.zip"));
  writeSample(dir.file("b.zip"), a);
  writeSample(dir.file("c.zip"), a);
  EXPECT_EQ(readFile(dir.file("b.zip")), readFile(dir.file("c.zip")));

  std::vector<ZipEntryData> entries;
  const std::string b = readFile(dir.file("b.zip"));
  entries = indexZip(b);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "[Content_Types].xml");
  EXPECT_EQ(inflateEntry(entries[0]), "<Types/>");
  EXPECT_EQ(inflateEntry(entries[1]).substr(0, 11), "<a>XXXX</a>");
  EXPECT_EQ(inflateEntry(entries[2]), "<Types/>");

  const std::string check =
      "/usr/bin/python3 -c 'import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "assert [i.filename for i in z.infolist()] == [\"[Content_Types].xml\", \"xl/worksheets/sheet1.xml\", \"copy.xml\"]\n"
      "assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())\n"
      "assert z.read(\"copy.xml\") == b\"<Types/>\"' ";
  testsupport::CommandResult r = testsupport::runCommand(check + testing::shellQuote(dir.file("b.zip")));
  EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(ZipWriter, PatchChangesStoredBytes) {
  testing::TempDir dir;
  {
    ZipWriter zip(dir.file("p.zip"));
    // A stored deflate block holding "hello", patched to "HELLO".
    const std::string block = std::string("\x01\x05\x00\xfa\xff", 5) + "hello";
    zip.beginEntry("t.txt");
    zip.write(block.data(), block.size());
    zip.patch(5, "HELLO", 5);
    zip.endEntry(crcOf("HELLO"), 5);
    zip.finish();
  }
  const std::string bytes = readFile(dir.file("p.zip"));
  std::vector<ZipEntryData> entries = indexZip(bytes);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(inflateEntry(entries[0]), "HELLO");
}

// Sizes that would need ZIP64 are refused before anything of the entry is written: the archive stays
// valid and holds only the entries added before and after. No big file is needed: the sizes are given.
TEST(ZipWriter, RefusesEntriesOf4GiBBeforeWriting) {
  testing::TempDir dir;
  {
    ZipWriter zip(dir.file("l.zip"));
    zip.addDeflated("a.xml", "<a/>");
    ZipEntryData big;
    big.name = "big.xml";
    big.method = 0;
    big.compressedSize = 0xFFFFFFFFull;
    big.size = 1;
    big.data = nullptr;  // never read: the check comes first
    try {
      zip.addCompressed(big);
      ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "tệp XLSX vượt quá 4 GB (không hỗ trợ ZIP64)");
    }
    big.compressedSize = 1;
    big.size = 0xFFFFFFFFull;
    EXPECT_THROW(zip.addCompressed(big), std::runtime_error);
    big.size = 0x100000000ull;
    EXPECT_THROW(zip.addCompressed(big), std::runtime_error);
    // A streamed entry whose content reached 4 GiB (its compressed bytes are small here).
    zip.beginEntry("s.xml");
    const std::string block = std::string("\x01\x00\x00\xff\xff", 5);
    zip.write(block.data(), block.size());
    EXPECT_THROW(zip.endEntry(0, 0xFFFFFFFFull), std::runtime_error);
  }
  {
    ZipWriter zip(dir.file("m.zip"));
    zip.addDeflated("a.xml", "<a/>");
    ZipEntryData big;
    big.name = "big.xml";
    big.compressedSize = 0xFFFFFFFFull;
    EXPECT_THROW(zip.addCompressed(big), std::runtime_error);
    big.name = std::string(0x10000, 'n');
    big.compressedSize = 0;
    EXPECT_THROW(zip.addCompressed(big), std::runtime_error);
    EXPECT_THROW(zip.beginEntry(big.name), std::runtime_error);
    zip.addDeflated("b.xml", "<b/>");
    zip.finish();
  }
  const std::string bytes = readFile(dir.file("m.zip"));
  std::vector<ZipEntryData> entries = indexZip(bytes);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].name, "a.xml");
  EXPECT_EQ(inflateEntry(entries[1]), "<b/>");
}

// At most kMaxEntries (65,534) entries: 0xFFFF in the end record would mean ZIP64. Empty stored entries
// keep this at a few MB.
TEST(ZipWriter, RefusesTooManyEntries) {
  testing::TempDir dir;
  {
    ZipWriter zip(dir.file("n.zip"));
    ZipEntryData e;
    e.method = 0;
    e.crc = 0;
    for (size_t i = 0; i < ZipWriter::kMaxEntries; ++i) {
      e.name = std::to_string(i);
      zip.addCompressed(e);
    }
    e.name = "one.too.many";
    try {
      zip.addCompressed(e);
      ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& ex) {
      EXPECT_EQ(std::string(ex.what()), "tệp XLSX có quá 65534 mục (không hỗ trợ ZIP64)");
    }
    EXPECT_THROW(zip.beginEntry("streamed"), std::runtime_error);
    zip.finish();
  }
  const std::string bytes = readFile(dir.file("n.zip"));
  std::vector<ZipEntryData> entries = indexZip(bytes);
  ASSERT_EQ(entries.size(), ZipWriter::kMaxEntries);
  EXPECT_EQ(entries.back().name, std::to_string(ZipWriter::kMaxEntries - 1));
  const std::string check =
      "/usr/bin/python3 -c 'import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert len(z.infolist()) == 65534\n"
      "assert z.read(\"65533\") == b\"\"' ";
  testsupport::CommandResult r = testsupport::runCommand(check + testing::shellQuote(dir.file("n.zip")));
  EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(ZipIndex, RejectsBrokenArchives) {
  EXPECT_THROW(indexZip("not a zip at all, not at all"), std::runtime_error);
  testing::TempDir dir;
  writeSample(dir.file("a.zip"), "");
  std::string a = readFile(dir.file("a.zip"));
  std::vector<ZipEntryData> entries = indexZip(a);
  a[static_cast<size_t>(entries[1].data - a.data()) + 20] ^= 0x55;  // corrupt the streamed entry
  EXPECT_THROW(inflateEntry(indexZip(a)[1]), std::runtime_error);
}

}  // namespace
}  // namespace thidua::xlsx
