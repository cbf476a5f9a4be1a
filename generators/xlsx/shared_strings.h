#pragma once
// The shared-string table of the award list: repeated texts (chức vụ, đơn vị, hình thức, …) are written
// once in xl/sharedStrings.xml and referenced by index from the sheet, which shrinks the sheet XML.
// Columns of mostly distinct texts (họ và tên, số quyết định) stay inline: once a column has added
// kProbe distinct strings with fewer than two references each on average, it adds and looks up no more.
// Memory is bounded: a column stops adding new strings after kPerColumn distinct ones, the table stops
// growing at kTotal, and long texts are never added; such texts are written inline instead. Which texts
// are shared depends only on the rows and their order, so output stays deterministic.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace thidua::xlsx {

class SharedStrings {
 public:
  static constexpr size_t kProbe = 256;
  static constexpr size_t kPerColumn = 1024;
  static constexpr size_t kTotal = 4096;
  static constexpr size_t kMaxLength = 256;  // bytes
  /// The largest count or uniqueCount accepted in a table read (INT32_MAX, as Excel's indexes are signed);
  /// with at most kTotal added strings every index still fits in uint32_t.
  static constexpr uint32_t kMaxCount = 0x7FFFFFFF;

  /// `firstIndex`: the number of strings already in the workbook's table (they keep their indexes);
  /// `columns`: the number of columns rows have.
  SharedStrings(uint32_t firstIndex, size_t columns);

  /// Returns the index of `text` (a cell of `column`), adding it if the limits allow; -1 when the text
  /// is to be written inline. Counts a reference for every index returned. Not thread-safe.
  long intern(size_t column, const std::string& text);

  /// Rewrites a table written by libxlsxwriter (`xml`, the whole xl/sharedStrings.xml) with the strings
  /// added here appended and its count and uniqueCount updated. Throws std::runtime_error if `xml` is
  /// not such a table (including count or uniqueCount that are not digits only or above kMaxCount).
  std::string extend(const std::string& xml) const;

 private:
  uint32_t first_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<const std::string*> added_;  // keys of index_, by index - first_
  struct Column {
    size_t added = 0;
    uint64_t references = 0;
    bool inlineOnly = false;
  };
  std::vector<Column> columns_;
  uint64_t references_ = 0;
};

/// The uniqueCount of the <sst> element of `xml` (the whole xl/sharedStrings.xml): the number of strings
/// in the table, i.e. the next free index. Throws std::runtime_error, in Vietnamese naming the attribute
/// and its text, if there is no <sst>…</sst>, no uniqueCount in its opening tag, or the value is not
/// digits only (no sign, no space) or above SharedStrings::kMaxCount.
uint32_t sharedStringCount(const std::string& xml);

}  // namespace thidua::xlsx
