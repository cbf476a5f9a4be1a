#include "generators/xlsx/award_list.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "generators/xlsx/award_list_data.h"
#include "generators/xlsx/json_fields.h"
#include "generators/xlsx/workbook_reader.h"
#include "generators/xlsx/zip_index.h"
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

// Adds the expectation "cell (r, c) reads `t`" for xlsx_check.py.
void addTextCell(Poco::JSON::Array& texts, int r, int c, const std::string& t) {
  Poco::JSON::Array a;
  a.add(r);
  a.add(c);
  a.add(t);
  texts.add(a);
}

TEST(AwardList, ExampleReadsBackInOpenpyxl) {
  testing::TempDir dir;
  const std::string dataPath = sourcePath("examples/forms/danh-sach-khen-thuong.json");
  std::ifstream in(dataPath);
  ASSERT_EQ(renderAwardList(shippedLayout(), in, dataPath, dir.file("list.xlsx")), 12);

  const Poco::JSON::Object::Ptr data = json::read(json::readFile(dataPath), dataPath).raw();
  auto rows = data->getArray("rows");
  Poco::JSON::Object e;
  e.set("sheet", "Danh sách");
  Poco::JSON::Array texts;
  auto text = [&](int r, int c, const std::string& t) { addTextCell(texts, r, c, t); };
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
    EXPECT_EQ(std::string(e.what()), "data.json: rows[1].date: ngày không hợp lệ \"2025-13-01\"")
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


// The eight-column list of the benchmark (with a date column), written inline so tests need no bench/.
AwardListLayout eightColumns() {
  return parseAwardListLayout(R"({"kind": "award-list", "id": "t8", "sheet": "Danh sách khen thưởng",
    "title": "DANH SÁCH KHEN THƯỞNG", "columns": [
    {"field": "stt", "header": "STT", "width": 6}, {"field": "name", "header": "Họ và tên", "width": 26},
    {"field": "position", "header": "Chức vụ", "width": 22}, {"field": "unit", "header": "Đơn vị", "width": 60},
    {"field": "award", "header": "Hình thức khen thưởng", "width": 34},
    {"field": "decision_no", "header": "Số quyết định", "width": 18},
    {"field": "date", "header": "Ngày", "width": 12, "type": "date"},
    {"field": "note", "header": "Ghi chú", "width": 20}]})",
                              "t8");
}

// Row i of the generated eight-column list: JSON values (absent note = empty) and what openpyxl reads.
struct GeneratedRow {
  std::vector<std::string> values;  // name, position, unit, award, decision_no, date, note
  Poco::JSON::Array expected;       // all eight cells as openpyxl returns them
};

GeneratedRow generatedRow(int i) {
  static const char* kPositions[] = {"Giáo viên", "Hiệu trưởng", "Tổ trưởng & <Phó> \"A\" 'B'", "Nhân viên",
                                     "Chuyên viên"};
  GeneratedRow r;
  std::string name = "Nguyễn Thị Hạnh " + std::to_string(i), shownName = name;
  if (i == 3) name = shownName = "  Lê Văn <An> & \"Bình\" > 'C'  ";
  if (i == 4) {
    name = "Tab\there\nline\x01" "ctl\rcr\x1f";
    shownName = "Tab\there\nline_x0001_ctl_x000D_cr_x001F_";  // Excel's escapes, which openpyxl keeps
  }
  char date[16], iso[32];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2024 + i % 2, 1 + (i / 28) % 12, 1 + i % 28);
  std::snprintf(iso, sizeof iso, "%sT00:00:00", date);
  r.values = {name, kPositions[i % 5], "Trường Tiểu học số " + std::to_string(i % 60) + ", xã Tân Phú, huyện Đồng Phú",
              "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", std::to_string(1000 + i) + "/QĐ-UBND", date,
              i % 7 == 0 ? "Khen đột xuất" : ""};
  r.expected.add(i + 1);
  r.expected.add(shownName);
  for (size_t k = 1; k < 5; ++k) r.expected.add(r.values[k]);
  r.expected.add(std::string(iso));
  if (r.values[6].empty()) {
    r.expected.add(Poco::Dynamic::Var());
  } else {
    r.expected.add(r.values[6]);
  }
  return r;
}

