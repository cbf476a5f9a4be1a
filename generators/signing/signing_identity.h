#pragma once
// A signer's certificate, private key and CA chain, loaded from a PKCS#12 file.

#include <string>

#include "generators/signing/openssl_util.h"

namespace thidua::signing {

struct SigningIdentity {
  X509Ptr certificate;
  PKeyPtr privateKey;  // RSA or EC
  X509StackPtr chain;  // CA certificates to embed (may be empty, never null after loading)
};

/// Loads the PKCS#12 file at `path` with `password`. Throws std::runtime_error naming the file when it
/// cannot be read, the password is wrong, or it holds no key and certificate.
SigningIdentity loadPkcs12(const std::string& path, const std::string& password);

/// Loads one X.509 certificate (PEM or DER) from `path`. Throws std::runtime_error on failure.
X509Ptr loadCertificate(const std::string& path);

}  // namespace thidua::signing
