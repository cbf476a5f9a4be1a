#pragma once
// Small RAII and encoding helpers around OpenSSL 3, private to the signing module.

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

namespace thidua::signing {

struct OpenSslFree {
  void operator()(X509* p) const { X509_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
  void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
  void operator()(STACK_OF(X509)* p) const { sk_X509_pop_free(p, X509_free); }
};

using X509Ptr = std::unique_ptr<X509, OpenSslFree>;
using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpenSslFree>;
using BioPtr = std::unique_ptr<BIO, OpenSslFree>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), OpenSslFree>;

/// Returns and clears OpenSSL's error queue as one line ("" when empty).
std::string openSslErrors();

/// Throws std::runtime_error("<what>: <OpenSSL errors>").
[[noreturn]] void throwOpenSsl(const std::string& what);

/// Returns the SHA-256 digest (32 raw bytes) of `data`.
std::string sha256(std::string_view data);

/// Returns `data` as lower-case hexadecimal.
std::string toHex(std::string_view data);

/// Returns the bytes of hexadecimal `hex` (whitespace ignored). Throws std::invalid_argument on a
/// non-hex character or an odd number of digits.
std::string fromHex(std::string_view hex);

/// Returns the subject commonName of `cert` as UTF-8 ("" when absent).
std::string commonName(const X509* cert);

/// Returns `t` (an ASN1_TIME) as ISO 8601 UTC ("2026-11-25T01:02:03Z"); "" when null.
std::string asn1TimeToIso(const ASN1_TIME* t);

/// Reads every byte of the file at `path`. Throws std::runtime_error naming the path on failure.
std::string readFileBytes(const std::string& path);

/// Writes `data` to `path`, replacing it. Throws std::runtime_error naming the path on failure.
void writeFileBytes(const std::string& path, std::string_view data);

}  // namespace thidua::signing
