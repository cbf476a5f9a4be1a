#pragma once
// One-call PAdES signing: prepare the PDF, make the CAdES signature, optionally timestamp it, embed it.

#include <string>
#include <vector>

#include "generators/signing/pdf_signature_writer.h"
#include "generators/signing/signing_identity.h"

namespace thidua::signing {

struct SignOptions {
  /// RFC 3161 TSA (http://...). Empty: no timestamp (PAdES B-B).
  std::string tsaUrl;
  int tsaTimeoutSeconds = 10;
};

struct SignResult {
  std::string pdf;
  std::string level;                  // "B-B" or "B-T"
  std::vector<std::string> warnings;  // Vietnamese, for people (e.g. the TSA failed, signed as B-B)
};

/// Signs `pdf` with `identity` as described by `request` (PAdES baseline, incremental update). With a
/// TSA URL, adds a signature timestamp (B-T); if the TSA fails the signature is still made, as B-B, and
/// a warning says why. When request.reservedBytes is 0, reserves room for the CMS from the size of the
/// certificates (at least 8 KB), plus 12 KB when a TSA is used.
/// Thread-safe. Throws what prepareSignature and makeCadesSignature throw.
SignResult signPdf(const std::string& pdf, const SigningIdentity& identity, SignatureRequest request,
                   const SignOptions& options = {});

/// Deferred signing, second half: embeds `cmsDer` (a detached CMS over the prepared byte ranges, made
/// elsewhere, e.g. on a USB token) into `preparedPdf`, timestamping it first when options.tsaUrl is set
/// (same fallback as signPdf). Throws std::invalid_argument when `preparedPdf` has no empty placeholder,
/// the CMS is not CMS, or it does not sign the prepared bytes.
SignResult completeSignature(const std::string& preparedPdf, const std::string& cmsDer, const SignOptions& options = {});

}  // namespace thidua::signing