std::string generatedEight(int n) {
  Poco::JSON::Object data(Poco::JSON_PRESERVE_KEY_ORDER);
  data.set("created", "2025-12-15");
  data.set("superior", "ỦY BAN NHÂN DÂN");
  data.set("issuer", "TỈNH BÌNH PHƯỚC");
  Poco::JSON::Object decision(Poco::JSON_PRESERVE_KEY_ORDER);
  decision.set("number", "1000/QĐ-UBND");
  decision.set("date", "2025-12-15");
  data.set("decision", decision);
  Poco::JSON::Array rows;
  static const char* kKeys[] = {"name", "position", "unit", "award", "decision_no", "date", "note"};
  for (int i = 0; i < n; ++i) {
    GeneratedRow g = generatedRow(i);
    Poco::JSON::Object row(Poco::JSON_PRESERVE_KEY_ORDER);
    for (size_t k = 0; k < 7; ++k) {
      if (!g.values[k].empty()) row.set(kKeys[k], g.values[k]);
    }
    rows.add(row);
  }
  data.set("rows", rows);
  std::ostringstream s;
  data.stringify(s);
  return s.str();
}

Poco::JSON::Object::Ptr styleJson(bool wrap, const char* horizontal, const char* vertical, const char* format) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("font", "Times New Roman");
  o->set("size", 12.0);
  o->set("bold", false);
  o->set("border", "thin");
  o->set("wrap", wrap);
  o->set("horizontal", horizontal ? Poco::Dynamic::Var(std::string(horizontal)) : Poco::Dynamic::Var());
  o->set("vertical", vertical ? Poco::Dynamic::Var(std::string(vertical)) : Poco::Dynamic::Var());
  o->set("number_format", format);
  return o;
}

