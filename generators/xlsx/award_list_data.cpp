#include "generators/xlsx/award_list_data.h"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "generators/common/iso_time.h"
#include "generators/common/unicode.h"
#include "generators/xlsx/award_list.h"
#include "generators/xlsx/form_data.h"
#include "generators/common/json_stream.h"

namespace thidua::xlsx {
namespace {

// "YYYY-MM-DD" or "DD/MM/YYYY" of a real day -> "DD/MM/YYYY"; empty on any other text.
std::string displayDate(const std::string& s) {
  const std::optional<CalendarDate> d = parseCalendarDate(s);
  if (!d) return "";
  char out[16];
  std::snprintf(out, sizeof out, "%02d/%02d/%04d", d->day, d->month, d->year);
  return out;
}

// True if `text` holds U+FFFE or U+FFFF, which XML 1.0 does not allow (libxlsxwriter would write them
// as they are).
bool hasNonCharacter(const std::string& text) {
  return text.find("\xEF\xBF\xBE") != std::string::npos || text.find("\xEF\xBF\xBF") != std::string::npos;
}

using Row = std::vector<std::string>;

// Rows parsed from the JSON, not yet normalised; `size` of `rows` are in use. Batches go back and forth
// between the two threads so their strings keep their memory.
struct Batch {
  std::vector<Row> rows;
  size_t size = 0;
};

// Hands batches of parsed rows to a second thread that normalises (NFC) and writes them, so parsing the
// JSON and writing the sheet use both cores. Bounded: at most kMaxBatches wait. A failure on the writer
// thread is rethrown on the parsing thread at its next push() or at close(). Errors in a row name it by
// its JSON path, "rows[i].<field>", which is what people edit.
class RowPipe {
 public:
  static constexpr size_t kMaxBatches = 4;

  RowPipe(AwardListWriter& writer, std::string origin, std::vector<std::string> fields)
      : writer_(writer), origin_(std::move(origin)), fields_(std::move(fields)) {
    thread_ = std::thread([this] { run(); });
  }

  ~RowPipe() {
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        queue_.clear();
      }
      changed_.notify_all();
      thread_.join();
    }
  }

  // An empty batch to fill: one the writer is done with, or a new one.
  Batch take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Batch b;
    if (!spare_.empty()) {
      b = std::move(spare_.back());
      spare_.pop_back();
    }
    b.size = 0;
    return b;
  }

  void push(Batch batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < kMaxBatches || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(std::move(batch));
    changed_.notify_all();
  }

  // Waits until every row is written; rethrows the writer thread's failure.
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
    thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run() {
    long index = 0;
    for (;;) {
      Batch batch;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      changed_.notify_all();
      for (size_t r = 0; r < batch.size; ++r) {
        Row& row = batch.rows[r];
        auto where = [&] { return origin_ + ": rows[" + std::to_string(index) + "]"; };  // built on errors only
        try {
          for (size_t c = 0; c < row.size(); ++c) {
            std::string& v = row[c];
            if (v.empty()) continue;
            try {
              v = toNfc(v);
            } catch (const std::invalid_argument&) {
              throw std::invalid_argument(where() + "." + fields_[c] + ": không phải UTF-8 hợp lệ");
            }
          }
          try {
            writer_.addRow(row);
          } catch (const AwardListCellError& e) {
            throw std::invalid_argument(where() + "." + fields_[e.column()] + ": " + e.reason());
          } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(where() + ": " + e.what());
          }
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex_);
          error_ = std::current_exception();
          changed_.notify_all();
          return;
        }
        ++index;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      if (spare_.size() < kMaxBatches + 2) spare_.push_back(std::move(batch));
    }
  }

  AwardListWriter& writer_;
  std::string origin_;
  std::vector<std::string> fields_;  // per column: the JSON key
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  std::vector<Batch> spare_;
  bool closed_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

class ListHandler : public JsonEvents {
 public:
  ListHandler(const AwardListLayout& layout, const std::string& origin, const std::string& outPath)
      : layout_(layout), origin_(origin), outPath_(outPath) {
    for (size_t i = 0; i < layout.columns.size(); ++i) columnOf_[layout.columns[i].field] = i;
  }

  void startObject() override {
    if (stack_.empty()) {
      stack_.push_back('o');
      return;
    }
    if (inRows() && stack_.size() == 2) {
      ensureWriter();
      if (batch_.rows.size() == batch_.size) batch_.rows.emplace_back(layout_.columns.size());
      row_ = &batch_.rows[batch_.size];
      for (std::string& v : *row_) v.clear();
      stack_.push_back('o');
      return;
    }
    if (stack_.size() == 1 && key_ == "decision") {
      stack_.push_back('o');
      return;
    }
    fail(path(), "cấu trúc không hợp lệ");
  }

  void endObject() override {
    if (stack_.size() == 3 && inRows()) {
      ++batch_.size;
      if (batch_.size == kBatchRows) {
        pipe_->push(std::move(batch_));
        batch_ = pipe_->take();
      }
      ++rowIndex_;
    }
    stack_.pop_back();
    key_.clear();
  }

  void startArray() override {
    if (isRowItem()) notAnObject();
    if (stack_.size() == 1 && key_ == "rows") {
      rows_ = true;
      stack_.push_back('a');
      return;
    }
    fail(path(), "không được là mảng");
  }

  void endArray() override {
    stack_.pop_back();
    rows_ = false;
    key_.clear();
  }

