#include "generators/pdf/certificate_batch.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "generators/common/json_stream.h"
#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

void removeField(CertificateRecord& record, const std::string& key) {
  record.erase(std::remove_if(record.begin(), record.end(), [&](const auto& f) { return f.first == key; }),
               record.end());
}

using kainjow::mustache::data;

const char kShapeError[] = ": danh sách phải là mảng […] hoặc đối tượng {\"common\": …, \"items\": […]}";

// Builds the batch from the reader's events. Each open array or object is a frame; its role says where
// its values go: the top-level object, the list of items, a record (an item or "common"), a value inside
// a record, or a top-level field the batch does not use.
class BatchBuilder : public JsonEvents {
 public:
  explicit BatchBuilder(CertificateBatch& batch) : batch_(batch) {}

  bool sawItems() const { return sawItems_; }

  void startObject() override {
    if (stack_.empty()) return push(Role::Top, data::type::object);
    Frame& top = stack_.back();
    switch (top.role) {
      case Role::Items:
        batch_.items.emplace_back();
        return pushRecord(&batch_.items.back());
      case Role::Top:
        if (top.key == "common") {
          once(sawCommon_, "common");
          return pushRecord(&batch_.common);
        }
        if (top.key == "items") throw RenderError(batch_.source + ": \"items\" phải là mảng […]");
        return push(Role::Ignored, data::type::object);
      case Role::Ignored: return push(Role::Ignored, data::type::object);
      default: return push(Role::Value, data::type::object);
    }
  }

  void startArray() override {
    if (stack_.empty()) return pushItems();
    Frame& top = stack_.back();
    switch (top.role) {
      case Role::Items: throw notAnObject();
      case Role::Top:
        if (top.key == "items") return pushItems();
        if (top.key == "common") throw RenderError(batch_.source + ": \"common\" phải là đối tượng {…}");
        return push(Role::Ignored, data::type::list);
      case Role::Ignored: return push(Role::Ignored, data::type::list);
      default: return push(Role::Value, data::type::list);
    }
  }

  void endObject() override { pop(); }
  void endArray() override { pop(); }
  void key(const std::string& name) override {
    Frame& top = stack_.back();
    top.key = top.role == Role::Record || top.role == Role::Value ? nfc(name, true) : name;
  }
  void string(const std::string& value) override {
    if (ignored()) return;
    deliver(data(nfc(value, false)), false);
  }
  void number(const std::string& text) override { deliver(data(text), false); }
  void boolean(bool value) override { deliver(data(value), false); }
  void null() override { deliver(data(false), true); }

 private:
  enum class Role { Top, Items, Record, Value, Ignored };
  struct Frame {
    Role role;
    data value;                         // a Value frame's object or list
    std::string key;                    // the key whose value comes next (objects)
    CertificateRecord* record = nullptr;  // a Record frame's fields
  };

  void push(Role role, data::type type) { stack_.push_back(Frame{role, data(type), {}, nullptr}); }
  void pushRecord(CertificateRecord* record) { stack_.push_back(Frame{Role::Record, data(), {}, record}); }
  void pushItems() {
    once(sawItems_, "items");
    push(Role::Items, data::type::list);
  }
  // A top-level field written twice would merge two lists into one batch: refused.
  void once(bool& seen, const char* field) {
    if (seen) throw RenderError(batch_.source + ": trường \"" + field + "\" xuất hiện hai lần");
    seen = true;
  }
  // Whether the value about to be delivered is one the batch does not use.
  bool ignored() const {
    if (stack_.empty()) return false;
    const Frame& top = stack_.back();
    return top.role == Role::Ignored || (top.role == Role::Top && top.key != "items" && top.key != "common");
  }

  void pop() {
    Frame done = std::move(stack_.back());
    stack_.pop_back();
    if (done.role == Role::Value && !stack_.empty()) deliver(std::move(done.value), false);
  }

  // A finished value (scalar, or a closed array or object) for the innermost open frame.
  void deliver(data value, bool isNull) {
    if (stack_.empty()) throw RenderError(batch_.source + kShapeError);
    Frame& top = stack_.back();
    switch (top.role) {
      case Role::Items: throw notAnObject();
      case Role::Top:
        if (top.key == "items") throw RenderError(batch_.source + ": \"items\" phải là mảng […]");
        if (top.key == "common" && !isNull) throw RenderError(batch_.source + ": \"common\" phải là đối tượng {…}");
        return;
      case Role::Record:
        // The last value of a key counts: a later null removes an earlier value.
        if (isNull) removeField(*top.record, top.key);
        else top.record->emplace_back(top.key, std::move(value));
        return;
      case Role::Value:
        if (top.value.is_list()) top.value.push_back(value);
        else top.value.set(top.key, value);
        return;
      case Role::Ignored: return;
    }
  }

  RenderError notAnObject() const {
    return RenderError(batch_.source + ": mục " + std::to_string(batch_.items.size() + 1) +
                       " phải là một đối tượng {…}");
  }

  // Where the reader is, for messages: the innermost record (an item or "common") and its field.
  std::string location(bool withField) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->role != Role::Record) continue;
      std::string where = it->record == &batch_.common ? ", \"common\"" : ", mục " + std::to_string(batch_.items.size());
      if (withField && !it->key.empty()) where += ", trường \"" + it->key + "\"";
      return where;
    }
    return "";
  }

  // `text` (a key, or a string value) in NFC; invalid UTF-8 is refused, naming where it is.
  std::string nfc(const std::string& text, bool isKey) const {
    try {
      return toNfc(text);
    } catch (const std::invalid_argument&) {
      throw RenderError(batch_.source + location(!isKey) + (isKey ? ": tên trường" : ": văn bản") +
                        " không phải UTF-8 hợp lệ");
    }
  }

  CertificateBatch& batch_;
  std::vector<Frame> stack_;
  bool sawItems_ = false;
  bool sawCommon_ = false;
};

}  // namespace

const kainjow::mustache::data* findField(const CertificateRecord& record, const std::string& key) {
  for (auto it = record.rbegin(); it != record.rend(); ++it)
    if (it->first == key) return &it->second;
  return nullptr;
}

CertificateBatch parseCertificateBatch(std::istream& json, const std::string& source) {
  CertificateBatch batch;
  batch.source = source;
  BatchBuilder builder(batch);
  try {
    parseJsonStream(json, builder);
  } catch (const JsonSyntaxError& e) {
    throw RenderError(source + ": JSON không hợp lệ (" + e.what() + ")");
  } catch (const JsonInputError&) {
    throw RenderError(source + ": không đọc được tệp dữ liệu");
  }
  if (!builder.sawItems())
    throw RenderError(source + ": thiếu trường bắt buộc \"items\" (danh sách người được khen)");
  if (batch.items.empty()) throw RenderError(source + ": danh sách khen thưởng trống");
  return batch;
}

CertificateBatch parseCertificateBatch(const std::string& json, const std::string& source) {
  std::istringstream in(json);
  return parseCertificateBatch(in, source);
}

CertificateBatch loadCertificateBatch(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RenderError(path + ": không mở được tệp dữ liệu");
  return parseCertificateBatch(in, path);
}

}  // namespace thidua::pdf
