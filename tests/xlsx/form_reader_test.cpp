#include "generators/xlsx/form_reader.h"

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <sstream>

#include "generators/xlsx/form_writer.h"
#include "tests/xlsx/test_support.h"

namespace thidua::xlsx {
namespace {

using testing::shellQuote;
using testing::sourcePath;

const char* kUnit = "Ủy ban nhân dân xã Tân Phú";
const char* kPeriod = "2025";

class FormReader : public ::testing::Test {
 protected:
  void SetUp() override {
    def_ = loadFormDefinition(sourcePath("templates/forms/xhht-bao-cao-nam.json"));
    other_ = loadFormDefinition(sourcePath("templates/forms/tk-khen-thuong.json"));
    FormData data;
    data.unit = kUnit;
    data.period = kPeriod;
    parseIsoDate("2025-11-01", data.created);
    blank_ = dir_.file("blank.xlsx");
    writeForm(def_, data, blank_);
    layout_ = layoutForm(def_, kUnit, kPeriod);
  }

  // The value a unit types into input `c` in these tests.
  static FieldValue filled(const LayoutCell& c, const FormDefinition& def) {
    FieldValue v;
    if (c.type == InputType::Integer) {
      v.isNumber = true;
      v.number = (c.row + 1) * 10 + c.col;
    } else if (c.type == InputType::List) {
      v.text = def.findList(c.list)->back();
    } else {
      v.text = "Nội dung ô " + cellName(c.row, c.col);
    }
    return v;
  }

  // Fills every input with openpyxl, then applies `changes` ({"Sheet!A1": value}); returns the path.
  std::string fill(const std::string& name, Poco::JSON::Object changes = Poco::JSON::Object()) {
    Poco::JSON::Object all;
    for (const LayoutCell& c : layout_.cells) {
      if (c.role != CellRole::Input) continue;
      FieldValue v = filled(c, def_);
      const std::string key = def_.sheet + "!" + cellName(c.row, c.col);
      if (v.isNumber) {
        all.set(key, static_cast<Poco::Int64>(v.number));
      } else {
        all.set(key, v.text);
      }
    }
    std::vector<std::string> names;
    changes.getNames(names);
    for (const auto& n : names) all.set(n, changes.get(n));
    std::ostringstream s;
    all.stringify(s);
    testing::writeFile(dir_.file(name + ".json"), s.str());
    std::string out = dir_.file(name + ".xlsx"), output;
    int rc = testing::runPython("xlsx_tamper.py", "fill " + shellQuote(blank_) + " " + shellQuote(out) + " " +
                                                      shellQuote(dir_.file(name + ".json")),
                                output);
    EXPECT_EQ(rc, 0) << output;
    return out;
  }

  std::string tamper(const std::string& kind, const std::string& from) {
    std::string out = dir_.file(kind + ".xlsx"), output;
    int rc = testing::runPython("xlsx_tamper.py", kind + " " + shellQuote(from) + " " + shellQuote(out), output);
    EXPECT_EQ(rc, 0) << output;
    return out;
  }

  FormReadResult read(const std::string& path, const FormDefinition* form = nullptr,
                      const std::string& unit = kUnit, const std::string& period = kPeriod) {
    ReadOptions options;
    options.form = form ? form : &def_;
    options.unit = unit;
    options.period = period;
    return readForm(path, options);
  }

  // Exactly one error, of `code`; returns it.
  ReadError onlyError(const FormReadResult& r, ReadErrorCode code) {
    EXPECT_EQ(r.errors.size(), 1u) << formReadResultToJson(r);
    if (r.errors.empty()) return {};
    EXPECT_STREQ(codeName(r.errors[0].code), codeName(code)) << r.errors[0].message;
    EXPECT_TRUE(r.values.empty());
    return r.errors[0];
  }

  void expectAllValues(const FormReadResult& r) {
    ASSERT_TRUE(r.ok()) << formReadResultToJson(r);
    EXPECT_EQ(r.identity.formId, "xhht-bao-cao-nam");
    EXPECT_EQ(r.identity.unit, kUnit);
    size_t i = 0;
    for (const LayoutCell& c : layout_.cells) {
      if (c.role != CellRole::Input) continue;
      ASSERT_LT(i, r.values.size());
      EXPECT_EQ(r.values[i].first, c.field);
      ASSERT_TRUE(r.values[i].second.has_value()) << c.field;
      FieldValue want = filled(c, def_);
      EXPECT_EQ(r.values[i].second->isNumber, want.isNumber) << c.field;
      EXPECT_EQ(r.values[i].second->number, want.number) << c.field;
      EXPECT_EQ(r.values[i].second->text, want.text) << c.field;
      ++i;
    }
    EXPECT_EQ(i, r.values.size());
  }

