#include "generators/xlsx/shared_strings.h"

#include <algorithm>
#include <stdexcept>

#include "generators/xlsx/sheet_xml.h"

namespace thidua::xlsx {
namespace {

// Finds attribute `name`="digits" in `xml` between `from` and `limit` (the opening tag of <sst>), checks
// it and stores it in `value`; returns the position of the digits.
size_t findCount(const std::string& xml, const std::string& name, size_t from, size_t limit, uint32_t& value) {
  const std::string key = " " + name + "=\"";
  const size_t at = xml.find(key, from);
  if (at == std::string::npos || at > limit) {
    throw std::runtime_error("sharedStrings.xml: thiếu thuộc tính " + name + " của <sst>");
  }
  const size_t start = at + key.size();
  const size_t end = xml.find('"', start);
  uint64_t v = 0;
  bool ok = end != std::string::npos && end > start && end - start <= 10;
  for (size_t p = start; ok && p < end; ++p) {
    ok = xml[p] >= '0' && xml[p] <= '9';
    v = v * 10 + static_cast<uint64_t>(xml[p] - '0');
  }
  if (!ok || v > SharedStrings::kMaxCount) {
    const std::string shown = xml.substr(start, std::min<size_t>(end == std::string::npos ? 16 : end - start, 16));
    throw std::runtime_error("sharedStrings.xml: " + name + " phải là số nguyên từ 0 đến " +
                             std::to_string(SharedStrings::kMaxCount) + ", không phải \"" + shown + "\"");
  }
  value = static_cast<uint32_t>(v);
  return start;
}

// The opening tag of <sst>: [open, openEnd). Throws if there is none or no </sst> after it.
void findSst(const std::string& xml, size_t& open, size_t& openEnd, size_t& close) {
  open = xml.find("<sst");
  openEnd = open == std::string::npos ? open : xml.find('>', open);
  close = xml.rfind("</sst>");
  if (openEnd == std::string::npos || close == std::string::npos || close < openEnd) {
    throw std::runtime_error("sharedStrings.xml không hợp lệ");
  }
}

}  // namespace

SharedStrings::SharedStrings(uint32_t firstIndex, size_t columns) : first_(firstIndex), columns_(columns) {
  index_.reserve(kTotal * 2);
}

long SharedStrings::intern(size_t column, const std::string& text) {
  Column& col = columns_[column];
  if (col.inlineOnly) return -1;
  auto it = index_.find(text);
  if (it == index_.end()) {
    if (text.size() > kMaxLength || added_.size() >= kTotal || col.added >= kPerColumn) return -1;
    it = index_.emplace(text, first_ + static_cast<uint32_t>(added_.size())).first;
    added_.push_back(&it->first);
    ++col.added;
  }
  ++col.references;
  ++references_;
  if (col.added == kProbe && col.references < 2 * kProbe) col.inlineOnly = true;
  return it->second;
}

uint32_t sharedStringCount(const std::string& xml) {
  size_t open = 0, openEnd = 0, close = 0;
  findSst(xml, open, openEnd, close);
  uint32_t unique = 0;
  findCount(xml, "uniqueCount", open, openEnd, unique);
  return unique;
}

std::string SharedStrings::extend(const std::string& xml) const {
  size_t open = 0, openEnd = 0, close = 0;
  findSst(xml, open, openEnd, close);
  uint32_t count = 0, unique = 0;
  const size_t countAt = findCount(xml, "count", open, openEnd, count);
  const size_t uniqueAt = findCount(xml, "uniqueCount", open, openEnd, unique);
  if (unique != first_) throw std::runtime_error("sharedStrings.xml: số chuỗi không khớp");
  std::string items;
  for (const std::string* s : added_) {
    items += needsSpacePreserve(*s) ? "<si><t xml:space=\"preserve\">" : "<si><t>";
    appendXmlText(items, *s);
    items += "</t></si>";
  }
  // Rebuild: the two numbers, then the items before </sst> (count comes before uniqueCount).
  const std::string countText = std::to_string(uint64_t{count} + references_);
  const std::string uniqueText = std::to_string(uint64_t{unique} + added_.size());
  const size_t countEnd = xml.find('"', countAt), uniqueEnd = xml.find('"', uniqueAt);
  std::string out;
  out.reserve(xml.size() + items.size() + 16);
  if (countAt < uniqueAt) {
    out.append(xml, 0, countAt);
    out += countText;
    out.append(xml, countEnd, uniqueAt - countEnd);
    out += uniqueText;
    out.append(xml, uniqueEnd, close - uniqueEnd);
  } else {
    out.append(xml, 0, uniqueAt);
    out += uniqueText;
    out.append(xml, uniqueEnd, countAt - uniqueEnd);
    out += countText;
    out.append(xml, countEnd, close - countEnd);
  }
  out += items;
  out.append(xml, close, std::string::npos);
  return out;
}

}  // namespace thidua::xlsx
