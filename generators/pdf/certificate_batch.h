#pragma once
// The recipients of a certificate batch, read from JSON. A batch can hold thousands of records, so it is
// read with the streaming reader (generators/common/json_stream.h) straight into the Mustache values the
// certificates are rendered from: no document tree is built and then converted.

#include <kainjow/mustache.hpp>

#include <istream>
#include <string>
#include <utility>
#include <vector>

namespace thidua::pdf {

/// One record's fields in the order written. Values are Mustache data: strings in NFC, numbers exactly
/// as written ("3", "2.50"), booleans, lists and objects (null inside them is false). A field whose value
/// is null is left out, as if it were absent.
using CertificateRecord = std::vector<std::pair<std::string, kainjow::mustache::data>>;

/// The recipients of one batch: shared values plus one record per certificate, whose fields override the
/// shared ones. A batch built in code must hold the same as a parsed one: keys and strings in valid UTF-8,
/// normalised to NFC (thidua::toNfc); the renderer does not check them again.
struct CertificateBatch {
  CertificateRecord common;              // may be empty
  std::vector<CertificateRecord> items;  // at least one
  std::string source;                    // names the list in errors
};

/// The value of `key` in `record` (the last one if the key is written twice), or nullptr.
const kainjow::mustache::data* findField(const CertificateRecord& record, const std::string& key);

/// Reads a batch from JSON: either an array of objects, or {"common": {...}, "items": [...]} (other
/// top-level fields are ignored). Throws RenderError naming `source`: malformed JSON (with the byte
/// offset), a file that cannot be read, another shape, "items" or "common" written twice, an item that is
/// not an object ("mục 3"), an empty list, a key or text that is not UTF-8 (naming the item and field).
CertificateBatch parseCertificateBatch(std::istream& json, const std::string& source);
CertificateBatch parseCertificateBatch(const std::string& json, const std::string& source);

/// As parseCertificateBatch, reading the file at `path`.
CertificateBatch loadCertificateBatch(const std::string& path);

}  // namespace thidua::pdf