  // A header key after "rows" would come too late (the header is already written): refused, not ignored.
  void key(const std::string& k) override {
    if (stack_.size() == 1) {
      if (rowsSeen_) {
        throw std::invalid_argument(origin_ + ": \"" + k + "\" " +
                                    (k == "rows" ? "chỉ được có một lần" : "phải đứng trước \"rows\""));
      }
      if (k == "rows") rowsSeen_ = true;
    }
    key_ = k;
  }

  void null() override {
    if (isRowItem()) notAnObject();
    if (stack_.size() == 1 && key_ == "rows") fail("rows", "phải là một mảng […]");
  }
  void number(const std::string& text) override { scalar(text, true); }
  void boolean(bool) override {
    if (isRowItem()) notAnObject();
    fail(path(), "không được là true/false");
  }
  void string(const std::string& s) override { scalar(s, false); }

  long finish() {
    ensureWriter();
    if (batch_.size) pipe_->push(std::move(batch_));
    pipe_->close();
    writer_->finish();
    return writer_->rows();
  }

 private:
  bool inRows() const { return rows_; }

  // True when the value being read is an element of "rows" itself (each must be an object).
  bool isRowItem() const { return rows_ && stack_.size() == 2; }

  [[noreturn]] void notAnObject() const { fail(path(), "mỗi dòng phải là một đối tượng {…}"); }

  std::string path() const {
    if (stack_.size() == 2 && rows_) return "rows[" + std::to_string(rowIndex_) + "]";
    if (stack_.size() >= 3 && rows_) return "rows[" + std::to_string(rowIndex_) + "]." + key_;
    if (stack_.size() == 2 && !rows_) return "decision." + key_;
    return key_;
  }

  [[noreturn]] void fail(const std::string& where, const std::string& message) const {
    throw std::invalid_argument(origin_ + ": " + where + ": " + message);
  }

  void scalar(const std::string& raw, bool number) {
    if (isRowItem()) notAnObject();
    if (stack_.size() == 3 && rows_) {
      auto it = columnOf_.find(key_);
      if (it != columnOf_.end()) (*row_)[it->second] = raw;  // normalised on the writer thread
      return;
    }
    if (stack_.size() == 1 && key_ == "rows") fail("rows", "phải là một mảng […]");
    if (number) fail(path(), "phải là chuỗi ký tự");
    std::string text;
    try {
      text = toNfc(raw);
    } catch (const std::invalid_argument&) {
      fail(path(), "không phải UTF-8 hợp lệ");
    }
    if (hasNonCharacter(text)) fail(path(), "chứa ký tự U+FFFE hoặc U+FFFF, không được phép trong XLSX");
    if (stack_.size() == 2) {
      decision_[key_] = text;
    } else if (stack_.size() == 1) {
      fields_[key_] = text;
    } else {
      fail(path(), "cấu trúc không hợp lệ");
    }
  }

  std::string need(const std::map<std::string, std::string>& m, const std::string& k,
                   const std::string& where) const {
    auto it = m.find(k);
    if (it == m.end() || it->second.empty()) {
      fail(where, "thiếu trường bắt buộc (phải đứng trước \"rows\")");
    }
    return it->second;
  }

  void ensureWriter() {
    if (writer_) return;
    AwardListHeader h;
    std::string created = need(fields_, "created", "created");
    if (!parseIsoDate(created, h.created)) fail("created", "ngày phải có dạng YYYY-MM-DD");
    h.issuer = need(fields_, "issuer", "issuer");
    h.superior = fields_["superior"];
    h.title = fields_["title"];
    h.subtitle = fields_["subtitle"];
    h.decisionNumber = need(decision_, "number", "decision.number");
    const std::string date = need(decision_, "date", "decision.date");
    h.decisionDate = displayDate(date);
    if (h.decisionDate.empty()) {
      fail("decision.date",
           "ngày không hợp lệ \"" + date + "\" (cần một ngày có thật, dạng YYYY-MM-DD hoặc DD/MM/YYYY)");
    }
    h.decidedBy = decision_["by"];
    writer_ = std::make_unique<AwardListWriter>(layout_, h, outPath_);
    std::vector<std::string> fields;
    for (const AwardListColumn& c : layout_.columns) fields.push_back(c.field);
    pipe_ = std::make_unique<RowPipe>(*writer_, origin_, std::move(fields));
  }

  const AwardListLayout& layout_;
  std::string origin_;
  std::string outPath_;
  std::unordered_map<std::string, size_t> columnOf_;
  std::vector<char> stack_;
  std::string key_;
  bool rows_ = false;
  bool rowsSeen_ = false;  // the top-level key "rows" was read: no other top-level key may follow
  long rowIndex_ = 0;
  Row* row_ = nullptr;  // the row being parsed, in batch_
  std::map<std::string, std::string> fields_;
  std::map<std::string, std::string> decision_;
  static constexpr size_t kBatchRows = 256;
  Batch batch_;
  std::unique_ptr<AwardListWriter> writer_;
  std::unique_ptr<RowPipe> pipe_;  // declared after writer_: stopped before the writer is destroyed
};

}  // namespace

long renderAwardList(const AwardListLayout& layout, std::istream& data, const std::string& origin,
                     const std::string& outPath) {
  ListHandler handler(layout, origin, outPath);
  try {
    parseJsonStream(data, handler);
  } catch (const JsonSyntaxError& e) {
    throw std::invalid_argument(origin + ": JSON không hợp lệ: " + e.what());
  } catch (const JsonInputError&) {
    throw std::runtime_error(origin + ": không đọc được tệp dữ liệu");
  }
  return handler.finish();
}

}  // namespace thidua::xlsx
