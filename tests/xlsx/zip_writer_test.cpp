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
  std::string patched = content;
  patched.replace(3, 4, "done");
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
