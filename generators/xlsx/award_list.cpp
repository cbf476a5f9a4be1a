#include "generators/xlsx/award_list.h"

#include <unistd.h>
#include <zlib.h>

#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include "generators/common/iso_time.h"
#include "generators/xlsx/award_list_template.h"
#include "generators/xlsx/json_fields.h"
#include "generators/xlsx/parallel_deflate.h"
#include "generators/xlsx/shared_strings.h"
#include "generators/xlsx/sheet_xml.h"
#include "generators/xlsx/zip_index.h"
#include "generators/xlsx/zip_writer.h"

namespace thidua::xlsx {
namespace {

constexpr int kDeflateLevel = 1;            // zlib level of the sheet XML
constexpr size_t kChunkBytes = 128 * 1024;  // sheet XML handed to a deflate worker at a time
constexpr size_t kChunksInFlight = 3;
constexpr size_t kMaxTextChars = 32767;     // Excel's limit for one cell

// Parses a date cell: "YYYY-MM-DD" or "DD/MM/YYYY" of a day that exists.
bool parseDate(const std::string& s, lxw_datetime& out) {
  const std::optional<CalendarDate> d = parseCalendarDate(s);
  if (!d) return false;
  out = lxw_datetime{d->year, d->month, d->day, 0, 0, 0.0};
  return true;
}

// Makes temporary file names unique within the process (the pid makes them unique between processes).
std::atomic<unsigned long> temporaryCounter{0};

size_t utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Deflate stored blocks (not final) holding `raw`: the head of the sheet, patched at the end.
std::string storedBlocks(const std::string& raw) {
  std::string out;
  size_t done = 0;
  do {
    const size_t n = std::min<size_t>(raw.size() - done, 0xFFFF);
    out += '\0';
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out.append(raw, done, n);
    done += n;
  } while (done < raw.size());
  return out;
}

}  // namespace

AwardListLayout parseAwardListLayout(const std::string& text, const std::string& origin) {
  JsonReader o = json::read(text, origin);
  if (o.text("kind") != "award-list") o.fail("kind", "phải là \"award-list\"");
  AwardListLayout layout;
  layout.id = o.text("id");
  layout.sheet = o.text("sheet");
  layout.title = o.text("title");
  std::vector<JsonReader> cols = o.objects("columns");
  if (cols.size() < 2 || cols.size() > 50) o.fail("columns", "cần từ 2 đến 50 cột");
  for (JsonReader& c : cols) {
    AwardListColumn col;
    col.field = c.text("field");
    col.header = c.text("header");
    col.width = c.optionalNumber("width").value_or(15);
    if (col.width <= 0 || col.width > 255) c.fail("width", "từ 0 đến 255");
    col.type = c.optionalText("type").value_or("text");
    if (col.type != "text" && col.type != "number" && col.type != "date") {
      c.fail("type", "phải là \"text\", \"number\" hoặc \"date\"");
    }
    layout.columns.push_back(col);
  }
  return layout;
}

struct AwardListWriter::Impl {
  AwardListLayout layout;
  std::vector<CellKind> kinds;
  AwardListTemplate tpl;
  std::string path;
  std::string temp;
  bool finished = false;
  std::vector<ZipEntryData> afterSheet;  // template entries written after the sheet (into tpl.archive)

  std::unique_ptr<ZipWriter> zip;
  std::unique_ptr<ParallelDeflater> deflater;
  std::unique_ptr<SharedStrings> strings;
  std::unique_ptr<SheetXml> sheet;
  std::string chunk;
  std::vector<double> numbers;  // per column: the value of a date or number cell of the current row
  long count = 0;

  ~Impl() {
    deflater.reset();  // joins the workers before the file goes
    zip.reset();
    if (!finished && !temp.empty()) std::remove(temp.c_str());
  }

  void startOutput();
  [[noreturn]] void cellError(size_t c, const std::string& what, const std::string& v) const {
    const std::string reason = what + (v.empty() ? "" : " \"" + v + "\"");
    const std::string where = "dòng " + std::to_string(count) + ", cột \"" + layout.columns[c].header + "\"";
    throw AwardListCellError(where + ": " + reason, c, reason);
  }
};

// Copies the template's entries before the sheet (the shared strings wait: they grow), writes the
// sheet's head as stored blocks (its dimension is patched at the end) and starts the deflate workers.
void AwardListWriter::Impl::startOutput() {
  zip = std::make_unique<ZipWriter>(temp);
  bool sheetSeen = false;
  for (const ZipEntryData& e : indexZip(tpl.archive)) {
    if (e.name == AwardListTemplate::kSheetPart) {
      sheetSeen = true;
    } else if (!sheetSeen && e.name != AwardListTemplate::kStringsPart) {
      zip->addCompressed(e);
    } else {
      afterSheet.push_back(e);
    }
  }
  zip->beginEntry(AwardListTemplate::kSheetPart);
  if (tpl.dimensionAt + AwardListTemplate::kDimensionWidth > 0xFFFF) {
    throw std::runtime_error("mẫu XLSX: <dimension> nằm quá xa đầu trang tính");
  }
  const std::string stored = storedBlocks(tpl.sheetHead);
  zip->write(stored.data(), stored.size());
  ZipWriter* out = zip.get();
  deflater = std::make_unique<ParallelDeflater>(kDeflateLevel, ParallelDeflater::defaultThreads(), kChunksInFlight,
                                                [out](const char* d, size_t s) { out->write(d, s); });
  strings = std::make_unique<SharedStrings>(tpl.sharedCount, layout.columns.size());
  sheet = std::make_unique<SheetXml>(static_cast<unsigned>(layout.columns.size()));
  numbers.assign(layout.columns.size(), 0);
  chunk.reserve(kChunkBytes + 64 * 1024);
}

AwardListWriter::AwardListWriter(const AwardListLayout& layout, const AwardListHeader& h, const std::string& path)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.layout = layout;
  m.path = path;
  for (const auto& c : layout.columns) {
    m.kinds.push_back(c.field == "stt"       ? CellKind::Counter
                      : c.type == "date"     ? CellKind::Date
                      : c.type == "number"   ? CellKind::Number
                                             : CellKind::Text);
  }
  const std::string unique = std::to_string(::getpid()) + "-" + std::to_string(temporaryCounter.fetch_add(1));
  m.tpl = buildAwardListTemplate(layout, h, m.kinds, path + ".lxw" + unique);
  m.temp = path + ".tmp" + unique;
  m.startOutput();
}

