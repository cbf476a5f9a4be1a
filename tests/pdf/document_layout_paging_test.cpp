// Page breaking of the document layout: long tables repeat their header, long words are cut, headings are
// kept with what follows, and nothing leaves the margins.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "generators/pdf/document_layout.h"
#include "generators/pdf/document_loader.h"
#include "generators/pdf/json_data.h"
#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

using test::TempDir;

const char* kData = R"({
  "id": "test-1", "issuer": "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP", "number": "7/KH-UBND", "place": "Tân Lập",
  "date": "2024-02-03", "type": "KẾ HOẠCH", "summary": "Thử phân trang",
  "recipients": ["UBND huyện"], "archive": "VT",
  "signature": {"prefix": "TM.", "authority": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Phạm Thị Lan"}
})";

std::string render(TempDir& dir, const std::string& markdown, const std::string& data = kData) {
  const std::string path = dir.file("t.md");
  test::writeFile(path, markdown);
  const std::string pdf = dir.file("t.pdf");
  test::writeFile(pdf, renderDocument(buildDocument(path, parseJson(data, "data.json"), "data.json")));
  return pdf;
}

constexpr double kLeft = 30 * 72 / 25.4, kRight = kA4Width - 15 * 72 / 25.4;
constexpr double kTop = 20 * 72 / 25.4, kBottom = kA4Height - 20 * 72 / 25.4;

void expectInsideMargins(const std::vector<test::WordBox>& words) {
  for (const auto& w : words) {
    if (w.yMax < kTop && w.page >= 2) continue;  // the page number
    EXPECT_GE(w.xMin, kLeft - 0.5) << w.text;
    EXPECT_LE(w.xMax, kRight + 0.5) << w.text;
    EXPECT_GE(w.yMin, kTop - 0.5) << w.text;
    EXPECT_LE(w.yMax, kBottom + 0.5) << w.text;
  }
}

TEST(DocumentLayoutPagingTest, LongTableRepeatsItsHeaderOnEveryPage) {
  TempDir dir;
  std::string md = "Danh sách:\n\n| STT | Họ và tên | Đơn vị công tác |\n|:---:|---|---|\n";
  for (int i = 1; i <= 120; ++i) {
    md += "| " + std::to_string(i) + " | Nguyễn Văn Hùng " + std::to_string(i) +
          " | Trường Trung học cơ sở Thống Nhất, xã Thống Nhất, huyện Bù Đăng |\n";
  }
  const std::string pdf = render(dir, md);
  const auto words = test::pdfWords(pdf);
  int pages = 0;
  for (const auto& w : words) pages = std::max(pages, w.page);
  ASSERT_GE(pages, 3);
  std::map<int, int> headers;
  for (const auto& w : words) {
    if (w.text == "STT") headers[w.page]++;
  }
  for (int p = 1; p <= pages; ++p) {
    const std::string text = test::pdfText(pdf, p, p);
    if (text.find("Nguyễn Văn Hùng") == std::string::npos) continue;  // the signature page
    EXPECT_EQ(headers[p], 1) << "page " << p;
    EXPECT_NE(text.find("Họ và tên"), std::string::npos) << "page " << p;
  }
  const std::string all = test::pdfText(pdf);
  for (int i : {1, 57, 120}) {
    EXPECT_NE(all.find("Nguyễn Văn Hùng " + std::to_string(i) + " "), std::string::npos) << i;
  }
  expectInsideMargins(words);
}

TEST(DocumentLayoutPagingTest, LongWordsAreCutInsideTheMargins) {
  TempDir dir;
  std::string longWord;
  for (int i = 0; i < 120; ++i) longWord += "Ượ";
  std::string md = "Mở đầu " + longWord + " kết thúc.\n\n| A | B |\n|---|---|\n| " + longWord + " | x |\n";
  const auto words = test::pdfWords(render(dir, md));
  expectInsideMargins(words);
  std::string joined;
  for (const auto& w : words) {
    if (w.text.find("Ượ") != std::string::npos) joined += w.text;
  }
  EXPECT_EQ(joined, longWord + longWord);
}

TEST(DocumentLayoutPagingTest, HeadingsAreNeverStrandedAtTheFootOfAPage) {
  // Shift a heading through every position near the page foot: it must always have body text below it
  // on its own page.
  for (int filler = 20; filler <= 34; ++filler) {
    TempDir dir;
    std::string md;
    for (int i = 0; i < filler; ++i) md += "Đoạn văn thứ " + std::to_string(i + 1) + " để lấp đầy trang.\n\n";
    md += "## II. ĐẦUMỤCKIỂMTRA\n\n### 1. Mụcconkiểmtra\n\n";
    md += "Nội dung ngay sau đầu mục có hai dòng trở lên để bảo đảm đầu mục luôn đi cùng với phần văn bản "
          "phía sau nó, không bị bỏ lại một mình ở cuối trang.\n";
    const auto words = test::pdfWords(render(dir, md));
    const auto heading = std::find_if(words.begin(), words.end(),
                                      [](const test::WordBox& w) { return w.text == "ĐẦUMỤCKIỂMTRA"; });
    ASSERT_NE(heading, words.end());
    const bool textBelow = std::any_of(words.begin(), words.end(), [&](const test::WordBox& w) {
      return w.page == heading->page && w.text == "Nội" && w.yMin > heading->yMax;
    });
    EXPECT_TRUE(textBelow) << "filler " << filler << ": heading stranded on page " << heading->page;
  }
}

TEST(DocumentLayoutPagingTest, TheSignaturePageAlwaysCarriesText) {
  // Shift the end of the body through the page foot: the closing paragraph always shares its page with
  // the Nơi nhận and signature block.
  for (int filler = 22; filler <= 36; filler += 2) {
    TempDir dir;
    std::string md;
    for (int i = 0; i < filler; ++i) md += "Đoạn văn thứ " + std::to_string(i + 1) + " để lấp đầy trang.\n\n";
    md += "Đoạn CUỐICÙNG kết thúc văn bản./.\n";
    const auto words = test::pdfWords(render(dir, md));
    int lastPage = 0, receivers = 0;
    for (const auto& w : words) {
      if (w.text == "CUỐICÙNG") lastPage = w.page;
      if (w.text == "nhận:") receivers = w.page;
    }
    EXPECT_EQ(lastPage, receivers) << "filler " << filler;
  }
}

TEST(DocumentLayoutPagingTest, MarginsAreConfigurableWithinTheDecree) {
  TempDir dir;
  std::string data = kData;
  data.insert(data.rfind('}'), R"(, "page": {"margin_left": 35, "margin_right": 20, "font_size": 13})");
  std::string md;
  for (int i = 0; i < 60; ++i) md += "Câu văn dài để kiểm tra lề trái và lề phải của trang văn bản hành chính. ";
  const auto words = test::pdfWords(render(dir, md, data));
  double minX = 1e9, maxX = 0;
  for (const auto& w : words) {
    if (w.yMax < kTop) continue;
    minX = std::min(minX, w.xMin);
    maxX = std::max(maxX, w.xMax);
  }
  EXPECT_NEAR(minX, 35 * 72 / 25.4, 0.5);
  EXPECT_NEAR(maxX, kA4Width - 20 * 72 / 25.4, 0.5);
}

}  // namespace
}  // namespace thidua::pdf
