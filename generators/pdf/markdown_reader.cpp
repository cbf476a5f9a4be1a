#include "generators/pdf/markdown_reader.h"

#include <md4c.h>

#include <cstdlib>
#include <string_view>

#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

struct ListState {
  bool ordered = false;
  unsigned next = 1;
  char delimiter = '.';
};

Block makeBlock(BlockKind kind) {
  Block b;
  b.kind = kind;
  return b;
}

class Builder {
 public:
  std::vector<Block> blocks;

  void enterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H:
        open(BlockKind::Heading).level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_P:
        // The first paragraph of a list item is the item itself.
        if (inItem_ && cur() && cur()->kind == BlockKind::ListItem && cur()->runs.empty()) break;
        if (!inTable()) open(BlockKind::Paragraph);
        break;
      case MD_BLOCK_CODE:
        open(BlockKind::Paragraph);
        break;
      case MD_BLOCK_UL: {
        lists_.push_back(ListState{false, 1, '.'});
        break;
      }
      case MD_BLOCK_OL: {
        auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
        lists_.push_back(ListState{true, d->start, d->mark_delimiter});
        break;
      }
      case MD_BLOCK_LI: {
        Block& b = open(BlockKind::ListItem);
        b.level = static_cast<int>(lists_.size());
        ListState& l = lists_.back();
        if (l.ordered) {
          b.marker = std::to_string(l.next++) + l.delimiter;
        } else {
          static const char* kBullets[] = {"-", "+", "•"};
          b.marker = kBullets[(lists_.size() - 1) % 3];
        }
        inItem_ = true;
        break;
      }
      case MD_BLOCK_HR:
        blocks.push_back(makeBlock(BlockKind::PageBreak));
        current_ = kNone;
        break;
      case MD_BLOCK_TABLE:
        blocks.push_back(makeBlock(BlockKind::Table));
        tableIndex_ = blocks.size() - 1;
        current_ = kNone;
        break;
      case MD_BLOCK_THEAD: inHead_ = true; break;
      case MD_BLOCK_TBODY: inHead_ = false; break;
      case MD_BLOCK_TR:
        table().rows.emplace_back();
        if (inHead_) table().headerRows++;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        table().rows.back().emplace_back();
        {
          const MD_ALIGN a = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
          table().rows.back().back().align = a == MD_ALIGN_CENTER ? 1 : a == MD_ALIGN_RIGHT ? 2 : 0;
        }
        cellRuns_ = &table().rows.back().back().runs;
        if (type == MD_BLOCK_TH) bold_++;
        break;
      default:
        break;
    }
  }

  void leaveBlock(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H:
      case MD_BLOCK_CODE:
        current_ = kNone;
        break;
      case MD_BLOCK_P:
        if (!inTable()) current_ = kNone;
        break;
      case MD_BLOCK_LI: inItem_ = false; current_ = kNone; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        lists_.pop_back();
        inItem_ = !lists_.empty();
        break;
      case MD_BLOCK_TH: bold_--; cellRuns_ = nullptr; break;
      case MD_BLOCK_TD: cellRuns_ = nullptr; break;
      case MD_BLOCK_TABLE: tableIndex_ = static_cast<size_t>(-1); break;
      default: break;
    }
  }

  void span(MD_SPANTYPE type, bool enter) {
    const int d = enter ? 1 : -1;
    if (type == MD_SPAN_STRONG) bold_ += d;
    if (type == MD_SPAN_EM) italic_ += d;
  }

  void text(MD_TEXTTYPE type, std::string_view s) {
    switch (type) {
      case MD_TEXT_BR: {
        Run r;
        r.lineBreak = true;
        target().push_back(r);
        return;
      }
      case MD_TEXT_SOFTBR: append(" "); return;
      case MD_TEXT_NULLCHAR: return;
      case MD_TEXT_ENTITY: append(decodeEntity(s)); return;
      default: append(std::string(s)); return;
    }
  }

 private:
  bool inTable() const { return tableIndex_ != static_cast<size_t>(-1); }
  Table& table() { return blocks[tableIndex_].table; }

  Block& open(BlockKind kind) {
    blocks.push_back(makeBlock(kind));
    current_ = blocks.size() - 1;
    return blocks.back();
  }

  std::vector<Run>& target() {
    if (cellRuns_) return *cellRuns_;
    if (!cur()) open(BlockKind::Paragraph);
    return cur()->runs;
  }

  void append(const std::string& s) {
    if (s.empty()) return;
    std::vector<Run>& runs = target();
    const bool b = bold_ > 0, i = italic_ > 0;
    if (!runs.empty() && !runs.back().lineBreak && runs.back().bold == b && runs.back().italic == i) {
      runs.back().text += s;
    } else {
      Run r;
      r.text = s;
      r.bold = b;
      r.italic = i;
      runs.push_back(std::move(r));
    }
  }


  static std::string decodeEntity(std::string_view e) {
    if (e == "&amp;") return "&";
    if (e == "&lt;") return "<";
    if (e == "&gt;") return ">";
    if (e == "&quot;") return "\"";
    if (e == "&nbsp;") return "\xC2\xA0";
    static const std::pair<const char*, const char*> kNamed[] = {
        {"&copy;", "©"}, {"&reg;", "®"}, {"&deg;", "°"}, {"&times;", "×"}, {"&ndash;", "–"}, {"&mdash;", "—"},
        {"&hellip;", "…"}, {"&laquo;", "«"}, {"&raquo;", "»"}, {"&ldquo;", "“"}, {"&rdquo;", "”"},
        {"&lsquo;", "‘"}, {"&rsquo;", "’"}, {"&apos;", "'"}, {"&sect;", "§"}, {"&plusmn;", "±"}};
    for (const auto& [name, text] : kNamed) {
      if (e == name) return text;
    }
    if (e.size() > 3 && e[1] == '#') {
      const std::string digits(e.substr(2, e.size() - 3));
      const unsigned long cp = (digits[0] == 'x' || digits[0] == 'X') ? std::strtoul(digits.c_str() + 1, nullptr, 16)
                                                                      : std::strtoul(digits.c_str(), nullptr, 10);
      if (cp > 0 && cp < 0x110000) {
        std::string out;
        appendUtf8(out, static_cast<char32_t>(cp));
        return out;
      }
    }
    return std::string(e);
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  Block* cur() { return current_ == kNone ? nullptr : &blocks[current_]; }

  size_t current_ = kNone;
  size_t tableIndex_ = kNone;
  std::vector<Run>* cellRuns_ = nullptr;
  std::vector<ListState> lists_;
  bool inItem_ = false;
  bool inHead_ = false;
  int bold_ = 0;
  int italic_ = 0;
};

int onEnterBlock(MD_BLOCKTYPE t, void* d, void* u) { static_cast<Builder*>(u)->enterBlock(t, d); return 0; }
int onLeaveBlock(MD_BLOCKTYPE t, void*, void* u) { static_cast<Builder*>(u)->leaveBlock(t); return 0; }
int onEnterSpan(MD_SPANTYPE t, void*, void* u) { static_cast<Builder*>(u)->span(t, true); return 0; }
int onLeaveSpan(MD_SPANTYPE t, void*, void* u) { static_cast<Builder*>(u)->span(t, false); return 0; }
int onText(MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
  static_cast<Builder*>(u)->text(t, std::string_view(s, n));
  return 0;
}

}  // namespace

std::vector<Block> readMarkdown(const std::string& markdown, const std::string& source) {
  Builder builder;
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS;
  parser.enter_block = onEnterBlock;
  parser.leave_block = onLeaveBlock;
  parser.enter_span = onEnterSpan;
  parser.leave_span = onLeaveSpan;
  parser.text = onText;
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &builder) != 0) {
    throw RenderError(source + ": không đọc được phần nội dung Markdown");
  }
  return std::move(builder.blocks);
}

}  // namespace thidua::pdf