AwardListWriter::~AwardListWriter() = default;

void AwardListWriter::addRow(const std::vector<std::string>& values) {
  Impl& m = *impl_;
  const auto& cols = m.layout.columns;
  if (values.size() != cols.size()) throw std::invalid_argument("số giá trị của dòng không khớp số cột");
  const uint64_t rowNumber = m.tpl.firstRow + static_cast<uint64_t>(m.count);
  if (rowNumber > LXW_ROW_MAX) {
    throw std::invalid_argument("danh sách vượt quá " + std::to_string(LXW_ROW_MAX) + " dòng của Excel");
  }
  ++m.count;
  // Check every cell before writing any, so a refused row leaves no trace (shared strings included).
  try {
    for (size_t c = 0; c < cols.size(); ++c) {
      const std::string& v = values[c];
      const CellKind k = m.kinds[c];
      if (k == CellKind::Counter || v.empty()) continue;
      if (k == CellKind::Date) {
        lxw_datetime d;
        if (!parseDate(v, d)) m.cellError(c, "ngày không hợp lệ", v);
        m.numbers[c] = lxw_datetime_to_excel_date_epoch(&d, LXW_FALSE);
      } else if (k == CellKind::Number) {
        char* end = nullptr;
        m.numbers[c] = std::strtod(v.c_str(), &end);
        if (end == v.c_str() || *end != '\0' || !std::isfinite(m.numbers[c])) m.cellError(c, "không phải là số", v);
      } else if (v.size() > kMaxTextChars && utf8Length(v) > kMaxTextChars) {
        m.cellError(c, "văn bản dài quá " + std::to_string(kMaxTextChars) + " ký tự", "");
      }
    }
  } catch (...) {
    --m.count;
    throw;
  }
  std::string& out = m.chunk;
  m.sheet->beginRow(out, static_cast<uint32_t>(rowNumber));
  for (size_t c = 0; c < cols.size(); ++c) {
    const auto col = static_cast<unsigned>(c);
    const std::string& v = values[c];
    const CellKind k = m.kinds[c];
    const std::string& style = m.tpl.valueStyle[c];
    if (k == CellKind::Counter) {
      m.sheet->integer(out, col, style, m.count);
    } else if (v.empty()) {
      m.sheet->blank(out, col, m.tpl.blankStyle[c]);
    } else if (k == CellKind::Date || k == CellKind::Number) {
      m.sheet->number(out, col, style, m.numbers[c]);
    } else {
      const long index = m.strings->intern(c, v);
      if (index >= 0) {
        m.sheet->sharedString(out, col, style, static_cast<uint32_t>(index));
      } else {
        m.sheet->inlineString(out, col, style, v);
      }
    }
  }
  m.sheet->endRow(out);
  if (m.chunk.size() >= kChunkBytes) {
    m.deflater->submit(std::move(m.chunk));
    m.chunk = m.deflater->buffer();
    m.chunk.reserve(kChunkBytes + 64 * 1024);
  }
}

void AwardListWriter::finish() {
  Impl& m = *impl_;
  if (m.finished || !m.deflater) throw std::logic_error("AwardListWriter::finish called twice");
  m.chunk += m.tpl.sheetTail;
  m.deflater->submit(std::move(m.chunk));
  m.chunk = std::string();
  const ParallelDeflater::Totals rows = m.deflater->finish();
  m.deflater.reset();

  // The head, now that the last row is known: its dimension, its CRC joined to the rows'.
  std::string& head = m.tpl.sheetHead;
  const std::string dimension =
      m.tpl.dimension(m.layout.columns.size(), m.tpl.firstRow - 1 + static_cast<uint32_t>(m.count));
  head.replace(m.tpl.dimensionAt, dimension.size(), dimension);
  m.zip->patch(5 + m.tpl.dimensionAt, dimension.data(), dimension.size());  // after the block's 5-byte header
  const uLong headCrc = crc32(0, reinterpret_cast<const Bytef*>(head.data()), static_cast<uInt>(head.size()));
  const uLong crc = rows.size ? crc32_combine(headCrc, rows.crc, static_cast<z_off_t>(rows.size)) : headCrc;
  m.zip->endEntry(static_cast<uint32_t>(crc), head.size() + rows.size);

  for (const ZipEntryData& e : m.afterSheet) {
    if (e.name == AwardListTemplate::kStringsPart) {
      m.zip->addDeflated(e.name, m.strings->extend(m.tpl.sharedStrings));
    } else {
      m.zip->addCompressed(e);
    }
  }
  m.zip->finish();
  m.zip.reset();
  if (std::rename(m.temp.c_str(), m.path.c_str()) != 0) throw std::runtime_error("không ghi được tệp " + m.path);
  m.finished = true;
}

long AwardListWriter::rows() const { return impl_->count; }

}  // namespace thidua::xlsx
