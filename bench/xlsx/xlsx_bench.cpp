// XLSX benchmarks, run by bench/xlsx/run:
//   xlsx_bench list LAYOUT.json DATA.json OUT.xlsx   render an award list (time the whole process)
//   xlsx_bench floor LAYOUT.json ROWS OUT.xlsx       the same size of list written without JSON (the
//                                                   writer alone: sheet XML and parallel deflate)
//   xlsx_bench read ROWS                            write a filled form of ROWS grid rows × 7 numeric
//                                                   columns, then time reading it back (median of 5);
//                                                   XLSX_BENCH_KEEP=1 keeps the file in /tmp

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "generators/xlsx/award_list_data.h"
#include "generators/xlsx/form_reader.h"
#include "generators/xlsx/form_writer.h"
#include "generators/xlsx/json_fields.h"

namespace {

using namespace thidua::xlsx;

int list(const std::string& layoutPath, const std::string& dataPath, const std::string& out) {
  AwardListLayout layout = parseAwardListLayout(json::readFile(layoutPath), layoutPath);
  std::ifstream in(dataPath, std::ios::binary);
  long rows = renderAwardList(layout, in, dataPath, out);
  std::cerr << rows << " rows\n";
  return 0;
}

double cpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The writer's floor: the same number of rows written straight to AwardListWriter, no JSON.
int floorRun(const std::string& layoutPath, int rows, const std::string& out) {
  AwardListLayout layout = parseAwardListLayout(json::readFile(layoutPath), layoutPath);
  AwardListHeader h;
  h.issuer = "TỈNH BÌNH PHƯỚC";
  h.decisionNumber = "1000/QĐ-UBND";
  h.decisionDate = "15/12/2025";
  h.created = 1765756800;
  AwardListWriter w(layout, h, out);
  std::vector<std::string> row(layout.columns.size());
  for (int i = 0; i < rows; ++i) {
    for (size_t c = 0; c < layout.columns.size(); ++c) {
      const std::string& f = layout.columns[c].field;
      row[c] = f == "date" ? "2025-12-15"
               : f == "note" ? (i % 7 == 0 ? "Khen đột xuất" : "")
               : f == "unit" ? "Trường Trung học cơ sở Thống Nhất, xã Thống Nhất, huyện Bù Đăng " + std::to_string(i)
                             : "Nguyễn Thị Hạnh " + std::to_string(i);
    }
    w.addRow(row);
  }
  w.finish();
  return 0;
}

std::string bigForm(int rows) {
  std::ostringstream s;
  s << R"({"kind": "report-form", "id": "bench-big", "version": 1, "name": "Biểu lớn", "sheet": "Số liệu",
    "widths": [6, 40, 10, 10, 10, 10, 10, 10, 10, 12], "labelColumns": 2,
    "title": ["THỐNG KÊ {period}", "Đơn vị: {unit}"], "sections": [{"kind": "grid", "title": "I. SỐ LIỆU",
    "labelHeaders": ["STT", "Đơn vị cơ sở"], "columns": [{"key": "c1", "header": "Cá nhân"},
    {"key": "c2", "header": "Hộ gia đình"}, {"key": "c3", "header": "Dòng họ"}, {"key": "c4", "header": "Tập thể"},
    {"key": "c5", "header": "Doanh nghiệp"}, {"key": "c6", "header": "Khác"}, {"key": "c7", "header": "Mới"},
    {"key": "t", "header": "Tổng số"}], "rows": [)";
  for (int i = 0; i < rows; ++i) {
    s << (i ? "," : "") << R"({"key": "r)" << i << R"(", "labels": [")" << i + 1
      << R"(", "Trường Tiểu học số )" << i + 1 << R"(, xã Tân Phú"], "cells": ["n","n","n","n","n","n","n","sum"]})";
  }
  s << R"(], "total": "Tổng cộng"}]})";
  return s.str();
}

int read(int rows) {
  FormDefinition def = parseFormDefinition(bigForm(rows), "bench-big");
  FormData data;
  data.unit = "Ủy ban nhân dân huyện Đồng Phú";
  data.period = "2025";
  data.created = 1764547200;
  for (int i = 0; i < rows; ++i) {
    for (int c = 1; c <= 7; ++c) {
      FieldValue v;
      v.isNumber = true;
      v.number = (i * 7 + c) % 1000;
      data.values["r" + std::to_string(i) + ".c" + std::to_string(c)] = v;
    }
  }
  const std::string path = "/tmp/thidua-xlsx-bench-read.xlsx";
  writeForm(def, data, path);
  ReadOptions options;
  options.form = &def;
  std::vector<double> ms, cpu;
  size_t values = 0;
  for (int run = 0; run < 5; ++run) {
    const double c0 = cpuMs();
    auto t0 = std::chrono::steady_clock::now();
    FormReadResult r = readForm(path, options);
    auto t1 = std::chrono::steady_clock::now();
    cpu.push_back(cpuMs() - c0);
    if (!r.ok()) {
      std::cerr << formReadResultToJson(r) << "\n";
      return 1;
    }
    values = r.values.size();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  const long cells = static_cast<long>(rows) * 10;  // labels, inputs and formulas per row
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  std::printf("read %d rows (%zu input values, ~%ld cells, %lld bytes): median %.1f ms (min %.1f, max %.1f), "
              "cpu %.1f ms, %.0f cells/s\n",
              rows, values, cells, static_cast<long long>(f.tellg()), ms[2], ms[0], ms[4], cpu[2],
              cells / (ms[2] / 1000));
  if (!std::getenv("XLSX_BENCH_KEEP")) std::remove(path.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "list" && argc == 5) return list(argv[2], argv[3], argv[4]);
    if (mode == "read" && argc == 3) return read(std::atoi(argv[2]));
    if (mode == "floor" && argc == 5) return floorRun(argv[2], std::atoi(argv[3]), argv[4]);
  } catch (const std::exception& e) {
    std::cerr << "xlsx_bench: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: xlsx_bench list LAYOUT.json DATA.json OUT.xlsx | floor LAYOUT.json ROWS OUT.xlsx | read ROWS\n";
  return 2;
}