// What xlsx_check.py stream checks for a list with the 8-column layout, no subtitle and `count` rows.
Poco::JSON::Object eightExpectation(int count, const std::vector<int>& sampleRows) {
  Poco::JSON::Object e;
  e.set("sheet", "Danh sách khen thưởng");
  e.set("dimension", "A1:H" + std::to_string(7 + count));
  Poco::JSON::Array texts;
  auto text = [&](int r, int c, const std::string& t) { addTextCell(texts, r, c, t); };
  text(0, 0, "ỦY BAN NHÂN DÂN");
  text(0, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  text(1, 0, "TỈNH BÌNH PHƯỚC");
  text(1, 4, "Độc lập - Tự do - Hạnh phúc");
  text(3, 0, "DANH SÁCH KHEN THƯỞNG");
  text(4, 0, "(Kèm theo Quyết định số 1000/QĐ-UBND ngày 15/12/2025)");
  e.set("texts", texts);
  e.set("header_row", 6);
  Poco::JSON::Array headers;
  for (const auto& c : eightColumns().columns) headers.add(c.header);
  e.set("headers", headers);
  e.set("count", count);
  Poco::JSON::Array samples;
  for (int i : sampleRows) {
    Poco::JSON::Array sample;
    sample.add(i);
    sample.add(generatedRow(i).expected);
    samples.add(sample);
  }
  e.set("samples", samples);
  Poco::JSON::Array styles;
  styles.add(styleJson(false, "center", "center", "General"));                     // STT
  for (int c = 1; c < 6; ++c) styles.add(styleJson(true, nullptr, "center", "General"));  // texts
  styles.add(styleJson(false, "center", nullptr, "dd/mm/yyyy"));                   // date
  styles.add(styleJson(true, nullptr, "center", "General"));                       // note
  e.set("styles", styles);
  e.set("blank_style", styleJson(true, nullptr, "center", "General"));
  e.set("freeze", "A8");
  e.set("print_titles", "$7:$7");
  Poco::JSON::Array merged;
  for (const char* m : {"A1:D1", "E1:H1", "A2:D2", "E2:H2", "A4:H4", "A5:H5"}) merged.add(m);
  e.set("merged", merged);
  return e;
}

int checkStream(testing::TempDir& dir, const std::string& xlsx, const Poco::JSON::Object& expect, std::string& output) {
  std::ostringstream s;
  expect.stringify(s);
  testing::writeFile(dir.file("expect.json"), s.str());
  return testing::runPython("xlsx_check.py",
                            "stream " + testing::shellQuote(xlsx) + " " + testing::shellQuote(dir.file("expect.json")),
                            output);
}

long renderEight(const std::string& data, const std::string& out) {
  std::istringstream in(data);
  return renderAwardList(eightColumns(), in, "data.json", out);
}

// 20,000 rows make ~7 MB of sheet XML: many deflate chunks, written by several threads.
TEST(AwardList, ManyChunksReadBackCompletelyAndDeterministically) {
  testing::TempDir dir;
  const int n = 20000;
  const std::string data = generatedEight(n);
  ASSERT_EQ(renderEight(data, dir.file("a.xlsx")), n);
  ASSERT_EQ(renderEight(data, dir.file("b.xlsx")), n);
  EXPECT_EQ(readFile(dir.file("a.xlsx")), readFile(dir.file("b.xlsx")));

  std::vector<int> samples = {0, 1, 2, 3, 4, 5, 6, 7, n - 1};
  for (int i = 997; i < n; i += 997) samples.push_back(i);
  std::string output;
  EXPECT_EQ(checkStream(dir, dir.file("a.xlsx"), eightExpectation(n, samples), output), 0) << output;

  // The project's reader sees every row, in order.
  WorkbookReader wb(dir.file("a.xlsx"));
  const SheetInfo* sheet = wb.findSheet("Danh sách khen thưởng");
  ASSERT_NE(sheet, nullptr);
  long rows = 0;
  bool ordered = true;
  wb.readSheet(*sheet, [&](int row, int col, const RawCell& c) {
    if (row > 6 && col == 0) {
      ++rows;
      ordered = ordered && c.value == std::to_string(row - 6);
    }
  });
  EXPECT_EQ(rows, n);
  EXPECT_TRUE(ordered);
}

TEST(AwardList, EscapesXmlSpecialAndControlCharacters) {
  testing::TempDir dir;
  ASSERT_EQ(renderEight(generatedEight(8), dir.file("x.xlsx")), 8);
  std::string output;
  EXPECT_EQ(checkStream(dir, dir.file("x.xlsx"), eightExpectation(8, {0, 1, 2, 3, 4, 5, 6, 7}), output), 0)
      << output;
}

TEST(AwardList, EmptyListKeepsTheHeader) {
  testing::TempDir dir;
  ASSERT_EQ(renderEight(generatedEight(0), dir.file("x.xlsx")), 0);
  std::string output;
  EXPECT_EQ(checkStream(dir, dir.file("x.xlsx"), eightExpectation(0, {}), output), 0) << output;
}

TEST(AwardList, TooLongTextNamesRowAndColumn) {
  std::string data = generatedEight(2);
  const std::string name = "Nguyễn Thị Hạnh 1";
  data.replace(data.find(name), name.size(), std::string(40000, 'a'));
  try {
    testing::TempDir dir;
    renderEight(data, dir.file("x.xlsx"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "data.json: rows[1].name: văn bản dài quá 32767 ký tự")
        << e.what();
  }
}

// An error deep in a long list, with deflate chunks in flight: the exception names the row, the workers
// stop, and neither the file nor any temporary is left.
TEST(AwardList, LateErrorLeavesNoFiles) {
  testing::TempDir dir;
  std::string data = generatedEight(20000);
  const std::string name = "Nguyễn Thị Hạnh 15000\"";
  data.replace(data.find(name), name.size(), std::string(33000, 'a') + "\"");
  try {
    renderEight(data, dir.file("x.xlsx"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("rows[15000].name: văn bản dài quá"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(AwardList, NumberAndDateColumnsHoldNumbers) {
  testing::TempDir dir;
  AwardListLayout layout = parseAwardListLayout(R"({"kind": "award-list", "id": "n", "sheet": "S", "title": "T",
    "columns": [{"field": "stt", "header": "STT"}, {"field": "score", "header": "Điểm", "type": "number"},
                {"field": "day", "header": "Ngày", "type": "date"}]})",
                                                "n");
  std::istringstream in(R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
    "date": "2025-12-15"}, "rows": [{"score": "12.5", "day": "15/12/2025"}, {"score": 3, "day": "1900-01-01"},
    {"score": -0.125}]})");
  ASSERT_EQ(renderAwardList(layout, in, "data.json", dir.file("n.xlsx")), 3);
  WorkbookReader wb(dir.file("n.xlsx"));
  std::vector<std::string> cells;
  wb.readSheet(*wb.findSheet("S"), [&](int row, int col, const RawCell& c) {
    if (row > 6) cells.push_back(std::to_string(col) + c.type + (c.hasValue ? c.value : "-"));
  });
  EXPECT_EQ(cells, (std::vector<std::string>{"0n1", "1n12.5", "2n46006", "0n2", "1n3", "2n1", "0n3", "1n-0.125", "2n-"}));
}

// A row refused by addRow() is not written at all: numbering continues and its texts are not shared.
TEST(AwardList, RefusedRowLeavesNoTrace) {
  testing::TempDir dir;
  AwardListHeader h;
  h.issuer = "UBND";
  h.decisionNumber = "1/QĐ-UBND";
  h.decisionDate = "15/12/2025";
  AwardListWriter w(eightColumns(), h, dir.file("r.xlsx"));
  w.addRow({"", "A", "Giáo viên", "Trường A", "Giấy khen", "1/QĐ", "2025-12-15", ""});
  try {
    w.addRow({"", "B", "Chỉ ở dòng lỗi", "Trường A", "Giấy khen", "2/QĐ", "2025-13-15", ""});
    ADD_FAILURE() << "no error";
  } catch (const AwardListCellError& e) {
    EXPECT_EQ(std::string(e.what()), "dòng 2, cột \"Ngày\": ngày không hợp lệ \"2025-13-15\"");
    EXPECT_EQ(e.column(), 6u);
    EXPECT_EQ(e.reason(), "ngày không hợp lệ \"2025-13-15\"");
  }
  w.addRow({"", "C", "Giáo viên", "Trường A", "Giấy khen", "3/QĐ", "2025-12-15", ""});
  w.finish();
  EXPECT_EQ(w.rows(), 2);

  const std::string archive = readFile(dir.file("r.xlsx"));
  for (const ZipEntryData& e : indexZip(archive)) {
    if (e.name == "xl/sharedStrings.xml") {
      EXPECT_EQ(inflateEntry(e).find("Chỉ ở dòng lỗi"), std::string::npos);
    }
  }
  WorkbookReader wb(dir.file("r.xlsx"));
  std::vector<std::string> names;
  wb.readSheet(*wb.findSheet("Danh sách khen thưởng"), [&](int row, int col, const RawCell& c) {
    if (row > 6 && col <= 1) names.push_back(c.value);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"1", "A", "2", "C"}));
}

// The error of rendering `data` with the eight-column layout ("" if none); on an error, checks that no
// file, not even a temporary, is left behind.
std::string eightError(const std::string& data) {
  testing::TempDir dir;
  std::string what;
  try {
    renderEight(data, dir.file("x.xlsx"));
  } catch (const std::invalid_argument& e) {
    what = e.what();
  }
  if (!what.empty()) {
    EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << what;
  }
  return what;
}

const char* kEightHead = R"({"created": "2025-12-15", "issuer": "UBND", "decision": {"number": "1/QĐ-UBND",
    "date": "2025-12-15"}, )";

