#pragma once
// Locates the entries of a small ZIP archive held in memory (the workbook libxlsxwriter writes as the
// award list's template), so they can be copied unchanged or inflated. Only for archives this process
// wrote itself: no ZIP64, no encryption, no limits against zip bombs (use ZipReader for uploads).

#include <string>
#include <vector>

#include "generators/xlsx/zip_writer.h"

namespace thidua::xlsx {

/// Returns the entries of `archive` in archive order (by local header offset), read with Poco::Zip; their
/// `data` points into `archive`, which must outlive them. Throws std::runtime_error if the archive is
/// malformed or has no entry.
std::vector<ZipEntryData> indexZip(const std::string& archive);

/// Returns the uncompressed content of `entry` (stored or deflated), checked against its size and CRC.
/// Throws std::runtime_error on a broken entry.
std::string inflateEntry(const ZipEntryData& entry);

}  // namespace thidua::xlsx
