#include "generators/xlsx/workbook_reader.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>

#include <cstdlib>
#include <cstring>
#include <map>

#include "generators/xlsx/form_layout.h"
#include "generators/xlsx/xml_guard.h"

namespace thidua::xlsx {
namespace {

using Poco::XML::Attributes;
using Poco::XML::XMLChar;
using Poco::XML::XMLString;

// The parts are parsed without namespace processing (it costs a third of the parse): names arrive as
// written, possibly prefixed ("x:c"); OOXML element and attribute names are unambiguous without their
// namespaces.

// The local part of a possibly prefixed name.
std::string localOf(const XMLString& qname) {
  size_t colon = qname.find(':');
  return colon == XMLString::npos ? qname : qname.substr(colon + 1);
}

// Unprefixed attribute `name`, or "" if absent.
std::string attr(const Attributes& a, const char* name) {
  for (int i = 0; i < a.getLength(); ++i) {
    if (a.getQName(i) == name) return a.getValue(i);
  }
  return "";
}

// Prefixed attribute "*:local" (r:id), or "" if absent.
std::string nsAttr(const Attributes& a, const char* local) {
  const size_t n = std::strlen(local);
  for (int i = 0; i < a.getLength(); ++i) {
    const XMLString& q = a.getQName(i);
    if (q.size() > n + 1 && q[q.size() - n - 1] == ':' && q.compare(q.size() - n, n, local) == 0) return a.getValue(i);
  }
  return "";
}

// Resolves a relationship target against the folder of the part that owns it.
std::string resolve(const std::string& base, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string dir = base.substr(0, base.rfind('/') + 1);
  std::string path = dir + target;
  // Collapse "x/../".
  size_t at;
  while ((at = path.find("/../")) != std::string::npos) {
    size_t start = path.rfind('/', at == 0 ? 0 : at - 1);
    start = start == std::string::npos ? 0 : start + 1;
    path.erase(start, at + 4 - start);
  }
  return path;
}

class RelsHandler : public Poco::XML::DefaultHandler {
 public:
  std::map<std::string, std::pair<std::string, std::string>> byId;  // id -> (type, target)
  void startElement(const XMLString&, const XMLString&, const XMLString& qname, const Attributes& a) override {
    if (localOf(qname) == "Relationship") byId[attr(a, "Id")] = {attr(a, "Type"), attr(a, "Target")};
  }
};

class WorkbookHandler : public Poco::XML::DefaultHandler {
 public:
  struct Entry {
    std::string name, rid, state;
  };
  std::vector<Entry> sheets;
  void startElement(const XMLString&, const XMLString&, const XMLString& qname, const Attributes& a) override {
    if (localOf(qname) == "sheet") {
      std::string state = attr(a, "state");
      sheets.push_back({attr(a, "name"), nsAttr(a, "id"), state.empty() ? "visible" : state});
    }
  }
};

// Collects <si> texts, skipping phonetic runs (<rPh>).
class SharedStringsHandler : public Poco::XML::DefaultHandler {
 public:
  explicit SharedStringsHandler(std::vector<std::string>& out) : out_(out) {}
  void startElement(const XMLString&, const XMLString&, const XMLString& qname, const Attributes&) override {
    const std::string local = localOf(qname);
    if (local == "si") {
      current_.clear();
    } else if (local == "rPh") {
      ++phonetic_;
    } else if (local == "t" && phonetic_ == 0) {
      inText_ = true;
    }
  }
  void endElement(const XMLString&, const XMLString&, const XMLString& qname) override {
    const std::string local = localOf(qname);
    if (local == "si") {
      out_.push_back(current_);
    } else if (local == "rPh") {
      --phonetic_;
    } else if (local == "t") {
      inText_ = false;
    }
  }
  void characters(const XMLChar ch[], int start, int length) override {
    if (inText_) current_.append(ch + start, static_cast<size_t>(length));
  }

 private:
  std::vector<std::string>& out_;
  std::string current_;
  int phonetic_ = 0;
  bool inText_ = false;
};

class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared,
               const std::function<void(int, int, const RawCell&)>& onCell)
      : shared_(shared), onCell_(onCell) {}

  void startElement(const XMLString&, const XMLString&, const XMLString& qname, const Attributes& a) override {
    const XMLString& local = qname.find(':') == XMLString::npos ? qname : (scratch_ = localOf(qname));
    switch (local.size()) {
      case 1:
        if (local[0] == 'c') {
          startCell(a);
        } else if (local[0] == 'v' && inCell_) {
          capture_ = &cell_.value;
          cell_.hasValue = true;
        } else if (local[0] == 'f' && inCell_) {
          capture_ = &cell_.formula;
          cell_.hasFormula = true;
          if (attr(a, "t") == "shared") cell_.sharedFormula = true;
        } else if (local[0] == 't' && inInline_ && phonetic_ == 0) {
          capture_ = &cell_.value;
        }
        break;
      case 2:
        if (local == "is" && inCell_) {
          inInline_ = true;
          cell_.hasValue = true;
        }
        break;
      case 3:
        if (local == "row") {
          std::string r = attr(a, "r");
          row_ = r.empty() ? row_ + 1 : std::atoi(r.c_str()) - 1;
          col_ = -1;
        } else if (local == "rPh") {
          ++phonetic_;
        }
        break;
      default:
        break;
    }
  }