TEST(AwardList, NonObjectRowsAreRefused) {
  const std::string head = kEightHead;
  EXPECT_EQ(eightError(head + R"("rows": ["x", null, {"name": "A"}]})"),
            "data.json: rows[0]: mỗi dòng phải là một đối tượng {…}");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, null, {"name": "B"}]})"),
            "data.json: rows[1]: mỗi dòng phải là một đối tượng {…}");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, {"name": "B"}, 7]})"),
            "data.json: rows[2]: mỗi dòng phải là một đối tượng {…}");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, true]})"),
            "data.json: rows[1]: mỗi dòng phải là một đối tượng {…}");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, ["B"]]})"),
            "data.json: rows[1]: mỗi dòng phải là một đối tượng {…}");
  EXPECT_EQ(eightError(head + R"("rows": "A"})"), "data.json: rows: phải là một mảng […]");
  // Inside a row, null is still an empty value, and a wrong value names its field.
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A", "note": null}]})"), "");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, {"name": true}]})"),
            "data.json: rows[1].name: không được là true/false");
}

TEST(AwardList, ImpossibleDatesAreRefused) {
  const std::string head = kEightHead;
  for (const char* day : {"31/02/2025", "29/02/2025", "2025-02-29", "2025-04-31", "00/01/2025", "01/01/3000"}) {
    EXPECT_EQ(eightError(head + R"("rows": [{"name": "A", "date": "2025-01-01"}, {"name": "B", "date": ")" + day +
                         R"("}]})"),
              std::string("data.json: rows[1].date: ngày không hợp lệ \"") + day + "\"");
    std::string data = head + R"("rows": [{"name": "A"}]})";
    data.replace(data.find("2025-12-15\"}"), 10, day);
    EXPECT_EQ(eightError(data), std::string("data.json: decision.date: ngày không hợp lệ \"") + day +
                                    "\" (cần một ngày có thật, dạng YYYY-MM-DD hoặc DD/MM/YYYY)");
  }
  // A leap day that exists is accepted, in both places and both forms.
  std::string data = head + R"("rows": [{"name": "A", "date": "29/02/2024"}, {"name": "B", "date": "2000-02-29"}]})";
  data.replace(data.find("2025-12-15\"}"), 10, "29/02/2024");
  testing::TempDir dir;
  ASSERT_EQ(renderEight(data, dir.file("x.xlsx")), 2);
  WorkbookReader wb(dir.file("x.xlsx"));
  std::vector<std::string> dates;
  std::string annex;
  wb.readSheet(*wb.findSheet("Danh sách khen thưởng"), [&](int row, int col, const RawCell& c) {
    if (row == 4 && col == 0) annex = c.value;
    if (row > 6 && col == 6) dates.push_back(c.value);
  });
  EXPECT_EQ(annex, "(Kèm theo Quyết định số 1/QĐ-UBND ngày 29/02/2024)");
  EXPECT_EQ(dates, (std::vector<std::string>{"45351", "36585"}));  // Excel serials of 2024-02-29, 2000-02-29
}

