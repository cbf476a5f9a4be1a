#pragma once
// The PDF side of signing with PoDoFo 0.9.8: signature fields, the incremental update holding a
// placeholder /Contents, and embedding a finished CMS into it.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/x509.h>

#include "generators/signing/signature_request.h"

namespace thidua::signing {

/// A PDF whose last incremental update holds a signature dictionary with /Contents all zeros.
struct PreparedPdf {
  std::string pdf;
  std::array<std::int64_t, 4> byteRange{};  // [0 a b c]: signed bytes are [0, a) and [b, b + c)

  /// Returns the bytes covered by the byte range (what the CMS signs).
  std::string signedBytes() const;
};

/// Returns `pdf` with one incremental update adding the empty signature fields `fields` (named,
/// printable widgets without a value), to be signed into later by name. Throws std::invalid_argument
/// for a bad page index or a duplicate name, PoDoFo::PdfError when `pdf` cannot be parsed.
std::string layoutSignatureFields(const std::string& pdf, const std::vector<FieldSpec>& fields);

/// Returns `pdf` with one incremental update adding a signature (SubFilter ETSI.CAdES.detached, /M from
/// the request's signing time, /Contents a zero placeholder of request.reservedBytes) into the field
/// request.fieldName: an existing empty field of that name, or a new field on request.page. `signer`
/// gives the names used when the request leaves them empty (certificate CN). Thread-safe: PoDoFo work is
/// serialised by podofoMutex().
/// Throws std::invalid_argument (field already signed, bad page, missing image), PoDoFo::PdfError.
PreparedPdf prepareSignature(const std::string& pdf, const SignatureRequest& request, const X509* signer);

/// Locates the placeholder of the last signature of `pdf` (its /ByteRange must end at the end of the
/// file). Throws std::invalid_argument when there is none.
PreparedPdf findPlaceholder(std::string pdf);

/// Writes `cmsDer` as hexadecimal into the placeholder of `prepared` and returns the finished PDF.
/// Throws std::invalid_argument when the placeholder is too small or already filled.
std::string embedSignature(PreparedPdf prepared, std::string_view cmsDer);

}  // namespace thidua::signing
