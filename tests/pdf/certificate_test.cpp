// Certificates: every template in templates/certificates with its example list, a 1,000-certificate batch
// (names on every page, the QR code of a sample page decodes to its URL), the ZIP batch, errors.
#include "generators/pdf/certificate.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "generators/common/unicode.h"
#include "generators/pdf/json_data.h"
#include "generators/pdf/render_error.h"
#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

using test::TempDir;

std::string templatePath(const std::string& name) {
  return test::sourceDir() + "/templates/certificates/" + name + ".json";
}
std::string dataPath(const std::string& name) { return test::sourceDir() + "/examples/documents/" + name + ".json"; }

// The inner frame of both templates is at least 11.5 mm from the edge; text stays inside it.
constexpr double kFrame = 11.5 * 72 / 25.4;

struct Case {
  const char* name;
  std::vector<std::string> phrases;
};

class CertificateTemplateTest : public ::testing::TestWithParam<Case> {};

TEST_P(CertificateTemplateTest, RendersLandscapeA4WithEmbeddedFontsAndTheText) {
  const Case& c = GetParam();
  TempDir dir;
  const std::string pdf = dir.file("c.pdf");
  const auto tmpl = CertificateTemplate::fromFile(templatePath(c.name));
  const auto batch = loadCertificateBatch(dataPath(c.name));
  test::writeFile(pdf, renderCertificates(tmpl, batch));
  const std::string info = test::pdfInfo(pdf);
  EXPECT_NE(info.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
  EXPECT_NE(info.find("Pages:           " + std::to_string(batch.items.size())), std::string::npos) << info;
  EXPECT_TRUE(test::allFontsEmbedded(test::pdfFonts(pdf))) << test::pdfFonts(pdf);
  EXPECT_EQ(test::structureProblems(pdf), "");
  const std::string text = test::pdfText(pdf);
  for (const auto& p : c.phrases) EXPECT_NE(text.find(toNfc(p)), std::string::npos) << p;
  double w = 0, h = 0;
  for (const auto& word : test::pdfWords(pdf, &w, &h)) {
    EXPECT_GE(word.xMin, kFrame) << word.text;
    EXPECT_LE(word.xMax, w - kFrame) << word.text;
    EXPECT_GE(word.yMin, kFrame) << word.text;
    EXPECT_LE(word.yMax, h - kFrame) << word.text;
  }
  EXPECT_EQ(renderCertificates(tmpl, batch), test::readFile(pdf)) << "not deterministic";
}

INSTANTIATE_TEST_SUITE_P(
    Templates, CertificateTemplateTest,
    ::testing::Values(
        Case{"bang-khen",
             {"BẰNG KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Trung tâm Học tập cộng đồng xã Tân Lập",
              "Hộ ông Điểu Văn Thắm", "Ông Huỳnh Thanh Thảo", "Hiệu trưởng, Trường Trung học cơ sở Thống Nhất",
              "Quyết định số 1000/QĐ-UBND ngày 15/12/2025", "Bình Phước, ngày 15 tháng 12 năm 2025",
              "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Tuyết Minh"}},
        Case{"giay-khen",
             {"GIẤY KHEN", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Bà Phạm Ngọc Quyên", "Trường Tiểu học Minh Hưng",
              "Quyết định số 87/QĐ-SGDĐT ngày 20/6/2025", "Phạm Văn Đức"}}),
    [](const auto& info) {
      std::string n = info.param.name;
      std::replace(n.begin(), n.end(), '-', '_');
      return n;
    });

// 1,000 recipients with distinct Vietnamese names (10 x 10 x 10 combinations).
CertificateBatch thousand(bool decomposed = false) {
  static const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"};
  static const char* kMiddle[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"};
  static const char* kGiven[] = {"An", "Bình", "Cường", "Dũng", "Hạnh", "Hằng", "Khánh", "Lộc", "Phúc", "Yến"};
  Poco::JSON::Object::Ptr root = new Poco::JSON::Object;
  Poco::JSON::Object::Ptr common = new Poco::JSON::Object;
  common->set("issuer", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC");
  common->set("achievement", "Đã có thành tích xuất sắc trong Phong trào thi đua xây dựng xã hội học tập");
  common->set("decision", "Quyết định số 1000/QĐ-UBND ngày 15/12/2025");
  common->set("decision_no", "1000/QĐ-UBND");
  common->set("date", "15/12/2025");
  common->set("place_date", "Bình Phước, ngày 15 tháng 12 năm 2025");
  common->set("signer_title", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  common->set("signer_name", "Trần Tuyết Minh");
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (int i = 0; i < 1000; ++i) {
    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
    std::string name = std::string(kFamily[i / 100]) + " " + kMiddle[(i / 10) % 10] + " " + kGiven[i % 10];
    item->set("name", decomposed ? test::toNfd(name) : name);
    item->set("unit", "Trường Tiểu học Tân Phú, xã Tân Phú, huyện Đồng Phú");
    item->set("serial", "BK-" + std::to_string(1000 + i));
    item->set("url", "https://thidua.example.vn/xac-minh/BK-" + std::to_string(1000 + i));
    items->add(item);
  }
  root->set("common", common);
  root->set("items", items);
  std::ostringstream json;
  root->stringify(json);
  return parseCertificateBatch(json.str(), "list.json");
}

std::string nameOf(const CertificateBatch& b, size_t i) { return findField(b.items[i], "name")->string_value(); }

void setField(CertificateRecord& record, const std::string& key, const std::string& value) {
  record.emplace_back(key, kainjow::mustache::data(value));  // the last value of a key counts
}

void removeField(CertificateRecord& record, const std::string& key) {
  record.erase(std::remove_if(record.begin(), record.end(), [&](const auto& f) { return f.first == key; }),
               record.end());
}

std::string batchError(const std::string& json) {
  try {
    parseCertificateBatch(json, "l.json");
  } catch (const RenderError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CertificateBatchTest, ThousandCertificatesCarryTheirNamesAndScannableQrCodes) {
  TempDir dir;
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  const auto batch = thousand();
  const std::string pdf = dir.file("all.pdf");
  test::writeFile(pdf, renderCertificates(tmpl, batch));
  const std::string text = test::pdfText(pdf);
  std::vector<std::string> pages;
  size_t start = 0;
  while (start < text.size()) {
    size_t ff = text.find('\f', start);
    if (ff == std::string::npos) ff = text.size();
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  ASSERT_GE(pages.size(), 1000u);
  for (size_t i = 0; i < 1000; ++i) {
    EXPECT_NE(pages[i].find(" " + nameOf(batch, i) + " "), std::string::npos) << "page " << i + 1;
  }
  EXPECT_NE(test::pdfInfo(pdf).find("Pages:           1000"), std::string::npos);
  for (int page : {1, 437, 1000}) {
    const std::string png = dir.file("p" + std::to_string(page));
    test::run("pdftoppm -r 150 -png -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
              pdf + "' '" + png + "'");
    int status = -1;
    const std::string decoded = test::run("zbarimg -q --raw '" + png + ".png' 2>/dev/null", &status);
    EXPECT_EQ(status, 0);
    EXPECT_EQ(decoded, "https://thidua.example.vn/xac-minh/BK-" + std::to_string(999 + page) + "\n");
  }
}

TEST(CertificateBatchTest, LongTextsShrinkAndWrapInsideTheFrame) {
  TempDir dir;
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto batch = thousand();
  batch.items.resize(1);
  const std::string name = "Tập thể Cán bộ, giáo viên, nhân viên Trường Trung học phổ thông chuyên Quang Trung";
  std::string achievement;
  for (int i = 0; i < 12; ++i) achievement += "Đã có thành tích xuất sắc trong Phong trào thi đua xây dựng xã hội học tập. ";
  setField(batch.items[0], "name", name);
  setField(batch.items[0], "achievement", achievement);
  const std::string pdf = dir.file("long.pdf");
  test::writeFile(pdf, renderCertificates(tmpl, batch));
  EXPECT_NE(test::pdfText(pdf).find(toNfc(name)), std::string::npos);
  double w = 0, h = 0;
  for (const auto& word : test::pdfWords(pdf, &w, &h)) {
    EXPECT_GE(word.xMin, kFrame) << word.text;
    EXPECT_LE(word.xMax, w - kFrame) << word.text;
    EXPECT_LE(word.yMax, h - kFrame) << word.text;
  }
}

TEST(CertificateBatchTest, DecomposedNamesRenderLikeComposed) {
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto nfc = thousand(false);
  auto nfd = thousand(true);
  nfc.items.resize(20);
  nfd.items.resize(20);
  EXPECT_EQ(renderCertificates(tmpl, nfd), renderCertificates(tmpl, nfc));
}

TEST(CertificateBatchTest, ZipHoldsOneDeterministicPdfPerRecipient) {
  TempDir dir;
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto batch = thousand();
  batch.items.resize(5);
  auto zipOf = [&]() {
    std::ostringstream out;
    writeCertificateZip(tmpl, batch, out);
    return out.str();
  };
  const std::string zip = zipOf();
  EXPECT_EQ(zip, zipOf());
  test::writeFile(dir.file("out.zip"), zip);
  int status = -1;
  test::run("/usr/bin/python3 -m zipfile -e '" + dir.file("out.zip") + "' '" + dir.file("x") + "'", &status);
  ASSERT_EQ(status, 0);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.file("x"))) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(std::filesystem::path(files[0]).filename(), "0001-nguyen-van-an.pdf");
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string info = test::pdfInfo(files[i]);
    EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
    EXPECT_EQ(info.find("Error"), std::string::npos) << info;
    EXPECT_NE(info.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
    EXPECT_NE(test::pdfText(files[i]).find(nameOf(batch, i)), std::string::npos) << files[i];
    EXPECT_TRUE(test::allFontsEmbedded(test::pdfFonts(files[i])));
    EXPECT_EQ(test::structureProblems(files[i]), "");
  }
}

TEST(CertificateBatchTest, InvisibleFormatCharactersFromWordProcessorsAreNotDrawn) {
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto batch = thousand();
  batch.items.resize(1);
  setField(batch.items[0], "name", "\xEF\xBB\xBFNguy\xE1\xBB\x85n\xE2\x80\x8B V\xC4\x83n\xC2\xAD An\xE2\x80\x8E");
  TempDir dir;
  const std::string pdf = dir.file("c.pdf");
  test::writeFile(pdf, renderCertificates(tmpl, batch));
  const std::string text = test::pdfText(pdf);
  EXPECT_NE(text.find("Nguyễn Văn An"), std::string::npos) << text;  // no hyphen, nothing invisible extracted
  for (const char* hidden : {"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x8E", "\xEF\xBB\xBF", "Văn-"}) {
    EXPECT_EQ(text.find(hidden), std::string::npos) << hidden;
  }
}

TEST(CertificateBatchTest, CharactersTheFontLacksAreNamedInsteadOfPrintedAsBoxes) {
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto batch = thousand();
  batch.items.resize(2);
  setField(batch.items[1], "name", "Nguyễn Văn An \xF0\x9F\x98\x80");  // an emoji
  try {
    renderCertificates(tmpl, batch);
    FAIL() << "rendered";
  } catch (const RenderError& e) {
    EXPECT_NE(std::string(e.what()).find("U+1F600"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Liberation Serif"), std::string::npos) << e.what();
  }
}

TEST(CertificateBatchTest, ErrorsNameTheItemAndField) {
  const auto tmpl = CertificateTemplate::fromFile(templatePath("bang-khen"));
  auto batch = thousand();
  batch.items.resize(3);
  removeField(batch.items[2], "url");
  try {
    renderCertificates(tmpl, batch);
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_STREQ(e.what(), "list.json: mục 3 thiếu trường bắt buộc \"url\"");
  }
  setField(batch.items[2], "url", "https://x.vn/ok");
  setField(batch.items[1], "url", std::string(3000, 'a'));
  try {
    renderCertificates(tmpl, batch);
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_NE(std::string(e.what()).find("list.json: mục 2: không tạo được mã QR"), std::string::npos) << e.what();
  }
  CertificateBatch empty;  // built by a caller, not parsed
  empty.source = "api";
  EXPECT_THROW(renderCertificates(tmpl, empty), RenderError);
  EXPECT_THROW(renderCertificateFiles(tmpl, empty, [](const CertificateFile&) {}), RenderError);
  try {
    CertificateTemplate(R"({"id": "x", "texts": [{"text": "{{#a}}", "y": 10}]})", "mau.json");
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_NE(std::string(e.what()).find("mau.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(":1:1"), std::string::npos) << e.what();
  }
  try {
    CertificateTemplate(R"({"id": "x", "texts": [{"text": "a", "y": 10, "size": 500}]})", "mau.json");
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_NE(std::string(e.what()).find("texts[0]"), std::string::npos) << e.what();
  }
}

TEST(CertificateBatchTest, ListsAreReadIntoRecordsAndEveryBadShapeIsNamed) {
  const CertificateBatch b = parseCertificateBatch(
      R"({"title": "ignored", "common": {"date": "15/12/2025", "count": 2.50},
          "items": [{"name": "Nguyễn Văn An", "unit": null, "awards": [{"form": "Bằng khen"}], "ok": true},
                    {"name": "Lê Thị Bình", "name": "Lê Thị Bình Minh"}]})",
      "l.json");
  ASSERT_EQ(b.items.size(), 2u);
  EXPECT_EQ(findField(b.common, "count")->string_value(), "2.50");  // numbers exactly as written
  EXPECT_EQ(findField(b.items[0], "name")->string_value(), "Nguyễn Văn An");  // NFC
  EXPECT_EQ(findField(b.items[0], "unit"), nullptr);  // null: absent
  EXPECT_TRUE(findField(b.items[0], "awards")->is_non_empty_list());
  EXPECT_TRUE(findField(b.items[0], "ok")->is_true());
  EXPECT_EQ(findField(b.items[1], "name")->string_value(), "Lê Thị Bình Minh");  // the last one counts
  EXPECT_EQ(parseCertificateBatch(R"([{"name": "A"}])", "l.json").items.size(), 1u);
  EXPECT_EQ(findField(parseCertificateBatch(R"([{"a": "x", "a": null}])", "l.json").items[0], "a"), nullptr);

  EXPECT_EQ(batchError("[]"), "l.json: danh sách khen thưởng trống");
  EXPECT_EQ(batchError(R"({"items": []})"), "l.json: danh sách khen thưởng trống");
  EXPECT_EQ(batchError(R"({"common": {}})"), "l.json: thiếu trường bắt buộc \"items\" (danh sách người được khen)");
  EXPECT_EQ(batchError(R"([{"name": "A"}, 1])"), "l.json: mục 2 phải là một đối tượng {…}");
  EXPECT_EQ(batchError(R"([{"name": "A"}, ["B"]])"), "l.json: mục 2 phải là một đối tượng {…}");
  EXPECT_EQ(batchError(R"({"items": {"name": "A"}})"), "l.json: \"items\" phải là mảng […]");
  EXPECT_EQ(batchError(R"({"items": "A"})"), "l.json: \"items\" phải là mảng […]");
  EXPECT_EQ(batchError(R"({"common": [1], "items": [{}]})"), "l.json: \"common\" phải là đối tượng {…}");
  EXPECT_EQ(batchError(R"({"common": "x", "items": [{}]})"), "l.json: \"common\" phải là đối tượng {…}");
  EXPECT_NE(batchError("\"x\"").find("l.json: danh sách phải là mảng"), std::string::npos);
  EXPECT_EQ(batchError("[{\"name\": \"A\"},{\"name\": \"\xff\"}]"),
            "l.json, mục 2, trường \"name\": văn bản không phải UTF-8 hợp lệ");
  EXPECT_EQ(batchError("{\"items\": [{}, {}], \"common\": {\"x\": [\"\xff\"]}}"),
            "l.json, \"common\", trường \"x\": văn bản không phải UTF-8 hợp lệ");
  EXPECT_EQ(batchError("[{\"\xff\": \"v\"}]"), "l.json, mục 1: tên trường không phải UTF-8 hợp lệ");
  EXPECT_EQ(parseCertificateBatch("{\"note\": \"\xff\", \"items\": [{}]}", "l.json").items.size(), 1u);  // unused
  EXPECT_EQ(findField(parseCertificateBatch("[{\"Nguye\u0302\u0303n\": \"A\"}]", "l.json").items[0], "Nguyễn")->string_value(),
            "A");  // keys in NFC, as template tags are
  EXPECT_EQ(batchError(R"({"items": [{"a": "1"}], "items": [{"b": "2"}]})"), "l.json: trường \"items\" xuất hiện hai lần");
  EXPECT_EQ(batchError(R"({"common": {}, "items": [{}], "common": {"a": "1"}})"),
            "l.json: trường \"common\" xuất hiện hai lần");
  EXPECT_EQ(batchError(R"({"x": {"items": [1]}, "items": [{}]})"), "(no error)");  // nested "items" is not the list
  const std::string broken = batchError(R"([{"name": "A"},)");
  EXPECT_EQ(broken.rfind("l.json: JSON không hợp lệ (byte ", 0), 0u) << broken;
  TempDir dir;
  for (const std::string& path : {dir.file("none.json"), dir.path()}) {  // missing; a directory
    try {
      loadCertificateBatch(path);
      ADD_FAILURE() << path;
    } catch (const RenderError& e) {
      EXPECT_EQ(std::string(e.what()).find(path + ": không"), 0u) << e.what();
      EXPECT_NE(std::string(e.what()).find("tệp dữ liệu"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace thidua::pdf
