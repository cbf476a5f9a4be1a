#include "generators/signing/pdf_signer.h"

#include <openssl/err.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

#include "generators/signing/cades_signature.h"
#include "generators/signing/openssl_util.h"
#include "generators/signing/tsa_client.h"

namespace thidua::signing {
namespace {

constexpr std::size_t kMinimumReserve = 8192;
constexpr std::size_t kTimestampExtra = 12288;  // a token with the TSA's certificate, usually 3-6 KB

// Room for the CMS: the embedded certificates, the signed attributes and signature, and slack.
std::size_t estimatedReserve(const SigningIdentity& identity, bool timestamp) {
  std::size_t certs = static_cast<std::size_t>(i2d_X509(identity.certificate.get(), nullptr));
  for (int i = 0; i < sk_X509_num(identity.chain.get()); ++i) {
    certs += static_cast<std::size_t>(i2d_X509(sk_X509_value(identity.chain.get(), i), nullptr));
  }
  std::size_t reserve = std::max(kMinimumReserve, certs + 4096);
  return timestamp ? reserve + kTimestampExtra : reserve;
}

// Adds a signature timestamp to `cms` when a TSA is configured; records the level and any warning.
std::string timestamped(const std::string& cms, const SignOptions& options, SignResult& result) {
  result.level = "B-B";
  if (options.tsaUrl.empty()) return cms;
  TimestampResult ts = requestTimestamp(options.tsaUrl, sha256(signatureValue(cms)), options.tsaTimeoutSeconds);
  if (!ts.ok) {
    result.warnings.push_back("Không lấy được dấu thời gian từ " + options.tsaUrl + " (" + ts.error +
                              "); chữ ký được tạo ở mức PAdES B-B, không có dấu thời gian.");
    return cms;
  }
  result.level = "B-T";
  return addSignatureTimestamp(cms, ts.token);
}

// Checks that `cms` is a detached signature whose message digest matches `data`.
void checkSignsData(const std::string& cms, const std::string& data) {
  CmsPtr parsed = parseCms(cms);
  if (!parsed) throw std::invalid_argument("the CMS file is not a DER CMS signature");
  BioPtr in(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!CMS_verify(parsed.get(), nullptr, nullptr, in.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY)) {
    std::string why = openSslErrors();
    throw std::invalid_argument("the CMS does not sign the prepared byte ranges (" + why + ")");
  }
}

}  // namespace

SignResult signPdf(const std::string& pdf, const SigningIdentity& identity, SignatureRequest request,
                   const SignOptions& options) {
  if (!request.signingTime) request.signingTime = std::time(nullptr);
  if (request.reservedBytes == 0) request.reservedBytes = estimatedReserve(identity, !options.tsaUrl.empty());
  PreparedPdf prepared = prepareSignature(pdf, request, identity.certificate.get());
  std::string cms = makeCadesSignature(prepared.signedBytes(), identity, *request.signingTime);
  SignResult result;
  cms = timestamped(cms, options, result);
  result.pdf = embedSignature(std::move(prepared), cms);
  return result;
}

SignResult completeSignature(const std::string& preparedPdf, const std::string& cmsDer, const SignOptions& options) {
  PreparedPdf prepared = findPlaceholder(preparedPdf);
  checkSignsData(cmsDer, prepared.signedBytes());
  SignResult result;
  std::string cms = timestamped(cmsDer, options, result);
  result.pdf = embedSignature(std::move(prepared), cms);
  return result;
}

}  // namespace thidua::signing
