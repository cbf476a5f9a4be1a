#pragma once
// Reads award-list data JSON as a stream of events and writes the XLSX row by row, so a list of
// 100,000 recipients never sits in memory.
//
// Data: {"created": "YYYY-MM-DD", "superior": "…", "issuer": "…",
//        "decision": {"number": "1000/QĐ-UBND", "date": "YYYY-MM-DD", "by": "…"},
//        "title": "…", "subtitle": "…", "rows": [{"name": "…", "position": "…", …}, …]}
// "rows" must come last: the header is written before the first row, so any key after "rows" (or a
// second "rows") is refused with an error naming it, e.g. `d.json: "title" phải đứng trước "rows"`.
// The JSON is read with parseJsonStream's default JsonLimits (one string at most 1 MiB, 64 levels), so
// hostile input cannot make a single value fill memory either.

#include <istream>
#include <string>

#include "generators/xlsx/award_list.h"

namespace thidua::xlsx {

/// Renders the award list in `data` with `layout` into `outPath`. Returns the number of rows.
/// Throws std::invalid_argument with a Vietnamese message naming `origin` and the field or row on bad
/// data, std::runtime_error if the output cannot be written (no partial file is left).
long renderAwardList(const AwardListLayout& layout, std::istream& data, const std::string& origin,
                     const std::string& outPath);

}  // namespace thidua::xlsx
