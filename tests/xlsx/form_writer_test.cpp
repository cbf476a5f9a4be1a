#include "generators/xlsx/form_writer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "generators/common/unicode.h"
#include "generators/xlsx/form_layout.h"
#include "generators/xlsx/json_fields.h"
#include "tests/xlsx/test_support.h"

namespace thidua::xlsx {
namespace {

using testing::readFile;
using testing::sourcePath;

struct Shipped {
  FormDefinition def;
  FormData data;
};

Shipped shipped(const std::string& id) {
  Shipped s;
  s.def = loadFormDefinition(sourcePath("templates/forms/" + id + ".json"));
  std::string path = sourcePath("examples/forms/" + id + ".json");
  s.data = parseFormData(json::readFile(path), path, s.def);
  return s;
}

// What openpyxl must find in the file, derived from the layout the writer used.
std::string expectations(const FormDefinition& def, const FormData& data) {
  FormLayout layout = layoutForm(def, data.unit, data.period);
  Poco::JSON::Object o;
  o.set("sheet", def.sheet);
  o.set("identity_sheet", kIdentitySheet);
  o.set("lists_sheet", kListsSheet);
  Poco::JSON::Array identity;
  const std::string values[4] = {def.id, "", data.unit, data.period};
  for (int i = 0; i < 4; ++i) {
    Poco::JSON::Array pair;
    pair.add(kIdentityLabels[i]);
    if (i == 1) {
      pair.add(def.version);
    } else {
      pair.add(values[i]);
    }
    identity.add(pair);
  }
  o.set("identity", identity);
  Poco::JSON::Array lists;
  std::map<std::string, std::string> ranges;
  for (size_t i = 0; i < def.lists.size(); ++i) {
    Poco::JSON::Array items;
    for (const auto& item : def.lists[i].second) items.add(item);
    lists.add(items);
    std::string col(1, static_cast<char>('A' + i));
    ranges[def.lists[i].first] = std::string(kListsSheet) + "!$" + col + "$1:$" + col + "$" +
                                 std::to_string(def.lists[i].second.size());
  }
  o.set("lists", lists);
  std::map<std::pair<int, int>, double> numbers;
  Poco::JSON::Array cells;
  for (const LayoutCell& c : layout.cells) {
    Poco::JSON::Object j;
    j.set("ref", cellName(c.row, c.col));
    switch (c.role) {
      case CellRole::Label:
        j.set("role", "label");
        j.set("text", c.text);
        break;
      case CellRole::Blank:
        j.set("role", "blank");
        break;
      case CellRole::Formula: {
        double sum = 0;
        for (const auto& r : c.refs) sum += numbers[r];
        numbers[{c.row, c.col}] = sum;
        j.set("role", "formula");
        j.set("formula", c.formula);
        j.set("cached", static_cast<Poco::Int64>(sum));
        break;
      }
      case CellRole::Input: {
        j.set("role", "input");
        j.set("type", c.type == InputType::Integer ? "integer" : c.type == InputType::List ? "list" : "text");
        if (c.type == InputType::List) j.set("list_range", ranges[c.list]);
        auto it = data.values.find(c.field);
        if (it != data.values.end() && it->second.isNumber) {
          numbers[{c.row, c.col}] = static_cast<double>(it->second.number);
          j.set("value", static_cast<Poco::Int64>(it->second.number));
        }
        break;
      }
    }
    cells.add(j);
  }
  o.set("cells", cells);
  char created[32];
  std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%S", std::gmtime(&data.created));
  o.set("created", std::string(created));
  std::ostringstream s;
  o.stringify(s);
  return s.str();
}

void checkWithOpenpyxl(const std::string& id) {
  testing::TempDir dir;
  Shipped s = shipped(id);
  writeForm(s.def, s.data, dir.file("form.xlsx"));
  testing::writeFile(dir.file("expect.json"), expectations(s.def, s.data));
  std::string output;
  int rc = testing::runPython("xlsx_check.py", "form " + testing::shellQuote(dir.file("form.xlsx")) + " " +
                                                   testing::shellQuote(dir.file("expect.json")),
                              output);
  EXPECT_EQ(rc, 0) << output;
}

TEST(FormWriter, AnnualReportReadsBackInOpenpyxl) { checkWithOpenpyxl("xhht-bao-cao-nam"); }

TEST(FormWriter, AwardStatisticsReadsBackInOpenpyxl) { checkWithOpenpyxl("tk-khen-thuong"); }

TEST(FormWriter, SameInputSameBytes) {
  testing::TempDir dir;
  Shipped s = shipped("xhht-bao-cao-nam");
  writeForm(s.def, s.data, dir.file("a.xlsx"));
  writeForm(s.def, s.data, dir.file("b.xlsx"));
  const std::string a = readFile(dir.file("a.xlsx"));
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a, readFile(dir.file("b.xlsx")));
  // Every zip entry carries the same fixed DOS date and time, never the clock.
  size_t entries = 0;
  for (size_t at = a.find("PK\x03\x04"); at != std::string::npos; at = a.find("PK\x03\x04", at + 4)) {
    EXPECT_EQ(a.substr(at + 10, 4), a.substr(a.find("PK\x03\x04") + 10, 4));
    ++entries;
  }
  EXPECT_GT(entries, 8u);
  // Nor the time zone.
  const char* tz = std::getenv("TZ");
  const std::string savedTz = tz ? tz : "";
  setenv("TZ", "Asia/Ho_Chi_Minh", 1);
  tzset();
  writeForm(s.def, s.data, dir.file("tz.xlsx"));
  if (tz) {
    setenv("TZ", savedTz.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  EXPECT_EQ(a, readFile(dir.file("tz.xlsx")));
  // The created date comes from the data.
  s.data.created += 86400;
  writeForm(s.def, s.data, dir.file("c.xlsx"));
  EXPECT_NE(a, readFile(dir.file("c.xlsx")));
}

TEST(FormWriter, DecomposedInputGivesTheSameFile) {
  testing::TempDir dir;
  Shipped s = shipped("tk-khen-thuong");
  const std::string nfc = R"({"unit": "Xã Đức Liễu", "period": "2025", "created": "2025-12-01"})";
  // "Xã Đức Liễu" with combining marks (NFD).
  const std::string nfd = "{\"unit\": \"Xa\xcc\x83 \xc4\x90u\xcc\x9b\xcc\x81\x63 Lie\xcc\x82\xcc\x83u\", "
                          "\"period\": \"2025\", \"created\": \"2025-12-01\"}";
  ASSERT_NE(nfc, nfd);
  writeForm(s.def, parseFormData(nfc, "nfc.json", s.def), dir.file("nfc.xlsx"));
  writeForm(s.def, parseFormData(nfd, "nfd.json", s.def), dir.file("nfd.xlsx"));
  EXPECT_EQ(readFile(dir.file("nfc.xlsx")), readFile(dir.file("nfd.xlsx")));
}

TEST(FormWriter, UnwritablePathThrows) {
  Shipped s = shipped("tk-khen-thuong");
  EXPECT_THROW(writeForm(s.def, s.data, "/nonexistent-dir/x.xlsx"), std::runtime_error);
}

}  // namespace
}  // namespace thidua::xlsx
