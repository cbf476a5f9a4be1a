// The PDF file writer on its own: structure checked by qpdf --check, one cross-reference section from 0,
// layers, compression of large streams, the info dictionary, and refused input.

#include "generators/pdf/pdf_writer.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

PdfPage page(const std::string& content, std::vector<int> layers = {}) {
  PdfPage p;
  p.width = 595.276;
  p.height = 841.89;
  p.content = content;
  p.layers = std::move(layers);
  return p;
}

PdfIdentity identity() { return PdfIdentity{"UBND-BP-KH-2024-0298", "KẾ HOẠCH 298/KH-UBND", "D:20240105000000Z"}; }

std::string writeAndCheck(const test::TempDir& dir, const std::string& bytes) {
  const std::string path = dir.file("w.pdf");
  test::writeFile(path, bytes);
  EXPECT_EQ(test::structureProblems(path), "");
  return path;
}

TEST(PdfWriter, PagesLayersAndInfoAreSound) {
  test::TempDir dir;
  PdfLayer frame;
  frame.width = 595.276;
  frame.height = 841.89;
  frame.content = "1 0 0 RG 4 w 20 20 555.276 801.89 re S\n";
  std::string large;
  while (large.size() < 40000) large += "0 0 m 100 100 l S\n";  // above the compression threshold
  const std::vector<PdfPage> pages = {page("/L0 Do\n", {0}), page(large), page("/L0 Do\n0 0 m 5 5 l S\n", {0})};
  const std::string bytes = writePdf(SharedFonts{}, {frame}, pages, identity());
  const std::string path = writeAndCheck(dir, bytes);
  const std::string info = test::pdfInfo(path);
  EXPECT_NE(info.find("Pages:           3"), std::string::npos) << info;
  EXPECT_NE(info.find("Title:           KẾ HOẠCH 298/KH-UBND"), std::string::npos) << info;
  EXPECT_NE(info.find("PDF version:     1.7"), std::string::npos) << info;
  EXPECT_NE(bytes.find("/Filter /FlateDecode"), std::string::npos);
  EXPECT_NE(bytes.find("/Subtype /Form"), std::string::npos);
  EXPECT_EQ(bytes, writePdf(SharedFonts{}, {frame}, pages, identity())) << "not deterministic";
}

TEST(PdfWriter, OneCrossReferenceSectionFromZeroWithFreeEntriesChained) {
  // Font objects numbered 4..5 (as PoDoFo numbers them after its own 1..3, which are not written).
  SharedFonts fonts;
  fonts.objects.push_back(SerializedObject{4, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>\nendobj\n"});
  fonts.objects.push_back(SerializedObject{5, "5 0 obj\n[ 4 0 R ]\nendobj\n"});
  fonts.fontObject[0] = 4;
  fonts.maxNumber = 5;
  test::TempDir dir;
  PdfPage text = page("BT /TR 12 Tf 72 700 Td (Thi dua) Tj ET\n");
  text.fonts[0] = true;
  const std::string bytes = writePdf(fonts, {}, {text}, identity());
  writeAndCheck(dir, bytes);
  const size_t xref = bytes.rfind("\nxref\n");
  ASSERT_NE(xref, std::string::npos);
  // catalog 6, pages 7, info 8, page 9, content 10: size 11, one section "0 11".
  EXPECT_EQ(bytes.substr(xref, 11), "\nxref\n0 11\n");
  const std::string table = bytes.substr(xref + 11, 4 * 20);
  EXPECT_EQ(table.substr(0, 20), "0000000001 65535 f \n");
  EXPECT_EQ(table.substr(20, 20), "0000000002 00000 f \n");
  EXPECT_EQ(table.substr(40, 20), "0000000003 00000 f \n");
  EXPECT_EQ(table.substr(60, 20), "0000000000 00000 f \n");
  EXPECT_NE(test::pdfText(dir.file("w.pdf")).find("Thi dua"), std::string::npos);
}

TEST(PdfWriter, RefusesWhatWouldMakeABrokenFile) {
  EXPECT_THROW(writePdf(SharedFonts{}, {}, {}, identity()), std::invalid_argument);
  EXPECT_THROW(writePdf(SharedFonts{}, {}, {page("/L0 Do\n", {0})}, identity()), std::invalid_argument);
  for (const char* date : {"D:2025(0101000000Z", "2024-01-05", "D:20240105", "D:20240105000000+07:00"}) {
    PdfIdentity id = identity();
    id.pdfDate = date;
    EXPECT_THROW(writePdf(SharedFonts{}, {}, {page("")}, id), std::invalid_argument) << date;
  }
  PdfIdentity vietnam = identity();
  vietnam.pdfDate = "D:20240105071500+07'00'";
  test::TempDir dir;
  writeAndCheck(dir, writePdf(SharedFonts{}, {}, {page("")}, vietnam));
}

}  // namespace
}  // namespace thidua::pdf
