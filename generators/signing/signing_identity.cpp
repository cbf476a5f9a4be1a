#include "generators/signing/signing_identity.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <stdexcept>

namespace thidua::signing {

SigningIdentity loadPkcs12(const std::string& path, const std::string& password) {
  std::string bytes = readFileBytes(path);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
  PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size()));
  if (!p12) throwOpenSsl("not a PKCS#12 file: " + path);
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  int ok = PKCS12_parse(p12, password.c_str(), &key, &cert, &ca);
  PKCS12_free(p12);
  if (!ok) throwOpenSsl("cannot open PKCS#12 " + path + " (wrong password?)");
  SigningIdentity id;
  id.certificate.reset(cert);
  id.privateKey.reset(key);
  id.chain.reset(ca ? ca : sk_X509_new_null());
  if (!id.certificate || !id.privateKey) {
    throw std::runtime_error("PKCS#12 " + path + " holds no private key and certificate");
  }
  return id;
}

X509Ptr loadCertificate(const std::string& path) {
  std::string bytes = readFileBytes(path);
  BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) {
    openSslErrors();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
    cert.reset(d2i_X509(nullptr, &p, static_cast<long>(bytes.size())));
  }
  if (!cert) throwOpenSsl("not a certificate: " + path);
  return cert;
}

}  // namespace thidua::signing
