#pragma once
// Verification of the signatures of a PDF: integrity, signer, trust chain, times, timestamp, coverage and
// what changed after each signature. Independent of how the PDF was signed.

#include <Poco/JSON/Object.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace thidua::signing {

struct TimestampReport {
  bool present = false;
  bool valid = false;
  std::string time;    // ISO 8601 UTC, from the token's TSTInfo
  std::string detail;  // why it is not valid, or what was not checked (Vietnamese)
};

struct SignatureReport {
  std::string field;      // field name (/T)
  std::string subFilter;  // e.g. "ETSI.CAdES.detached"
  std::string signer;     // subject CN of the signer certificate
  std::string level;      // "B-B", "B-T", or "" when not a CAdES signature
  std::array<std::int64_t, 4> byteRange{};

  std::string pdfSigningTime;  // /M as ISO 8601 UTC ("" when absent)
  std::string cmsSigningTime;  // CMS signingTime as ISO 8601 UTC ("" when absent)

  bool integrity = false;  // the digest matches the signed bytes and the CMS signature verifies
  std::string integrityDetail;
  bool trusted = false;  // the signer chains to the trust store
  std::string trustDetail;
  TimestampReport timestamp;

  bool coversWholeDocument = false;  // the byte range ends at the end of the file
  int laterRevisions = 0;        // incremental updates after this signature
  int laterSignedRevisions = 0;  // of which are themselves the revision of a signature
  /// The later updates keep page count, page content and earlier annotations, and add only signature
  /// fields and their widgets (signatures, or empty fields laid out for later signers).
  bool laterChangesOnlySignatures = true;
  std::string laterChangesDetail;  // the first other change found (Vietnamese), "" when none

  bool valid = false;  // integrity, timestamp (if any), later changes only signatures, trust (if a store)
};

/// Returns one report per signed signature field of `pdf`, in file order of their byte ranges.
/// `trustPemPath`: a PEM file with trusted CA certificates, or "" (trust then reported as not checked
/// and not counted in `valid`). Throws std::runtime_error when `pdf` cannot be parsed or the trust file
/// cannot be read. Thread-safe (PoDoFo work is serialised by podofoMutex()).
std::vector<SignatureReport> verifyPdf(const std::string& pdf, const std::string& trustPemPath = "");

/// Returns {"signatures": [...], "valid": all valid and at least one signature, "count": n}.
Poco::JSON::Object::Ptr reportToJson(const std::vector<SignatureReport>& reports);

}  // namespace thidua::signing
