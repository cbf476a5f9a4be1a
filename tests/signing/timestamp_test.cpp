#include <gtest/gtest.h>

#include <openssl/cms.h>

#include "generators/signing/cades_signature.h"
#include "generators/signing/openssl_util.h"
#include "generators/signing/pdf_signer.h"
#include "generators/signing/pdf_verifier.h"
#include "signing_fixture.h"
#include "test_tsa.h"

namespace thidua::signing {
namespace {

using namespace testing;

// Returns the CMS embedded in the last signature of `pdf`.
std::string lastCms(const std::string& pdf) {
  auto reports = verifyPdf(pdf);
  const auto& br = reports.back().byteRange;
  return fromHex(pdf.substr(br[1] + 1, br[2] - br[1] - 2));
}

// Returns the timestamp token (DER) of the first signer of `cmsDer`, or "".
std::string tokenOf(const std::string& cmsDer) {
  CmsPtr cms = parseCms(cmsDer);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (idx < 0) return "";
  ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(t->value.sequence)),
                     ASN1_STRING_length(t->value.sequence));
}

SignatureRequest request() {
  SignatureRequest r;
  r.fieldName = "chu_ky";
  r.signingTime = 1795565700;
  return r;
}

class TimestampTest : public ::testing::Test {
 protected:
  TempDir dir_;
  SigningIdentity id_ = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
};

TEST_F(TimestampTest, TokenFromTheTsaVerifiesWithOpensslTs) {
  TestTsa tsa(demoPki().file("tsa.cnf"), dir_.path());
  SignOptions options;
  options.tsaUrl = tsa.url();
  SignResult result = signPdf(samplePdf(1), id_, request(), options);
  EXPECT_EQ(result.level, "B-T");
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_EQ(tsa.requests(), 1);

  std::string cms = lastCms(result.pdf);
  std::string token = tokenOf(cms);
  ASSERT_FALSE(token.empty());
  writeFileBytes(dir_.file("token.der"), token);
  std::string digest = toHex(sha256(signatureValue(cms)));
  CommandResult verify = runCommand("openssl ts -verify -token_in -in " + shellQuote(dir_.file("token.der")) + " -digest " +
                                    digest + " -CAfile " + shellQuote(demoPki().file("ca.pem")));
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_NE(verify.output.find("Verification: OK"), std::string::npos) << verify.output;

  writeFileBytes(dir_.file("bt.pdf"), result.pdf);
  std::string out = pdfsig(dir_.file("bt.pdf"), nssDatabase(dir_.file("nss")));
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  EXPECT_NE(out.find("Total document signed"), std::string::npos) << out;

  auto reports = verifyPdf(result.pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].timestamp.present);
  EXPECT_TRUE(reports[0].timestamp.valid) << reports[0].timestamp.detail;
  EXPECT_EQ(reports[0].timestamp.time.size(), 20u);
  EXPECT_EQ(reports[0].level, "B-T");
  EXPECT_TRUE(reports[0].valid);
}

TEST_F(TimestampTest, SignatureCarriesTheCadesBaselineAttributes) {
  std::string cms = lastCms(signPdf(samplePdf(1), id_, request()).pdf);
  CmsPtr parsed = parseCms(cms);
  ASSERT_TRUE(parsed);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(parsed.get()), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1), 0);
  EXPECT_LT(CMS_signed_get_attr_by_NID(si, NID_SMIMECapabilities, -1), 0);
  X509_ALGOR* digest = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, nullptr);
  EXPECT_EQ(OBJ_obj2nid(digest->algorithm), NID_sha256);
  EXPECT_EQ(CMS_get0_eContentType(parsed.get()) != nullptr, true);
  EXPECT_EQ(CMS_get0_content(parsed.get()) == nullptr || *CMS_get0_content(parsed.get()) == nullptr, true)
      << "detached: no encapsulated content";
}

TEST_F(TimestampTest, DeadTsaGivesBaselineBWithAWarning) {
  SignOptions options;
  options.tsaUrl = deadTsaUrl();
  options.tsaTimeoutSeconds = 3;
  SignResult result = signPdf(samplePdf(1), id_, request(), options);
  EXPECT_EQ(result.level, "B-B");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_NE(result.warnings[0].find("B-B"), std::string::npos) << result.warnings[0];
  EXPECT_TRUE(tokenOf(lastCms(result.pdf)).empty());
  writeFileBytes(dir_.file("bb.pdf"), result.pdf);
  std::string out = pdfsig(dir_.file("bb.pdf"), nssDatabase(dir_.file("nss")));
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  auto reports = verifyPdf(result.pdf, demoPki().file("ca.pem"));
  EXPECT_FALSE(reports[0].timestamp.present);
  EXPECT_TRUE(reports[0].valid);
}

TEST_F(TimestampTest, RefusingOrBrokenTsaGivesBaselineB) {
  for (TestTsa::Mode mode : {TestTsa::Mode::HttpError, TestTsa::Mode::Garbage}) {
    TestTsa tsa(demoPki().file("tsa.cnf"), dir_.path(), mode);
    SignOptions options;
    options.tsaUrl = tsa.url();
    SignResult result = signPdf(samplePdf(1), id_, request(), options);
    EXPECT_EQ(result.level, "B-B");
    EXPECT_EQ(result.warnings.size(), 1u);
    EXPECT_EQ(tsa.requests(), 1);
    EXPECT_TRUE(verifyPdf(result.pdf, demoPki().file("ca.pem"))[0].valid);
  }
}

}  // namespace
}  // namespace thidua::signing