TEST(AwardList, NumbersKeepEveryDigit) {
  testing::TempDir dir;
  AwardListLayout layout = parseAwardListLayout(R"({"kind": "award-list", "id": "n", "sheet": "S", "title": "T",
    "columns": [{"field": "stt", "header": "STT"}, {"field": "note", "header": "Ghi chú"},
                {"field": "score", "header": "Điểm", "type": "number"}]})",
                                                "n");
  std::istringstream in(std::string(kEightHead) + R"("rows": [{"note": 12345678901234567890, "score": 0.1},
    {"note": 0.1234567890123456789, "score": 1E+2}, {"note": -0, "score": 2.5e-1}, {"note": 1000.50}]})");
  ASSERT_EQ(renderAwardList(layout, in, "data.json", dir.file("n.xlsx")), 4);
  WorkbookReader wb(dir.file("n.xlsx"));
  std::vector<std::string> cells;
  wb.readSheet(*wb.findSheet("S"), [&](int row, int col, const RawCell& c) {
    if (row > 6 && col > 0) cells.push_back(c.hasValue ? c.value : "-");
  });
  EXPECT_EQ(cells, (std::vector<std::string>{"12345678901234567890", "0.1", "0.1234567890123456789", "100", "-0",
                                             "0.25", "1000.50", "-"}));
}

TEST(AwardList, InvalidUtf8NamesRowAndField) {
  const std::string head = kEightHead;
  EXPECT_EQ(eightError(head + "\"rows\": [{\"name\": \"A\"}, {\"name\": \"B\", \"unit\": \"Tr\xC6\"}]}"),
            "data.json: rows[1].unit: không phải UTF-8 hợp lệ");
  EXPECT_EQ(eightError(std::string(kEightHead).replace(0, 1, "{\"title\": \"\xFF\", ") + "\"rows\": []}"),
            "data.json: title: không phải UTF-8 hợp lệ");
}

// The header is written before the first row, so a header key after "rows" is refused, never ignored,
// whether the list is empty or not, and nothing is written.
TEST(AwardList, HeaderKeysAfterRowsAreRefused) {
  const std::string head = kEightHead;
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}], "title": "Danh sách muộn"})"),
            "data.json: \"title\" phải đứng trước \"rows\"");
  EXPECT_EQ(eightError(head + R"("rows": [], "subtitle": "x"})"),
            "data.json: \"subtitle\" phải đứng trước \"rows\"");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}, {"name": "B"}], "decision": {"number": "2/QĐ"}})"),
            "data.json: \"decision\" phải đứng trước \"rows\"");
  EXPECT_EQ(eightError(head + R"("rows": [{"name": "A"}], "rows": [{"name": "B"}]})"),
            "data.json: \"rows\" chỉ được có một lần");
  // After thousands of rows, with deflate chunks in flight.
  std::string many = generatedEight(5000);
  ASSERT_EQ(many.substr(many.size() - 2), "]}");
  many.insert(many.size() - 1, ", \"created\": \"2025-12-16\"");
  EXPECT_EQ(eightError(many), "data.json: \"created\" phải đứng trước \"rows\"");
  // Keys inside rows and in "decision" before "rows" are unaffected.
  EXPECT_EQ(eightError(head + R"("title": "T", "rows": [{"name": "A", "unit": "B"}]})"), "");
}

