#include "generators/xlsx/form_definition.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "generators/xlsx/form_catalog.h"
#include "generators/xlsx/form_data.h"
#include "generators/xlsx/form_layout.h"
#include "tests/xlsx/test_support.h"

namespace thidua::xlsx {
namespace {

using testing::sourcePath;

const char* kMinimal = R"({
  "kind": "report-form", "id": "mini", "version": 2, "name": "Biểu mẫu nhỏ", "sheet": "Biểu",
  "widths": [6, 30, 10, 10], "labelColumns": 2, "title": ["BIỂU {period}", "Đơn vị: {unit}"],
  "lists": {"muc": ["Tốt", "Khá"]},
  "sections": [{"kind": "grid", "title": "I. SỐ LIỆU", "labelHeaders": ["STT", "Nội dung"],
    "columns": [{"key": "a", "header": "Cột A"}, {"key": "tong", "header": "Tổng"}],
    "rows": [{"key": "r1", "labels": ["1", "Dòng một"], "cells": [CELL, "sum"]}], "total": "Cộng"},
    {"kind": "fields", "fields": [{"key": "muc", "label": "Mức", "type": "list:muc", "required": true}]}]
})";

std::string minimal(const std::string& cell) {
  std::string s = kMinimal;
  s.replace(s.find("CELL"), 4, cell);
  return s;
}

std::string errorOf(const std::string& json) {
  try {
    parseFormDefinition(json, "mini.json");
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(FormDefinition, ShippedFormsParse) {
  FormDefinition xhht = loadFormDefinition(sourcePath("templates/forms/xhht-bao-cao-nam.json"));
  EXPECT_EQ(xhht.id, "xhht-bao-cao-nam");
  EXPECT_EQ(xhht.version, 1);
  EXPECT_EQ(xhht.sections.size(), 5u);
  EXPECT_EQ(xhht.sections[0].rows[3].labels[1], "Cộng đồng học tập");
  FormDefinition tk = loadFormDefinition(sourcePath("templates/forms/tk-khen-thuong.json"));
  EXPECT_EQ(tk.sections[0].columns.size(), 7u);
  EXPECT_EQ(tk.sections[0].columns[5].header, "Đối tượng khác");
}

TEST(FormDefinition, CatalogHoldsReportFormsOnly) {
  FormCatalog catalog(sourcePath("templates/forms"));
  EXPECT_NE(catalog.find("xhht-bao-cao-nam"), nullptr);
  EXPECT_NE(catalog.find("tk-khen-thuong"), nullptr);
  EXPECT_EQ(catalog.find("danh-sach-khen-thuong"), nullptr);  // an award-list layout, not a form
}

TEST(FormDefinition, ErrorsNameFileAndPath) {
  EXPECT_EQ(errorOf(minimal("\"n\"")), "");
  EXPECT_NE(errorOf(minimal("\"x\"")).find("mini.json: sections[0].rows[0].cells[0]"), std::string::npos);
  EXPECT_NE(errorOf(minimal("\"list:khong_co\"")).find("không có danh sách \"khong_co\""), std::string::npos);
  EXPECT_NE(errorOf(minimal("\"-\"")).find("ô \"sum\" cần ít nhất một ô số"), std::string::npos);
  std::string dup = minimal("\"n\"");
  dup.replace(dup.find("\"key\": \"tong\""), 13, "\"key\": \"a\"");
  EXPECT_NE(errorOf(dup).find("bị trùng"), std::string::npos) << errorOf(dup);
  EXPECT_NE(errorOf("{\"kind\": \"report-form\"").find("mini.json: JSON không hợp lệ"), std::string::npos);
}

TEST(FormLayout, CellNames) {
  EXPECT_EQ(cellName(0, 0), "A1");
  EXPECT_EQ(cellName(9, 26), "AA10");
  int r = 0, c = 0;
  ASSERT_TRUE(parseCellName("$AB$12", r, c));
  EXPECT_EQ(r, 11);
  EXPECT_EQ(c, 27);
  EXPECT_FALSE(parseCellName("12", r, c));
  EXPECT_FALSE(parseCellName("A0", r, c));
}

TEST(FormLayout, PlansLabelsInputsAndTotals) {
  FormDefinition def = parseFormDefinition(minimal("\"n\""), "mini.json");
  FormLayout l = layoutForm(def, "Xã Tân Phú", "2025");
  ASSERT_NE(l.at(0, 0), nullptr);
  EXPECT_EQ(l.at(0, 0)->text, "BIỂU 2025");
  EXPECT_EQ(l.at(1, 0)->text, "Đơn vị: Xã Tân Phú");
  // Row 3: section title; row 4: header; row 5: data; row 6: totals.
  EXPECT_EQ(l.at(5, 2)->role, CellRole::Input);
  EXPECT_EQ(l.at(5, 2)->field, "r1.a");
  EXPECT_EQ(l.at(5, 3)->formula, "SUM(C6:C6)");
  EXPECT_EQ(l.at(6, 2)->formula, "SUM(C6:C6)");
  EXPECT_EQ(l.at(6, 3)->formula, "SUM(D6:D6)");
  EXPECT_EQ(l.at(8, 2)->field, "muc");
  EXPECT_EQ(l.covering(8, 3), l.at(8, 2));  // merged across the value columns
}

TEST(FormData, ChecksValuesAgainstTheForm) {
  FormDefinition def = parseFormDefinition(minimal("\"n\""), "mini.json");
  auto errorOfData = [&](const std::string& json) -> std::string {
    try {
      parseFormData(json, "data.json", def);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  const std::string head = R"({"unit": "Xã A", "period": "2025", "created": "2025-11-01", )";
  EXPECT_EQ(errorOfData(head + R"("values": {"r1.a": 3, "muc": "Tốt"}})"), "");
  EXPECT_NE(errorOfData(head + R"("values": {"r1.b": 3}})").find("data.json: values.r1.b"), std::string::npos);
  EXPECT_NE(errorOfData(head + R"("values": {"r1.a": -3}})")
                .find("data.json: trường \"values.r1.a\" phải là số nguyên từ 0 đến"),
            std::string::npos);
  EXPECT_NE(errorOfData(head + R"("values": {"muc": "Giỏi"}})").find("không có trong danh sách"), std::string::npos);
  EXPECT_NE(errorOfData(R"({"unit": "Xã A", "period": "2025"})").find("data.json: thiếu trường bắt buộc \"created\""),
            std::string::npos);
  EXPECT_NE(errorOfData(R"({"unit": "Xã A", "period": "2025", "created": "1/11/2025"})").find("YYYY-MM-DD"),
            std::string::npos);
}

}  // namespace
}  // namespace thidua::xlsx
