#include "generators/xlsx/award_list.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "generators/xlsx/award_list_data.h"
#include "generators/xlsx/json_fields.h"
#include "generators/xlsx/workbook_reader.h"
#include "tests/xlsx/test_support.h"

namespace thidua::xlsx {
namespace {

using testing::readFile;
using testing::sourcePath;

AwardListLayout shippedLayout() {
  std::string path = sourcePath("templates/forms/danh-sach-khen-thuong.json");
  return parseAwardListLayout(json::readFile(path), path);
}

long render(const std::string& data, const std::string& out) {
  std::istringstream in(data);
  return renderAwardList(shippedLayout(), in, "data.json", out);
}

std::string generated(int n) {
  std::ostringstream s;
  s << R"({"created": "2025-12-15", "superior": "ỦY BAN NHÂN DÂN", "issuer": "TỈNH BÌNH PHƯỚC",)"
    << R"("decision": {"number": "1000/QĐ-UBND", "date": "15/12/2025"}, "rows": [)";
  for (int i = 0; i < n; ++i) {
    s << (i ? "," : "") << R"({"name": "Nguyễn Văn )" << i << R"(", "position": "Giáo viên", )"
      << R"("unit": "Trường Tiểu học Tân Phú", "award": "Giấy khen"})";
  }
  s << "]}";
  return s.str();
}

std::string errorOf(const std::string& data) {
  testing::TempDir dir;
  try {
    render(data, dir.file("x.xlsx"));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(AwardList, ExampleReadsBackInOpenpyxl) {
  testing::TempDir dir;
  const std::string dataPath = sourcePath("examples/forms/danh-sach-khen-thuong.json");
  std::ifstream in(dataPath);
  ASSERT_EQ(renderAwardList(shippedLayout(), in, dataPath, dir.file("list.xlsx")), 12);

  auto data = json::parseObject(json::readFile(dataPath), dataPath);
  auto rows = data->getArray("rows");
  Poco::JSON::Object e;
  e.set("sheet", "Danh sách");
  Poco::JSON::Array texts;
  auto text = [&](int r, int c, const std::string& t) {
    Poco::JSON::Array a;
    a.add(r);
    a.add(c);
    a.add(t);
    texts.add(a);
  };
  text(0, 0, "ỦY BAN NHÂN DÂN");
  text(0, 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  text(1, 0, "TỈNH BÌNH PHƯỚC");
  text(1, 3, "Độc lập - Tự do - Hạnh phúc");
  text(3, 0, data->getValue<std::string>("title"));
  text(5, 0, "(Kèm theo Quyết định số 1000/QĐ-UBND ngày 15/12/2025 của Chủ tịch Ủy ban nhân dân tỉnh Bình Phước)");
  e.set("texts", texts);
  e.set("header_row", 7);
  Poco::JSON::Array headers;
  for (const char* h : {"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Ghi chú"}) headers.add(h);
  e.set("headers", headers);
  e.set("count", 12);
  Poco::JSON::Array samples;
  for (int i : {0, 1, 11}) {
    auto r = rows->getObject(static_cast<unsigned>(i));
    Poco::JSON::Array row;
    row.add(i + 1);
    for (const char* k : {"name", "position", "unit", "award"}) row.add(r->getValue<std::string>(k));
    if (r->has("note")) {
      row.add(r->getValue<std::string>("note"));
    } else {
      row.add(Poco::Dynamic::Var());
    }
    Poco::JSON::Array sample;
    sample.add(i);
    sample.add(row);
    samples.add(sample);
  }
  e.set("samples", samples);
  Poco::JSON::Array widths;
  for (const auto& c : shippedLayout().columns) widths.add(c.width);
  e.set("widths", widths);
  e.set("created", "2025-12-15T00:00:00");
  std::ostringstream s;
  e.stringify(s);
  testing::writeFile(dir.file("expect.json"), s.str());
  std::string output;
  int rc = testing::runPython("xlsx_check.py", "list " + testing::shellQuote(dir.file("list.xlsx")) + " " +
                                                   testing::shellQuote(dir.file("expect.json")),
                              output);
  EXPECT_EQ(rc, 0) << output;
}

TEST(AwardList, ThousandsOfRowsDeterministic) {
  testing::TempDir dir;
  const std::string data = generated(3000);
  EXPECT_EQ(render(data, dir.file("a.xlsx")), 3000);
  EXPECT_EQ(render(data, dir.file("b.xlsx")), 3000);
  EXPECT_EQ(readFile(dir.file("a.xlsx")), readFile(dir.file("b.xlsx")));
}

TEST(AwardList, ReadsBackWithTheProjectsReader) {
  testing::TempDir dir;
  ASSERT_EQ(render(generated(3000), dir.file("list.xlsx")), 3000);
  WorkbookReader wb(dir.file("list.xlsx"));
  const SheetInfo* sheet = wb.findSheet("Danh sách");
  ASSERT_NE(sheet, nullptr);
  long rows = 0;
  std::string header, lastName, lastStt, annex;
  wb.readSheet(*sheet, [&](int row, int col, const RawCell& c) {
    // No subtitle in this data: title on row 4, annex line on row 5, column headers on row 7.
    if (row == 4 && col == 0) annex = c.value;
    if (row == 6 && col == 1) header = c.value;
    if (row > 6 && col == 0) {
      ++rows;
      lastStt = c.value;
    }
    if (row > 6 && col == 1) lastName = c.value;
  });
  EXPECT_EQ(annex, "(Kèm theo Quyết định số 1000/QĐ-UBND ngày 15/12/2025)");
  EXPECT_EQ(header, "Họ và tên");
  EXPECT_EQ(rows, 3000);
  EXPECT_EQ(lastStt, "3000");
  EXPECT_EQ(lastName, "Nguyễn Văn 2999");
}

TEST(AwardList, DecomposedInputGivesTheSameFile) {
  testing::TempDir dir;
  const std::string head = R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
                             "date": "2025-12-15"}, "rows": [{"name": ")";
  // "Nguyễn Thị Hạnh" precomposed, and with combining marks.
  render(head + "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xe1\xba\xa1nh\"}]}", dir.file("nfc.xlsx"));
  render(head + "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ha\xcc\xa3nh\"}]}", dir.file("nfd.xlsx"));
  EXPECT_EQ(readFile(dir.file("nfc.xlsx")), readFile(dir.file("nfd.xlsx")));
}

TEST(AwardList, BadDataNamesTheField) {
  EXPECT_NE(errorOf(R"({"created": "2025-12-15", "rows": [{"name": "A"}]})").find("issuer: thiếu trường bắt buộc"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
                       "date": "32/13/2025"}, "rows": []})")
                .find("decision.date"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"created": "2025-12-15", "rows": [)").find("data.json: JSON không hợp lệ"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"created": true})").find("created"), std::string::npos);
}

TEST(AwardList, BadCellNamesRowAndColumn) {
  testing::TempDir dir;
  std::string path = sourcePath("templates/forms/danh-sach-khen-thuong.json");
  std::string text = json::readFile(path);
  // A layout with a date column, and a data file whose second row has a bad date.
  text.replace(text.find("{\"field\": \"note\""), 0, "{\"field\": \"date\", \"header\": \"Ngày\", \"type\": \"date\"}, ");
  AwardListLayout layout = parseAwardListLayout(text, path);
  std::istringstream in(R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
                             "date": "2025-12-15"}, "rows": [{"name": "A", "date": "2025-01-01"},
                             {"name": "B", "date": "2025-13-01"}]})");
  try {
    renderAwardList(layout, in, "data.json", dir.file("x.xlsx"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("data.json: rows[1]: dòng 2, cột \"Ngày\": ngày không hợp lệ"),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(std::ifstream(dir.file("x.xlsx")).good());
}

TEST(AwardList, FailedRenderLeavesNoFile) {
  testing::TempDir dir;
  std::istringstream in(R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
                             "date": "2025-12-15"}, "rows": [{"name": "A"}, {"name": true}]})");
  EXPECT_THROW(renderAwardList(shippedLayout(), in, "data.json", dir.file("x.xlsx")), std::invalid_argument);
  EXPECT_FALSE(std::ifstream(dir.file("x.xlsx")).good());
}

}  // namespace
}  // namespace thidua::xlsx