// A hostile value is refused by the JSON reader before it is buffered whole, and nothing is written.
TEST(AwardList, HugeValueIsRefusedByTheReader) {
  const std::string head = kEightHead;
  const std::string data = head + R"("rows": [{"name": "A"}, {"name": ")" + std::string(3 << 20, 'x') + "\"}]}";
  const std::string at = std::to_string(data.find(std::string(16, 'x')) - 1);
  EXPECT_EQ(eightError(data), "data.json: JSON không hợp lệ: byte " + at + ": chuỗi dài quá 1048576 byte");
}

// U+FFFE and U+FFFF are not XML characters: written as _xFFFE_ / _xFFFF_ in inline and shared strings,
// so the file parses; in the header (written by libxlsxwriter) they are refused.
TEST(AwardList, NonCharactersAreEscapedAndReadByOpenpyxl) {
  testing::TempDir dir;
  const std::string fffe = "\xEF\xBF\xBE", ffff = "\xEF\xBF\xBF";
  std::string data = generatedEight(8);
  const std::string name = "Nguyễn Thị Hạnh 1\"";
  data.replace(data.find(name), name.size(), "Nguyễn" + fffe + " Thị Hạnh 1" + ffff + "\"");
  for (size_t at = data.find("Giáo viên"); at != std::string::npos; at = data.find("Giáo viên", at + 1)) {
    data.replace(at, std::string("Giáo viên").size(), "Giáo" + ffff + " viên");
  }
  ASSERT_EQ(renderEight(data, dir.file("x.xlsx")), 8);
  Poco::JSON::Object e = eightExpectation(8, {});
  Poco::JSON::Array samples;
  for (int i = 0; i < 8; ++i) {
    Poco::JSON::Array expected = generatedRow(i).expected;
    if (i == 1) expected.set(1, std::string("Nguyễn_xFFFE_ Thị Hạnh 1_xFFFF_"));
    if (expected.get(2).toString() == "Giáo viên") expected.set(2, std::string("Giáo_xFFFF_ viên"));
    Poco::JSON::Array sample;
    sample.add(i);
    sample.add(expected);
    samples.add(sample);
  }
  e.set("samples", samples);
  std::string output;
  EXPECT_EQ(checkStream(dir, dir.file("x.xlsx"), e, output), 0) << output;

  EXPECT_EQ(eightError(std::string(kEightHead).replace(0, 1, "{\"title\": \"A" + ffff + "\", ") + "\"rows\": []}"),
            "data.json: title: chứa ký tự U+FFFE hoặc U+FFFF, không được phép trong XLSX");
}

// Two writers to one path in one process: each has its own temporary files; the last to finish wins.
TEST(AwardList, TwoWritersToOnePathDoNotClobber) {
  testing::TempDir dir;
  AwardListHeader h;
  h.issuer = "UBND";
  h.decisionNumber = "1/QĐ-UBND";
  h.decisionDate = "15/12/2025";
  const std::string path = dir.file("same.xlsx");
  {
    AwardListWriter a(eightColumns(), h, path);
    AwardListWriter b(eightColumns(), h, path);
    a.addRow({"", "A", "Giáo viên", "Trường A", "Giấy khen", "1/QĐ", "2025-12-15", ""});
    b.addRow({"", "B", "Giáo viên", "Trường B", "Giấy khen", "2/QĐ", "2025-12-15", ""});
    b.addRow({"", "C", "Giáo viên", "Trường B", "Giấy khen", "3/QĐ", "2025-12-15", ""});
    a.finish();
    b.finish();
  }
  WorkbookReader wb(path);
  std::vector<std::string> names;
  wb.readSheet(*wb.findSheet("Danh sách khen thưởng"), [&](int row, int col, const RawCell& c) {
    if (row > 6 && col == 1) names.push_back(c.value);
  });
  EXPECT_EQ(names, (std::vector<std::string>{"B", "C"}));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

}  // namespace
}  // namespace thidua::xlsx