  std::string cellOf(const std::string& field) {
    for (const LayoutCell& c : layout_.cells) {
      if (c.field == field) return cellName(c.row, c.col);
    }
    return "";
  }

  std::string key(const std::string& field) { return def_.sheet + "!" + cellOf(field); }

  testing::TempDir dir_;
  FormDefinition def_, other_;
  FormLayout layout_;
  std::string blank_;
};

TEST_F(FormReader, FilledInOpenpyxlRoundTrips) {
  FormReadResult r = read(fill("filled"));
  expectAllValues(r);
  const std::string json = formReadResultToJson(r);
  EXPECT_NE(json.find("\"cong_dong.xa\": 103"), std::string::npos) << json;
}

TEST_F(FormReader, StreamingModeZipRoundTrips) {
  expectAllValues(read(tamper("stream", fill("filled"))));
}

TEST_F(FormReader, CatalogFindsTheFormById) {
  FormCatalog catalog(sourcePath("templates/forms"));
  ReadOptions options;
  options.catalog = &catalog;
  expectAllValues(readForm(fill("filled"), options));
}

TEST_F(FormReader, OwnOutputWithPrefilledValuesRoundTrips) {
  FormData data;
  data.unit = kUnit;
  data.period = kPeriod;
  for (const LayoutCell& c : layout_.cells) {
    if (c.role == CellRole::Input) data.values[c.field] = filled(c, def_);
  }
  writeForm(def_, data, dir_.file("prefilled.xlsx"));
  expectAllValues(read(dir_.file("prefilled.xlsx")));
}

TEST_F(FormReader, CellsWithoutRefsPhoneticRunsAndInlineStringsRoundTrip) {
  FormData data;
  data.unit = kUnit;
  data.period = kPeriod;
  for (const LayoutCell& c : layout_.cells) {
    if (c.role == CellRole::Input) data.values[c.field] = filled(c, def_);
  }
  writeForm(def_, data, dir_.file("prefilled.xlsx"));
  expectAllValues(read(tamper("quirks", dir_.file("prefilled.xlsx"))));
}

TEST_F(FormReader, BlankFormListsMissingRequiredCells) {
  FormReadResult r = read(blank_);
  ASSERT_FALSE(r.ok());
  for (const auto& e : r.errors) EXPECT_EQ(e.code, ReadErrorCode::MissingValue) << e.message;
}

TEST_F(FormReader, WrongForm) {
  ReadError e = onlyError(read(fill("filled"), &other_), ReadErrorCode::WrongForm);
  EXPECT_NE(e.message.find("không phải biểu mẫu \"tk-khen-thuong\""), std::string::npos) << e.message;
}

TEST_F(FormReader, WrongVersion) {
  Poco::JSON::Object c;
  c.set(std::string(kIdentitySheet) + "!B2", 7);
  ReadError e = onlyError(read(fill("v7", c)), ReadErrorCode::WrongVersion);
  EXPECT_NE(e.message.find("phiên bản 7, cần phiên bản 1"), std::string::npos) << e.message;
}

TEST_F(FormReader, WrongUnit) {
  ReadError e = onlyError(read(fill("filled"), nullptr, "Ủy ban nhân dân xã Tân Lập"), ReadErrorCode::WrongUnit);
  EXPECT_NE(e.message.find(kUnit), std::string::npos) << e.message;
}

TEST_F(FormReader, WrongPeriod) {
  onlyError(read(fill("filled"), nullptr, kUnit, "2024"), ReadErrorCode::WrongPeriod);
}

TEST_F(FormReader, EditedLabelCell) {
  Poco::JSON::Object c;
  c.set(def_.sheet + "!B7", "Công dân");
  ReadError e = onlyError(read(fill("label", c)), ReadErrorCode::LockedCellEdited);
  EXPECT_EQ(e.sheet, "Báo cáo");
  EXPECT_EQ(e.cell, "B7");
  EXPECT_NE(e.message.find("Trang \"Báo cáo\", ô B7"), std::string::npos) << e.message;
}

TEST_F(FormReader, EditedFormulaCell) {
  Poco::JSON::Object c;
  c.set(def_.sheet + "!G10", 999);
  EXPECT_EQ(onlyError(read(fill("formula", c)), ReadErrorCode::LockedCellEdited).cell, "G10");
}

TEST_F(FormReader, NonNumericInput) {
  Poco::JSON::Object c;
  c.set(key("cong_dong.xa"), "mười hai");
  ReadError e = onlyError(read(fill("text", c)), ReadErrorCode::NotANumber);
  EXPECT_EQ(e.cell, cellOf("cong_dong.xa"));
  EXPECT_NE(e.message.find("\"Cộng đồng học tập – Cấp xã\" phải là số"), std::string::npos) << e.message;
}

TEST_F(FormReader, NegativeInput) {
  Poco::JSON::Object c;
  c.set(key("bk_tinh.ca_nhan"), -3);
  EXPECT_EQ(onlyError(read(fill("negative", c)), ReadErrorCode::NegativeNumber).cell, cellOf("bk_tinh.ca_nhan"));
}

TEST_F(FormReader, FractionalInput) {
  Poco::JSON::Object c;
  c.set(key("so_tthtcd"), 2.5);
  onlyError(read(fill("fraction", c)), ReadErrorCode::NotWholeNumber);
}

TEST_F(FormReader, MissingRequiredInput) {
  Poco::JSON::Object c;
  c.set(key("ket_qua"), Poco::Dynamic::Var());
  EXPECT_EQ(onlyError(read(fill("missing", c)), ReadErrorCode::MissingValue).cell, cellOf("ket_qua"));
}

TEST_F(FormReader, ValueOutsideTheList) {
  Poco::JSON::Object c;
  c.set(key("muc_do"), "Xuất sắc");
  onlyError(read(fill("list", c)), ReadErrorCode::InvalidListValue);
}

TEST_F(FormReader, NotAZip) {
  testing::writeFile(dir_.file("x.xlsx"), "Báo cáo năm 2025\n");
  onlyError(read(dir_.file("x.xlsx")), ReadErrorCode::NotZip);
  testing::writeFile(dir_.file("y.xlsx"), std::string("PK\x03\x04 truncated", 14));
  onlyError(read(dir_.file("y.xlsx")), ReadErrorCode::NotZip);
}

TEST_F(FormReader, ZipButNotXlsx) {
  std::string output;
  ASSERT_EQ(testing::runPython("xlsx_tamper.py", "plainzip " + shellQuote(dir_.file("p.zip")), output), 0) << output;
  onlyError(read(dir_.file("p.zip")), ReadErrorCode::NotXlsx);
}

TEST_F(FormReader, ZipBombByRatio) {
  ReadError e = onlyError(read(tamper("ratio", blank_)), ReadErrorCode::ZipBomb);
  EXPECT_NE(e.message.find("tỉ lệ nén"), std::string::npos) << e.message;
}

TEST_F(FormReader, ZipBombByLyingSize) {
  ReadError e = onlyError(read(tamper("lie", fill("filled"))), ReadErrorCode::ZipBomb);
  EXPECT_NE(e.message.find("xl/worksheets/sheet1.xml"), std::string::npos) << e.message;
}

TEST_F(FormReader, XmlWithDoctype) { onlyError(read(tamper("doctype", blank_)), ReadErrorCode::XmlDoctype); }

TEST_F(FormReader, XmlWithEntityExpansion) {
  onlyError(read(tamper("entities", blank_)), ReadErrorCode::XmlEntityExpansion);
}

TEST_F(FormReader, XmlWithExternalEntity) {
  onlyError(read(tamper("external", blank_)), ReadErrorCode::XmlExternalEntity);
}

TEST_F(FormReader, XmlDeclarationsPastThePrologCheckStillRefused) {
  onlyError(read(tamper("late-doctype", blank_)), ReadErrorCode::XmlDoctype);
  onlyError(read(tamper("late-entities", blank_)), ReadErrorCode::XmlEntityExpansion);
  onlyError(read(tamper("late-external", blank_)), ReadErrorCode::XmlExternalEntity);
}

TEST_F(FormReader, ErrorsAsJson) {
  FormReadResult r = read(fill("filled"), nullptr, kUnit, "2024");
  const std::string json = formReadResultToJson(r);
  EXPECT_NE(json.find("\"ok\": false"), std::string::npos) << json;
  EXPECT_NE(json.find("\"code\": \"wrong_period\""), std::string::npos) << json;
}

}  // namespace
}  // namespace thidua::xlsx
