#include "generators/signing/cades_signature.h"

#include <openssl/err.h>

#include <stdexcept>

namespace thidua::signing {
namespace {

CMS_SignerInfo* firstSigner(CMS_ContentInfo* cms) {
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
  if (!infos || sk_CMS_SignerInfo_num(infos) < 1) throw std::runtime_error("CMS has no signer");
  return sk_CMS_SignerInfo_value(infos, 0);
}

}  // namespace

CmsPtr parseCms(std::string_view cmsDer) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(cmsDer.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(cmsDer.size())));
  if (!cms) ERR_clear_error();
  return cms;
}

std::string cmsToDer(CMS_ContentInfo* cms) {
  unsigned char* out = nullptr;
  int len = i2d_CMS_ContentInfo(cms, &out);
  if (len <= 0) throwOpenSsl("cannot encode CMS");
  std::string der(reinterpret_cast<char*>(out), len);
  OPENSSL_free(out);
  return der;
}

std::string makeCadesSignature(std::string_view data, const SigningIdentity& identity, std::time_t signingTime) {
  const unsigned int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPtr cms(CMS_sign(nullptr, nullptr, identity.chain.get(), nullptr, flags));
  if (!cms) throwOpenSsl("CMS_sign");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), identity.certificate.get(), identity.privateKey.get(),
                                       EVP_sha256(), flags | CMS_CADES);
  if (!si) throwOpenSsl("CMS_add1_signer");
  // OpenSSL would add the current time; the PDF's /M and this attribute carry the same instant.
  ASN1_TIME* when = ASN1_TIME_set(nullptr, signingTime);
  int added = when && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when, -1);
  ASN1_TIME_free(when);
  if (!added) throwOpenSsl("signingTime attribute");
  BioPtr in(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!CMS_final(cms.get(), in.get(), nullptr, flags)) throwOpenSsl("CMS_final");
  return cmsToDer(cms.get());
}

std::string signatureValue(std::string_view cmsDer) {
  CmsPtr cms = parseCms(cmsDer);
  if (!cms) throw std::runtime_error("not a CMS signature");
  ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(firstSigner(cms.get()));
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)), ASN1_STRING_length(sig));
}

std::string addSignatureTimestamp(std::string_view cmsDer, std::string_view tokenDer) {
  CmsPtr cms = parseCms(cmsDer);
  if (!cms) throw std::runtime_error("not a CMS signature");
  ASN1_STRING* seq = ASN1_STRING_type_new(V_ASN1_SEQUENCE);
  ASN1_STRING_set(seq, tokenDer.data(), static_cast<int>(tokenDer.size()));
  int ok = CMS_unsigned_add1_attr_by_NID(firstSigner(cms.get()), NID_id_smime_aa_timeStampToken,
                                         V_ASN1_SEQUENCE, seq, -1);
  ASN1_STRING_free(seq);
  if (!ok) throwOpenSsl("cannot add the timestamp token");
  return cmsToDer(cms.get());
}

}  // namespace thidua::signing
