#pragma once
// The format-neutral document model: what a document says, not how it is laid out.
// A template + data become a Document; a layout engine turns it into pages.

#include <string>
#include <vector>

namespace thidua::pdf {

/// A run of text with one style. Text is UTF-8 in NFC.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool lineBreak = false;  // a forced line break (text is empty)
};

/// One table cell: its runs, already in reading order.
struct TableCell {
  std::vector<Run> runs;
  int align = 0;  // 0 left, 1 centre, 2 right (from the Markdown delimiter row, e.g. |:---:|)
};

/// A table; the first `headerRows` rows repeat at the top of every page the table spans.
struct Table {
  std::vector<std::vector<TableCell>> rows;
  size_t headerRows = 0;
};

enum class BlockKind {
  Paragraph,  // justified body text with a first-line indent
  Heading,    // level 1: centred bold; 2-3: bold; 4: bold italic; 5: italic; 6: centred plain
  ListItem,   // a paragraph that starts with `marker` ("-", "+", "1.", "a)")
  Table,
  PageBreak,
};

/// One block of the body.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;          // heading level (1..6) or list nesting depth (1..)
  std::string marker;     // list items only
  std::vector<Run> runs;  // paragraphs, headings, list items
  Table table;            // tables only
};

/// The signature block: "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name.
struct Signature {
  std::string prefix;     // "", "TM.", "KT.", "Q.", "TL.", "TUQ."
  std::string authority;  // after the prefix: "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
  std::string position;   // "PHÓ CHỦ TỊCH" (may be empty when the authority is the position)
  std::string name;
};

/// Metadata of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I). All text NFC.
struct DocumentMeta {
  std::string id;                    // stable identifier: the PDF /ID and info derive from it
  std::vector<std::string> superior; // lines of the superior body (may be empty)
  std::vector<std::string> issuer;   // lines of the issuing body
  std::string number;                // "298/KH-UBND" (printed as "Số: 298/KH-UBND")
  std::string placeDate;             // "Bình Phước, ngày 05 tháng 01 năm 2024"
  std::string pdfDate;               // "D:20240105000000Z"
  std::string type;                  // "KẾ HOẠCH"
  std::vector<std::string> summary;  // lines of the summary under the type
  std::string authorityLine;         // decisions: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
  std::vector<std::string> bases;    // "Căn cứ ...;" lines, rendered italic
  std::vector<std::string> recipients;  // "Nơi nhận" entries without the leading "- "
  std::string archive;               // "VT, VX" -> "- Lưu: VT, VX."
  Signature signature;
};

/// Page geometry in millimetres (defaults: Nghị định 30/2020 minimums).
struct PageSetup {
  double marginTop = 20, marginBottom = 20, marginLeft = 30, marginRight = 15;
  double fontSize = 14;  // body size in points, 13 or 14
};

/// A whole administrative document: metadata, body, and an optional annex that starts on a new page
/// after the signature block.
struct Document {
  DocumentMeta meta;
  PageSetup page;
  std::vector<Block> body;
  std::vector<Block> annex;
};

}  // namespace thidua::pdf
