#pragma once
// Lays a Document out as an administrative document in the format of Nghị định 30/2020/NĐ-CP.

#include <string>

#include "generators/pdf/document_model.h"

namespace thidua::pdf {

/// A4 in points.
inline constexpr double kA4Width = 595.276;
inline constexpr double kA4Height = 841.89;
/// Millimetres to points.
inline constexpr double mmToPt(double mm) { return mm * 72.0 / 25.4; }

/// Renders `doc` and returns the PDF bytes: A4 portrait, the two-column header (superior and issuing
/// body; Quốc hiệu and Tiêu ngữ), number, place and date, type and summary, legal bases, the justified
/// body, the Nơi nhận list and the signature block, then the annex on new pages. Page numbers are centred
/// in the top margin from page 2. The same Document always gives the same bytes. Thread-safe (PoDoFo
/// work is serialised by a global lock). Throws on infrastructure faults (missing font).
std::string renderDocument(const Document& doc);

}  // namespace thidua::pdf
