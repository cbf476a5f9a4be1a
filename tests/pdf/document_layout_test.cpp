// Renders every document template in templates/documents with its example data and reads the PDF back
// with poppler-utils: text, fonts, page size, margins, page numbers, NFD input, determinism.
#include "generators/pdf/document_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "generators/common/unicode.h"
#include "generators/pdf/document_loader.h"
#include "generators/pdf/json_data.h"
#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

using test::TempDir;

struct Case {
  const char* name;  // file stem in templates/documents and examples/documents
  int minPages;
  std::vector<std::string> phrases;
};

std::vector<Case> cases() {
  const std::vector<std::string> common = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                           "Nơi nhận:"};
  std::vector<Case> list = {
      {"ke-hoach-xa-hoi-hoc-tap", 7,
       {"ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC", "Số: 298/KH-UBND", "Bình Phước, ngày 05 tháng 01 năm 2024", "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình học tập”", "VIII. CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
        "Sở Nội vụ (Ban Thi đua - Khen thưởng)", "- Lưu: VT, KGVX.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
        "Lê Thị Minh Châu"}},
      {"bao-cao-xa-hoi-hoc-tap", 2,
       {"Số: 415/BC-UBND", "Bình Phước, ngày 28 tháng 11 năm 2024", "BÁO CÁO", "Chưa đạt", "Dòng họ học tập",
        "IV. NHIỆM VỤ, GIẢI PHÁP NĂM 2025", "TM. ỦY BAN NHÂN DÂN", "Lê Thị Minh Châu"}},
      {"quyet-dinh-khen-thuong", 2,
       {"Số: 1000/QĐ-UBND", "Bình Phước, ngày 15 tháng 12 năm 2025", "QUYẾT ĐỊNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "QUYẾT ĐỊNH:", "Điều 1.", "DANH SÁCH", "Hộ ông Điểu Văn Thắm", "Trần Tuyết Minh"}},
      {"to-trinh-de-nghi-khen-thuong", 2,
       {"UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ", "Số: 245/TTr-SNV", "TỜ TRÌNH",
        "Kính gửi: Ủy ban nhân dân tỉnh Bình Phước.", "Bà Lý Thị Kim Ngân", "KT. GIÁM ĐỐC", "Nguyễn Hoài Phương"}},
  };
  for (auto& c : list) c.phrases.insert(c.phrases.end(), common.begin(), common.end());
  return list;
}

std::string templatePath(const std::string& name) {
  return test::sourceDir() + "/templates/documents/" + name + ".md";
}
std::string dataPath(const std::string& name) { return test::sourceDir() + "/examples/documents/" + name + ".json"; }

std::string renderExample(const std::string& name) {
  return renderDocument(loadDocument(templatePath(name), dataPath(name)));
}

// Margins of the example data (the defaults): top/bottom 20 mm, left 30 mm, right 15 mm.
constexpr double kLeft = 30 * 72 / 25.4, kRight = kA4Width - 15 * 72 / 25.4;
constexpr double kTop = 20 * 72 / 25.4, kBottom = kA4Height - 20 * 72 / 25.4;
constexpr double kTolerance = 0.5;

void expectLayoutRules(const std::string& pdf, int minPages) {
  double w = 0, h = 0;
  const auto words = test::pdfWords(pdf, &w, &h);
  ASSERT_FALSE(words.empty());
  EXPECT_NEAR(w, 595.276, 0.01);
  EXPECT_NEAR(h, 841.89, 0.01);
  int pages = 0;
  for (const auto& word : words) pages = std::max(pages, word.page);
  EXPECT_GE(pages, minPages);
  ASSERT_GE(pages, 2) << "every example must reach page 2 to check its page number";
  std::vector<int> numbersSeen(static_cast<size_t>(pages) + 1, 0);
  for (const auto& word : words) {
    if (word.yMax < kTop) {
      // Only the page number lives in the top margin: from page 2, centred over the text column.
      EXPECT_GE(word.page, 2) << "page 1 must have no page number, found \"" << word.text << "\"";
      EXPECT_EQ(word.text, std::to_string(word.page));
      EXPECT_NEAR((word.xMin + word.xMax) / 2, (kLeft + kRight) / 2, 1.0);
      numbersSeen[static_cast<size_t>(word.page)]++;
      continue;
    }
    EXPECT_GE(word.xMin, kLeft - kTolerance) << word.text << " on page " << word.page;
    EXPECT_LE(word.xMax, kRight + kTolerance) << word.text << " on page " << word.page;
    EXPECT_GE(word.yMin, kTop - kTolerance) << word.text << " on page " << word.page;
    EXPECT_LE(word.yMax, kBottom + kTolerance) << word.text << " on page " << word.page;
  }
  for (int p = 2; p <= pages; ++p) EXPECT_EQ(numbersSeen[static_cast<size_t>(p)], 1) << "page " << p;
}

class DocumentTemplateTest : public ::testing::TestWithParam<Case> {};

TEST_P(DocumentTemplateTest, RendersExpectedTextFontsSizeMarginsAndPageNumbers) {
  const Case& c = GetParam();
  TempDir dir;
  const std::string pdf = dir.file("out.pdf");
  test::writeFile(pdf, renderExample(c.name));
  const std::string text = test::pdfText(pdf);
  for (const auto& phrase : c.phrases) EXPECT_NE(text.find(toNfc(phrase)), std::string::npos) << phrase;
  EXPECT_TRUE(test::allFontsEmbedded(test::pdfFonts(pdf))) << test::pdfFonts(pdf);
  EXPECT_EQ(test::structureProblems(pdf), "");
  const std::string info = test::pdfInfo(pdf);
  EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("PDF version:     1.7"), std::string::npos) << info;
  expectLayoutRules(pdf, c.minPages);
}

TEST_P(DocumentTemplateTest, RenderingTwiceGivesIdenticalBytes) {
  const Case& c = GetParam();
  EXPECT_EQ(renderExample(c.name), renderExample(c.name));
}

TEST_P(DocumentTemplateTest, DecomposedInputRendersLikeComposed) {
  const Case& c = GetParam();
  TempDir dir;
  const std::string nfdTemplate = dir.file("nfd.md");
  const std::string nfdData = dir.file("nfd.json");
  test::writeFile(nfdTemplate, test::toNfd(test::readFile(templatePath(c.name))));
  test::writeFile(nfdData, test::toNfd(test::readFile(dataPath(c.name))));
  ASSERT_NE(test::readFile(nfdData), test::readFile(dataPath(c.name)));
  // The template path appears in no output, so the bytes must match exactly.
  EXPECT_EQ(renderDocument(loadDocument(nfdTemplate, nfdData)), renderExample(c.name));
}

INSTANTIATE_TEST_SUITE_P(Templates, DocumentTemplateTest, ::testing::ValuesIn(cases()),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(DocumentTemplateTest, PlanIsAboutEightPages) {
  TempDir dir;
  const std::string pdf = dir.file("plan.pdf");
  test::writeFile(pdf, renderExample("ke-hoach-xa-hoi-hoc-tap"));
  const std::string info = test::pdfInfo(pdf);
  EXPECT_TRUE(info.find("Pages:           8") != std::string::npos ||
              info.find("Pages:           7") != std::string::npos ||
              info.find("Pages:           9") != std::string::npos)
      << info;
}

}  // namespace
}  // namespace thidua::pdf
