#pragma once
// CAdES detached signatures (CMS SignedData) as PAdES embeds them: SHA-256, signing-certificate-v2,
// the signer's CA chain, and optionally a signature timestamp token (unsigned attribute).

#include <ctime>
#include <string>
#include <string_view>

#include "generators/signing/signing_identity.h"

namespace thidua::signing {

/// Returns the DER of a detached CAdES signature over `data` by `identity` (RSA PKCS#1 v1.5 or ECDSA,
/// SHA-256), with signingTime `signingTime` and signing-certificate-v2; the signer certificate and the
/// chain are embedded. Throws std::runtime_error with OpenSSL's reason on failure. Thread-safe.
std::string makeCadesSignature(std::string_view data, const SigningIdentity& identity, std::time_t signingTime);

/// Returns the signature value (the SignerInfo's signature octets) of the first signer of `cmsDer`.
/// Throws std::runtime_error when `cmsDer` is not a SignedData with a signer.
std::string signatureValue(std::string_view cmsDer);

/// Returns `cmsDer` with the RFC 3161 token `tokenDer` added to the first signer as the unsigned
/// attribute id-aa-signatureTimeStampToken. Throws std::runtime_error on malformed input.
std::string addSignatureTimestamp(std::string_view cmsDer, std::string_view tokenDer);

/// Parses DER `cmsDer` (trailing bytes, such as /Contents zero padding, are ignored). Returns null when
/// it is not CMS.
CmsPtr parseCms(std::string_view cmsDer);

/// Returns the DER encoding of `cms`. Throws std::runtime_error on failure.
std::string cmsToDer(CMS_ContentInfo* cms);

}  // namespace thidua::signing
