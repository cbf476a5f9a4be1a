#include "generators/common/json_stream.h"

#include <vector>

namespace thidua {
namespace {

class Reader {
 public:
  Reader(std::istream& in, size_t maxTokenBytes) : in_(in), buf_(1 << 16), maxTokenBytes_(maxTokenBytes) {}

  // The offset, in the whole input, of the next byte.
  size_t offset() const { return consumed_ + pos_; }

  // The next byte without consuming it; -1 at the end.
  int peek() {
    if (pos_ == end_ && !refill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  int get() {
    const int c = peek();
    if (c >= 0) ++pos_;
    return c;
  }
  void skipSpace() {
    for (;;) {
      while (pos_ < end_) {
        const char c = buf_[pos_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
        ++pos_;
      }
      if (!refill()) return;
    }
  }
  void expect(char c, const char* what) {
    skipSpace();
    const int got = get();
    if (got != static_cast<unsigned char>(c)) failOn(got, what);
  }
  // Reads a string's content after its opening quote, through the closing quote.
  void readString(std::string& out) {
    out.clear();
    const size_t start = offset() - 1;  // the opening quote
    for (;;) {
      size_t i = pos_;
      while (i < end_) {
        const unsigned char c = static_cast<unsigned char>(buf_[i]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++i;
      }
      if (out.size() + (i - pos_) > maxTokenBytes_) tooLong(start, "chuỗi");
      out.append(buf_.data() + pos_, i - pos_);
      pos_ = i;
      if (pos_ == end_) {
        if (!refill()) fail("chuỗi chưa đóng");
        continue;
      }
      const unsigned char c = static_cast<unsigned char>(buf_[pos_++]);
      if (c == '"') return;
      if (c < 0x20) failOn(c, "ký tự điều khiển trong chuỗi");
      escape(out);
      if (out.size() > maxTokenBytes_) tooLong(start, "chuỗi");
    }
  }
  // Reads a number whose first character is `first` (already consumed).
  std::string readNumber(int first) {
    std::string text(1, static_cast<char>(first));
    const size_t start = offset() - 1;
    auto digits = [&]() {
      size_t n = 0;
      for (int c = peek(); c >= '0' && c <= '9'; c = peek()) {
        if (text.size() >= maxTokenBytes_) tooLong(start, "số");
        text += static_cast<char>(get());
        ++n;
      }
      return n;
    };
    if (first == '-') {
      const int c = get();
      if (c < '0' || c > '9') failOn(c, "số không hợp lệ");
      text += static_cast<char>(c);
    }
    if (text.back() != '0') digits();
    if (peek() == '.') {
      text += static_cast<char>(get());
      if (!digits()) fail("số không hợp lệ");
    }
    if (peek() == 'e' || peek() == 'E') {
      text += static_cast<char>(get());
      if (peek() == '+' || peek() == '-') text += static_cast<char>(get());
      if (!digits()) fail("số không hợp lệ");
    }
    return text;  // exactly as written: no digit is lost
  }
  void literal(const char* rest) {
    for (const char* p = rest; *p; ++p) {
      const int c = get();
      if (c != static_cast<unsigned char>(*p)) failOn(c, "giá trị không hợp lệ");
    }
  }
  bool atEnd() {
    skipSpace();
    return peek() < 0;
  }
  void skipBom() {
    if (peek() == 0xEF && end_ - pos_ >= 3 && buf_[pos_ + 1] == '\xBB' && buf_[pos_ + 2] == '\xBF') pos_ += 3;
  }
  // A problem at the next byte (not consumed yet).
  [[noreturn]] void fail(const std::string& what) const { failAt(offset(), what); }
  // A problem at the byte `c` just read by get() (at the end of the input when c < 0).
  [[noreturn]] void failOn(int c, const std::string& what) const { failAt(c < 0 ? offset() : offset() - 1, what); }
  [[noreturn]] void failAt(size_t at, const std::string& what) const {
    throw JsonSyntaxError(at, what);
  }
  // A string or number that starts at `start` is longer than maxTokenBytes_.
  [[noreturn]] void tooLong(size_t start, const char* what) const {
    failAt(start, std::string(what) + " dài quá " + std::to_string(maxTokenBytes_) + " byte");
  }

 private:
  bool refill() {
    consumed_ += end_;
    pos_ = end_ = 0;
    if (!in_) return false;
    in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    if (in_.bad()) throw JsonInputError("byte " + std::to_string(consumed_ + end_) + ": không đọc được dữ liệu vào");
    return end_ > 0;
  }
  unsigned hex4() {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      const int c = get();
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        failOn(c, "\\u cần 4 chữ số hệ 16");
      }
    }
    return v;
  }
  void escape(std::string& out) {
    const int c = get();
    switch (c) {
      case '"': out += '"'; return;
      case '\\': out += '\\'; return;
      case '/': out += '/'; return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'n': out += '\n'; return;
      case 'r': out += '\r'; return;
      case 't': out += '\t'; return;
      case 'u': break;
      default: failOn(c, "chuỗi thoát không hợp lệ");
    }
    unsigned cp = hex4();
    if (cp >= 0xDC00 && cp <= 0xDFFF) fail("\\u: nửa sau của cặp thay thế đứng một mình");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (get() != '\\' || get() != 'u') fail("\\u: thiếu nửa sau của cặp thay thế");
      const unsigned low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) fail("\\u: cặp thay thế không hợp lệ");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::istream& in_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  size_t consumed_ = 0;  // bytes before buf_
  size_t maxTokenBytes_;
};

}  // namespace

void parseJsonStream(std::istream& in, JsonEvents& events, const JsonLimits& limits) {
  Reader r(in, limits.maxTokenBytes);
  // Called with the opening bracket just consumed.
  auto checkDepth = [&](size_t depth) {
    if (depth >= limits.maxDepth) {
      r.failAt(r.offset() - 1, "JSON lồng quá " + std::to_string(limits.maxDepth) + " tầng");
    }
  };
  r.skipBom();
  std::vector<char> stack;  // 'o' object, 'a' array
  std::string text;
  auto readKey = [&]() {
    r.expect('"', "cần tên trường trong dấu \"");
    r.readString(text);
    events.key(text);
    r.expect(':', "cần dấu \":\" sau tên trường");
  };
  for (;;) {
    // A value is expected here.
    r.skipSpace();
    const int c = r.get();
    bool closed = true;  // a complete value was read
    switch (c) {
      case '{':
        checkDepth(stack.size());
        events.startObject();
        stack.push_back('o');
        r.skipSpace();
        if (r.peek() == '}') {
          r.get();
          stack.pop_back();
          events.endObject();
        } else {
          readKey();
          closed = false;
        }
        break;
      case '[':
        checkDepth(stack.size());
        events.startArray();
        stack.push_back('a');
        r.skipSpace();
        if (r.peek() == ']') {
          r.get();
          stack.pop_back();
          events.endArray();
        } else {
          closed = false;
        }
        break;
      case '"':
        r.readString(text);
        events.string(text);
        break;
      case 't':
        r.literal("rue");
        events.boolean(true);
        break;
      case 'f':
        r.literal("alse");
        events.boolean(false);
        break;
      case 'n':
        r.literal("ull");
        events.null();
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          events.number(r.readNumber(c));
        } else {
          r.failOn(c, c < 0 ? "dữ liệu kết thúc giữa chừng" : "cần một giá trị");
        }
    }
    if (!closed) continue;
    // After a value: a separator or the end of containers.
    for (;;) {
      if (stack.empty()) {
        if (!r.atEnd()) r.fail("dữ liệu thừa sau giá trị JSON");
        return;
      }
      r.skipSpace();
      const int d = r.get();
      if (stack.back() == 'o') {
        if (d == ',') {
          readKey();
          break;
        }
        if (d != '}') r.failOn(d, d < 0 ? "dữ liệu kết thúc giữa chừng" : "cần dấu \",\" hoặc \"}\"");
        stack.pop_back();
        events.endObject();
      } else {
        if (d == ',') break;
        if (d != ']') r.failOn(d, d < 0 ? "dữ liệu kết thúc giữa chừng" : "cần dấu \",\" hoặc \"]\"");
        stack.pop_back();
        events.endArray();
      }
    }
  }
}

}  // namespace thidua
