#include <gtest/gtest.h>

#include "generators/signing/openssl_util.h"
#include "generators/signing/pdf_signer.h"
#include "generators/signing/pdf_verifier.h"
#include "signing_fixture.h"

namespace thidua::signing {
namespace {

using namespace testing;

class DeferredSigningTest : public ::testing::Test {
 protected:
  TempDir dir_;

  // Signs the byte-range data file the way a USB-token tool would: a detached CAdES CMS over it.
  std::string externalCms(const std::string& dataPath, const std::string& who) {
    std::string out = dir_.file(who + ".p7s");
    CommandResult r = runCommand("openssl cms -sign -binary -in " + shellQuote(dataPath) + " -signer " +
                                 shellQuote(demoPki().file(who + ".pem")) + " -inkey " +
                                 shellQuote(demoPki().file(who + ".key")) + " -certfile " +
                                 shellQuote(demoPki().file("ca.pem")) +
                                 " -md sha256 -outform DER -nosmimecap -cades -out " + shellQuote(out));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    return readFileBytes(out);
  }
};

TEST_F(DeferredSigningTest, PrepareThenEmbedAnExternalCmsGivesAValidSignature) {
  X509Ptr cert = loadCertificate(demoPki().file("signer.pem"));
  SignatureRequest request;
  request.fieldName = "chu_ky_token";
  request.kind = AppearanceKind::Signer;
  request.rect = Rect{320, 100, 220, 140};
  request.position = "CHỦ TỊCH";
  request.signatureImagePng = signatureImagePng();
  request.signingTime = 1795565700;
  request.reservedBytes = 16384;
  PreparedPdf prepared = prepareSignature(samplePdf(1), request, cert.get());
  writeFileBytes(dir_.file("prepared.pdf"), prepared.pdf);
  writeFileBytes(dir_.file("prepared.bin"), prepared.signedBytes());

  // The prepared file alone: one placeholder, ranges around it, nothing signed yet.
  PreparedPdf reread = findPlaceholder(readFileBytes(dir_.file("prepared.pdf")));
  EXPECT_EQ(reread.byteRange, prepared.byteRange);

  std::string cms = externalCms(dir_.file("prepared.bin"), "signer");
  SignResult done = completeSignature(readFileBytes(dir_.file("prepared.pdf")), cms);
  EXPECT_EQ(done.level, "B-B");
  writeFileBytes(dir_.file("signed.pdf"), done.pdf);

  std::string out = pdfsig(dir_.file("signed.pdf"), nssDatabase(dir_.file("nss")));
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  EXPECT_NE(out.find("Total document signed"), std::string::npos) << out;
  EXPECT_NE(out.find("Certificate is Trusted"), std::string::npos) << out;
  auto reports = verifyPdf(done.pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].valid) << reports[0].integrityDetail;
  EXPECT_EQ(reports[0].signer, "Trần Tuyết Minh");
  EXPECT_NE(pdftotext(dir_.file("signed.pdf")).find("Trần Tuyết Minh"), std::string::npos);

  // A filled placeholder cannot be filled again.
  EXPECT_THROW(completeSignature(done.pdf, cms), std::invalid_argument);
}

TEST_F(DeferredSigningTest, CmsOverOtherBytesIsRejected) {
  X509Ptr cert = loadCertificate(demoPki().file("org.pem"));
  SignatureRequest request;
  request.fieldName = "ky";
  PreparedPdf prepared = prepareSignature(samplePdf(1), request, cert.get());
  writeFileBytes(dir_.file("other.bin"), "khác");
  std::string cms = externalCms(dir_.file("other.bin"), "org");
  EXPECT_THROW(completeSignature(prepared.pdf, cms), std::invalid_argument);
  EXPECT_THROW(completeSignature(prepared.pdf, "not der"), std::invalid_argument);
  EXPECT_THROW(completeSignature(samplePdf(1), cms), std::invalid_argument);
}

TEST_F(DeferredSigningTest, TwoDeferredSignaturesStayValid) {
  std::string pdf = samplePdf(1);
  for (const char* who : {"signer", "org"}) {
    X509Ptr cert = loadCertificate(demoPki().file(std::string(who) + ".pem"));
    SignatureRequest request;
    request.fieldName = std::string("ky_") + who;
    PreparedPdf prepared = prepareSignature(pdf, request, cert.get());
    writeFileBytes(dir_.file("data.bin"), prepared.signedBytes());
    pdf = completeSignature(prepared.pdf, externalCms(dir_.file("data.bin"), who)).pdf;
  }
  writeFileBytes(dir_.file("two.pdf"), pdf);
  std::string out = pdfsig(dir_.file("two.pdf"), nssDatabase(dir_.file("nss")));
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  auto reports = verifyPdf(pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[0].valid && reports[1].valid);
}

}  // namespace
}  // namespace thidua::signing
