// The `thidua render` (PDF) and `thidua certificates` commands, run as a user would run them.
#include <gtest/gtest.h>

#include "generators/common/unicode.h"
#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

using test::TempDir;

std::string thidua(const std::string& args, int* status) {
  return test::run(std::string("'") + THIDUA_BINARY + "' " + args + " 2>&1", status);
}

std::string example(const std::string& path) { return "'" + test::sourceDir() + "/" + path + "'"; }

TEST(CliDocumentsTest, RendersADocumentTemplate) {
  TempDir dir;
  int status = -1;
  const std::string out = dir.file("kh.pdf");
  thidua("render " + example("templates/documents/ke-hoach-xa-hoi-hoc-tap.md") + " --data " +
             example("examples/documents/ke-hoach-xa-hoi-hoc-tap.json") + " --out '" + out + "'",
         &status);
  ASSERT_EQ(status, 0);
  EXPECT_NE(test::pdfText(out).find("Số: 298/KH-UBND"), std::string::npos);
}

TEST(CliDocumentsTest, BadDataExitsOneNamingFileAndField) {
  TempDir dir;
  test::writeFile(dir.file("d.json"), R"({"id": "x", "issuer": "SỞ NỘI VỤ"})");
  int status = -1;
  const std::string err = thidua("render " + example("templates/documents/to-trinh-de-nghi-khen-thuong.md") +
                                     " --data '" + dir.file("d.json") + "' --out '" + dir.file("x.pdf") + "'",
                                 &status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(err.find(dir.file("d.json")), std::string::npos) << err;
  EXPECT_NE(err.find("thiếu trường bắt buộc \"number\""), std::string::npos) << err;
}

TEST(CliDocumentsTest, BadTemplateExitsOneNamingFileAndLine) {
  TempDir dir;
  test::writeFile(dir.file("mau.md"), "Một\n\nHai {{#ds}}\n");
  int status = -1;
  const std::string err = thidua("render '" + dir.file("mau.md") + "' --data " +
                                     example("examples/documents/to-trinh-de-nghi-khen-thuong.json") + " --out '" +
                                     dir.file("x.pdf") + "'",
                                 &status);
  EXPECT_EQ(status, 1);
  EXPECT_NE(err.find(dir.file("mau.md") + ":3:5"), std::string::npos) << err;
}

TEST(CliDocumentsTest, CertificatesAsPdfAndZip) {
  TempDir dir;
  int status = -1;
  thidua("certificates " + example("templates/certificates/giay-khen.json") + " --data " +
             example("examples/documents/giay-khen.json") + " --out '" + dir.file("gk.pdf") + "'",
         &status);
  ASSERT_EQ(status, 0);
  EXPECT_NE(test::pdfText(dir.file("gk.pdf")).find("Bà Phạm Ngọc Quyên"), std::string::npos);
  thidua("certificates " + example("templates/certificates/giay-khen.json") + " --data " +
             example("examples/documents/giay-khen.json") + " --out '" + dir.file("gk.zip") + "'",
         &status);
  ASSERT_EQ(status, 0);
  const std::string list = test::run("/usr/bin/python3 -m zipfile -l '" + dir.file("gk.zip") + "'");
  EXPECT_NE(list.find("0001-ba-pham-ngoc-quyen.pdf"), std::string::npos) << list;
  EXPECT_NE(list.find("0002-truong-tieu-hoc-minh-hung.pdf"), std::string::npos) << list;
}

TEST(CliDocumentsTest, AFailedCommandLeavesNoFileAndKeepsTheOldOne) {
  TempDir dir;
  test::writeFile(dir.file("ds.json"), R"({"items": [{"name": "Nguyễn Văn An"}]})");  // lacks required fields
  test::writeFile(dir.file("cu.zip"), "tệp cũ");
  for (const char* out : {"cu.zip", "moi.zip", "moi.pdf"}) {
    int status = -1;
    const std::string err = thidua("certificates " + example("templates/certificates/giay-khen.json") + " --data '" +
                                       dir.file("ds.json") + "' --out '" + dir.file(out) + "'",
                                   &status);
    EXPECT_EQ(status, 1) << err;
    EXPECT_NE(err.find("mục 1 thiếu trường bắt buộc"), std::string::npos) << err;
  }
  EXPECT_EQ(test::readFile(dir.file("cu.zip")), "tệp cũ");
  const std::string files = test::run("ls -A '" + dir.path() + "'");
  EXPECT_EQ(files, "cu.zip\nds.json\n") << files;
}

TEST(CliDocumentsTest, MissingArgumentsIsAUsageError) {
  int status = -1;
  const std::string err = thidua("certificates only-a-template.json", &status);
  EXPECT_EQ(status, 2);
  EXPECT_NE(err.find("Cách dùng"), std::string::npos) << err;
}

}  // namespace
}  // namespace thidua::pdf
