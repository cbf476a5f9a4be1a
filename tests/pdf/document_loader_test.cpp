// Template + data -> Document: metadata, body blocks, annex, and errors that name the file:line or field.
#include "generators/pdf/document_loader.h"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include "generators/pdf/json_data.h"
#include "generators/pdf/render_error.h"
#include "tests/pdf/pdf_test_support.h"

namespace thidua::pdf {
namespace {

using test::TempDir;

const std::string kData = R"({
  "id": "x", "superior": "UBND TỈNH BÌNH PHƯỚC", "issuer": "SỞ NỘI VỤ", "number": "5/TTr-SNV",
  "place": "Bình Phước", "date": "2025-03-09", "type": "TỜ TRÌNH", "summary": "Đề nghị khen thưởng",
  "recipients": ["Như trên"], "archive": "VT",
  "signature": {"prefix": "KT.", "authority": "GIÁM ĐỐC", "position": "PHÓ GIÁM ĐỐC", "name": "Lê Văn Tám"},
  "people": [{"name": "A*b|c"}, {"name": "Đinh Thị Hoa"}]
})";

Document build(TempDir& dir, const std::string& markdown, const std::string& data = kData) {
  const std::string path = dir.file("mau.md");
  test::writeFile(path, markdown);
  return buildDocument(path, parseJson(data, "du-lieu.json"), "du-lieu.json");
}

std::string errorOf(TempDir& dir, const std::string& markdown, const std::string& data = kData) {
  try {
    build(dir, markdown, data);
  } catch (const RenderError& e) {
    return e.what();
  }
  return "";
}

std::string withField(std::string data, const std::string& field, const std::string& value) {
  const size_t at = data.find("\"" + field + "\":");
  const size_t start = data.find(':', at) + 1;
  size_t end = data.find_first_of(",}", start);
  if (data[start + 1] == '"') end = data.find('"', start + 2) + 1;
  return data.replace(start, end - start, " " + value);
}

TEST(DocumentLoaderTest, MetadataComesFromTheData) {
  TempDir dir;
  const Document doc = build(dir, "Nội dung.\n");
  EXPECT_EQ(doc.meta.number, "05/TTr-SNV");
  EXPECT_EQ(doc.meta.placeDate, "Bình Phước, ngày 09 tháng 3 năm 2025");
  EXPECT_EQ(doc.meta.superior, std::vector<std::string>{"UBND TỈNH BÌNH PHƯỚC"});
  EXPECT_EQ(doc.meta.signature.prefix, "KT.");
  EXPECT_EQ(doc.meta.pdfDate, "D:20250309000000Z");
}

TEST(DocumentLoaderTest, LoopsEscapeDataAndSplitTheAnnex) {
  TempDir dir;
  const Document doc = build(dir,
                             "{{#people}}\n- {{name}}\n{{/people}}\n\n%%% PHỤ LỤC\n| STT | Tên |\n|---|---|\n"
                             "{{#people}}\n| 1 | {{name}} |\n{{/people}}\n");
  ASSERT_EQ(doc.body.size(), 2u);
  EXPECT_EQ(doc.body[0].kind, BlockKind::ListItem);
  EXPECT_EQ(doc.body[0].runs.at(0).text, "A*b|c");
  ASSERT_EQ(doc.annex.size(), 1u);
  ASSERT_EQ(doc.annex[0].kind, BlockKind::Table);
  EXPECT_EQ(doc.annex[0].table.rows.size(), 3u);
  EXPECT_EQ(doc.annex[0].table.rows[1][1].runs.at(0).text, "A*b|c");
}

TEST(DocumentLoaderTest, TemplateErrorsNameFileLineAndColumn) {
  TempDir dir;
  const std::string e = errorOf(dir, "Dòng một.\n\nDòng ba {{#people}} chưa đóng.\n");
  EXPECT_NE(e.find("mau.md:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("people"), std::string::npos) << e;
  const std::string e2 = errorOf(dir, "Một\nHai {{/x}}\n");
  EXPECT_NE(e2.find("mau.md:2:5"), std::string::npos) << e2;
  const std::string e3 = errorOf(dir, "Một\nHai\nBa {{ten\n");
  EXPECT_NE(e3.find("mau.md:3:4"), std::string::npos) << e3;
}

TEST(DocumentLoaderTest, DataErrorsNameTheFileAndField) {
  TempDir dir;
  std::string data = kData;
  data.replace(data.find("\"number\""), 8, "\"numero\"");
  std::string e = errorOf(dir, "x\n", data);
  EXPECT_NE(e.find("du-lieu.json"), std::string::npos) << e;
  EXPECT_NE(e.find("\"number\""), std::string::npos) << e;
  e = errorOf(dir, "x\n", withField(kData, "date", "\"31/02/2025\""));
  EXPECT_NE(e.find("\"date\""), std::string::npos) << e;
  e = errorOf(dir, "x\n", withField(kData, "prefix", "\"PT.\""));
  EXPECT_NE(e.find("prefix"), std::string::npos) << e;
  e = errorOf(dir, "x\n", kData.substr(0, kData.rfind('}')) + R"(, "page": {"margin_left": 10}})");
  EXPECT_NE(e.find("page.margin_left"), std::string::npos) << e;
  e = errorOf(dir, "x\n", "{\"id\": ");
  EXPECT_NE(e.find("du-lieu.json: JSON không hợp lệ"), std::string::npos) << e;
}

TEST(DocumentLoaderTest, InvalidUtf8InADataStringNamesTheField) {
  Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
  object->set("name", std::string("Nguy\xE1\xBB n"));  // a truncated 3-byte sequence
  object->set("ok", std::string("Nguye\xCC\x82\xCC\x83n"));
  JsonReader fields = readFields(object, "d.json");
  EXPECT_EQ(fields.text("ok"), "Nguyễn");
  try {
    fields.text("name");
    FAIL() << "invalid UTF-8 accepted";
  } catch (const RenderError& e) {
    EXPECT_EQ(std::string(e.what()), "d.json: trường \"name\" không phải văn bản UTF-8 hợp lệ");
  }
}

TEST(DocumentLoaderTest, MissingTemplateFileIsNamed) {
  try {
    buildDocument("/nonexistent/mau.md", parseJson(kData, "d.json"), "d.json");
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/mau.md"), std::string::npos);
  }
}

}  // namespace
}  // namespace thidua::pdf