  void endElement(const XMLString&, const XMLString&, const XMLString& qname) override {
    const XMLString& local = qname.find(':') == XMLString::npos ? qname : (scratch_ = localOf(qname));
    if (local.size() == 1 && local[0] == 'c') {
      endCell();
    } else if (local == "is") {
      inInline_ = false;
    } else if (local == "rPh") {
      --phonetic_;
    }
    if (local.size() == 1) capture_ = nullptr;
  }

  void characters(const XMLChar ch[], int start, int length) override {
    if (capture_) capture_->append(ch + start, static_cast<size_t>(length));
  }

 private:
  void startCell(const Attributes& a) {
    inCell_ = true;
    cell_.type = 'n';
    cell_.value.clear();
    cell_.formula.clear();
    cell_.hasValue = cell_.hasFormula = cell_.sharedFormula = false;
    std::string r = attr(a, "r");
    int row = row_, col = col_ + 1;
    if (!r.empty() && parseCellName(r, row, col)) {
      row_ = row;
    }
    col_ = col;
    std::string t = attr(a, "t");
    if (t.empty() || t == "n") {
      type_ = 'n';
    } else if (t == "s") {
      type_ = 'S';  // shared string index, resolved at the end
    } else if (t == "inlineStr") {
      type_ = 's';
    } else if (t == "str") {
      type_ = 'f';
    } else if (t == "b" || t == "e" || t == "d") {
      type_ = t[0];
    } else {
      type_ = 'n';
    }
  }

  void endCell() {
    inCell_ = false;
    if (type_ == 'S') {
      cell_.type = 's';
      if (cell_.hasValue) {
        char* end = nullptr;
        unsigned long i = std::strtoul(cell_.value.c_str(), &end, 10);
        if (end == cell_.value.c_str() || i >= shared_.size()) {
          throw ReadFailure(ReadErrorCode::NotXlsx, "Ô " + cellName(row_, col_) + " tham chiếu chuỗi không tồn tại");
        }
        cell_.value = shared_[i];
      }
    } else {
      cell_.type = type_;
    }
    onCell_(row_, col_, cell_);
  }

  const std::vector<std::string>& shared_;
  const std::function<void(int, int, const RawCell&)>& onCell_;
  RawCell cell_;
  char type_ = 'n';
  int row_ = -1;
  int col_ = -1;
  bool inCell_ = false;
  bool inInline_ = false;
  int phonetic_ = 0;
  std::string* capture_ = nullptr;
  std::string scratch_;
};

}  // namespace

WorkbookReader::WorkbookReader(const std::string& path) : zip_(std::make_unique<ZipReader>(path)) {
  if (!zip_->has("[Content_Types].xml") || !zip_->has("_rels/.rels")) {
    throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp nén không phải là tệp Excel (.xlsx): thiếu [Content_Types].xml");
  }
  RelsHandler root;
  parsePart(*zip_, "_rels/.rels", root);
  std::string workbook;
  for (const auto& [id, rel] : root.byId) {
    if (rel.first.size() >= 14 && rel.first.compare(rel.first.size() - 14, 14, "officeDocument") == 0) {
      workbook = resolve("", rel.second);
    }
  }
  if (workbook.empty() || !zip_->has(workbook)) {
    throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp nén không phải là tệp Excel (.xlsx): không có bảng tính");
  }
  WorkbookHandler wb;
  parsePart(*zip_, workbook, wb);
  std::string relsPart = workbook.substr(0, workbook.rfind('/') + 1) + "_rels/" +
                         workbook.substr(workbook.rfind('/') + 1) + ".rels";
  if (!zip_->has(relsPart)) throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp Excel thiếu phần " + relsPart);
  RelsHandler rels;
  parsePart(*zip_, relsPart, rels);
  for (const auto& s : wb.sheets) {
    auto it = rels.byId.find(s.rid);
    if (it == rels.byId.end()) continue;
    sheets_.push_back({s.name, resolve(workbook, it->second.second), s.state});
  }
  for (const auto& [id, rel] : rels.byId) {
    if (rel.first.size() >= 13 && rel.first.compare(rel.first.size() - 13, 13, "sharedStrings") == 0) {
      std::string part = resolve(workbook, rel.second);
      if (!zip_->has(part)) throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp Excel thiếu phần " + part);
      SharedStringsHandler ss(shared_);
      parsePart(*zip_, part, ss);
    }
  }
}

WorkbookReader::~WorkbookReader() = default;

const SheetInfo* WorkbookReader::findSheet(const std::string& name) const {
  for (const auto& s : sheets_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void WorkbookReader::readSheet(const SheetInfo& sheet, const std::function<void(int, int, const RawCell&)>& onCell) {
  if (!zip_->has(sheet.part)) throw ReadFailure(ReadErrorCode::NotXlsx, "Tệp Excel thiếu phần " + sheet.part);
  SheetHandler h(shared_, onCell);
  parsePart(*zip_, sheet.part, h);
}

}  // namespace thidua::xlsx
