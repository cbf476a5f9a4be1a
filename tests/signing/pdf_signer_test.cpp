#include "generators/signing/pdf_signer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <podofo/podofo.h>

#include "generators/signing/openssl_util.h"
#include "generators/signing/pdf_verifier.h"
#include "signing_fixture.h"

namespace thidua::signing {
namespace {

using namespace testing;

constexpr std::time_t kSigningTime = 1795565700;  // 2026-11-25T00:15:00Z

SignatureRequest invisible(const std::string& field) {
  SignatureRequest r;
  r.fieldName = field;
  r.reason = "Phê duyệt kế hoạch";
  r.signingTime = kSigningTime;
  return r;
}

class PdfSignerTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string nss_ = nssDatabase(dir_.file("nss"));

  std::string save(const std::string& name, const std::string& pdf) {
    writeFileBytes(dir_.file(name), pdf);
    return dir_.file(name);
  }
};

TEST_F(PdfSignerTest, RsaSignatureIsValidTrustedAndCoversTheDocument) {
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SignResult result = signPdf(samplePdf(1), id, invisible("chu_ky_lanh_dao"));
  EXPECT_EQ(result.level, "B-B");
  EXPECT_TRUE(result.warnings.empty());
  std::string out = pdfsig(save("signed.pdf", result.pdf), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  EXPECT_NE(out.find("Total document signed"), std::string::npos) << out;
  EXPECT_NE(out.find("Certificate is Trusted"), std::string::npos) << out;
  EXPECT_NE(out.find("ETSI.CAdES.detached"), std::string::npos) << out;
  EXPECT_NE(out.find("Trần Tuyết Minh"), std::string::npos) << out;

  auto reports = verifyPdf(result.pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  const SignatureReport& r = reports[0];
  EXPECT_EQ(r.field, "chu_ky_lanh_dao");
  EXPECT_EQ(r.signer, "Trần Tuyết Minh");
  EXPECT_TRUE(r.integrity) << r.integrityDetail;
  EXPECT_TRUE(r.trusted) << r.trustDetail;
  EXPECT_TRUE(r.coversWholeDocument);
  EXPECT_EQ(r.laterRevisions, 0);
  EXPECT_EQ(r.pdfSigningTime, "2026-11-25T00:15:00Z");
  EXPECT_EQ(r.cmsSigningTime, "2026-11-25T00:15:00Z");
  EXPECT_EQ(r.level, "B-B");
  EXPECT_FALSE(r.timestamp.present);
  EXPECT_TRUE(r.valid);
}

TEST_F(PdfSignerTest, SignedPdfKeepsTheOriginalAsItsFirstRevision) {
  std::string original = samplePdf(1);
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SignResult result = signPdf(original, id, invisible("ky"));
  ASSERT_GT(result.pdf.size(), original.size());
  EXPECT_EQ(result.pdf.compare(0, original.size(), original), 0);
  EXPECT_NE(result.pdf.find("/M(D:20261125071500+07'00')"), std::string::npos);
}

TEST_F(PdfSignerTest, SameInputAndSigningTimeGiveTheSameBytes) {
  // RSA PKCS#1 v1.5 is deterministic, so the whole signed file is (ECDSA signatures are not).
  std::string original = samplePdf(1);
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SignatureRequest request = invisible("ky");
  request.kind = AppearanceKind::OrganisationText;
  request.numberAndCode = "5/KH-UBND";
  std::string first = signPdf(original, id, request).pdf;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a wall clock would show by now
  std::string second = signPdf(original, id, request).pdf;
  EXPECT_EQ(first, second);
}

TEST_F(PdfSignerTest, EcSignatureIsValidAndTrusted) {
  SigningIdentity id = loadPkcs12(demoPki().file("org.p12"), DemoPki::kPassword);
  SignResult result = signPdf(samplePdf(1), id, invisible("chu_ky_co_quan"));
  std::string out = pdfsig(save("ec.pdf", result.pdf), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  EXPECT_NE(out.find("Certificate is Trusted"), std::string::npos) << out;
  auto reports = verifyPdf(result.pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].signer, "Ủy ban nhân dân tỉnh Bình Phước");
  EXPECT_TRUE(reports[0].valid) << reports[0].integrityDetail << " / " << reports[0].trustDetail;
}

TEST_F(PdfSignerTest, LeaderThenOrganisationBothStayValidOnFiftyPages) {
  SigningIdentity leader = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SigningIdentity org = loadPkcs12(demoPki().file("org.p12"), DemoPki::kPassword);
  std::string once = signPdf(samplePdf(50), leader, invisible("lanh_dao")).pdf;
  std::string twice = signPdf(once, org, invisible("co_quan")).pdf;
  std::string out = pdfsig(save("two.pdf", twice), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  EXPECT_EQ(countOf(out, "Certificate is Trusted"), 2) << out;
  EXPECT_EQ(countOf(out, "Total document signed"), 1) << out;
  EXPECT_LT(out.find("Total document signed"), std::string::npos);
  EXPECT_GT(out.find("Total document signed"), out.find("Signature #2")) << out;

  auto reports = verifyPdf(twice, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].field, "lanh_dao");
  EXPECT_FALSE(reports[0].coversWholeDocument);
  EXPECT_EQ(reports[0].laterRevisions, 1);
  EXPECT_EQ(reports[0].laterSignedRevisions, 1);
  EXPECT_TRUE(reports[0].laterChangesOnlySignatures) << reports[0].laterChangesDetail;
  EXPECT_TRUE(reports[0].valid);
  EXPECT_EQ(reports[1].field, "co_quan");
  EXPECT_TRUE(reports[1].coversWholeDocument);
  EXPECT_TRUE(reports[1].valid);
}

TEST_F(PdfSignerTest, FlippedByteIsReportedByPdfsigAndVerify) {
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  std::string pdf = signPdf(samplePdf(1), id, invisible("ky")).pdf;
  size_t at = pdf.find("/Producer");
  if (at == std::string::npos) at = pdf.find("/MediaBox");
  ASSERT_NE(at, std::string::npos);
  pdf[at + 1] ^= 0x20;  // "/producer": still a valid PDF, different bytes
  std::string out = pdfsig(save("flipped.pdf", pdf), nss_);
  EXPECT_NE(out.find("Digest Mismatch"), std::string::npos) << out;
  EXPECT_EQ(countOf(out, "Signature is Valid"), 0) << out;

  auto reports = verifyPdf(pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].integrity);
  EXPECT_NE(reports[0].integrityDetail.find("Digest Mismatch"), std::string::npos);
  EXPECT_FALSE(reports[0].valid);
  EXPECT_FALSE(reportToJson(reports)->getValue<bool>("valid"));
}

TEST_F(PdfSignerTest, EmptySignatureFieldAddedAfterSigningKeepsItValid) {
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  std::string signedPdf = signPdf(samplePdf(1), id, invisible("ky")).pdf;
  std::string changed = layoutSignatureFields(signedPdf, {{"them_sau", 0, {100, 100, 100, 50}}});
  auto reports = verifyPdf(changed, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].integrity);
  EXPECT_FALSE(reports[0].coversWholeDocument);
  EXPECT_EQ(reports[0].laterRevisions, 1);
  EXPECT_EQ(reports[0].laterSignedRevisions, 0);
  EXPECT_TRUE(reports[0].laterChangesOnlySignatures) << reports[0].laterChangesDetail;
  EXPECT_TRUE(reports[0].valid);
}

TEST_F(PdfSignerTest, PageContentChangedAfterSigningIsReported) {
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  std::string signedPdf = signPdf(samplePdf(2), id, invisible("ky")).pdf;
  // An incremental update that writes on page 2 after the signature.
  PoDoFo::PdfMemDocument doc;
  doc.LoadFromBuffer(signedPdf.data(), static_cast<long>(signedPdf.size()), true);
  PoDoFo::PdfPainter painter;
  painter.SetPage(doc.GetPage(1));
  painter.SetColor(1, 0, 0);
  painter.Rectangle(100, 100, 50, 50);
  painter.Fill();
  painter.FinishPage();
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.WriteUpdate(&device, true);
  std::string changed(buffer.GetBuffer(), device.GetLength());

  auto reports = verifyPdf(changed, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].integrity);
  EXPECT_EQ(reports[0].laterRevisions, 1);
  EXPECT_FALSE(reports[0].laterChangesOnlySignatures);
  EXPECT_NE(reports[0].laterChangesDetail.find("trang 2"), std::string::npos) << reports[0].laterChangesDetail;
  EXPECT_FALSE(reports[0].valid);
}

TEST_F(PdfSignerTest, UntrustedWithoutTheCaButStillIntact) {
  SigningIdentity id = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  std::string pdf = signPdf(samplePdf(1), id, invisible("ky")).pdf;
  auto noStore = verifyPdf(pdf);
  ASSERT_EQ(noStore.size(), 1u);
  EXPECT_TRUE(noStore[0].valid);
  EXPECT_FALSE(noStore[0].trusted);
  auto wrongStore = verifyPdf(pdf, demoPki().file("tsa.pem"));
  EXPECT_FALSE(wrongStore[0].trusted);
  EXPECT_FALSE(wrongStore[0].valid);
}

TEST_F(PdfSignerTest, FieldsLaidOutFirstAreSignedIntoByName) {
  SigningIdentity leader = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SigningIdentity org = loadPkcs12(demoPki().file("org.p12"), DemoPki::kPassword);
  std::string laidOut = layoutSignatureFields(
      samplePdf(1), {{"cap_phong", 0, {60, 100, 180, 90}}, {"cap_so", 0, {340, 100, 180, 90}}});
  EXPECT_THROW(layoutSignatureFields(laidOut, {{"cap_so", 0, {0, 0, 10, 10}}}), std::invalid_argument);
  std::string one = signPdf(laidOut, leader, invisible("cap_phong")).pdf;
  std::string two = signPdf(one, org, invisible("cap_so")).pdf;
  EXPECT_THROW(signPdf(two, org, invisible("cap_so")), std::invalid_argument);
  std::string out = pdfsig(save("fields.pdf", two), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  EXPECT_NE(out.find("cap_phong"), std::string::npos) << out;
  EXPECT_NE(out.find("cap_so"), std::string::npos) << out;
  auto reports = verifyPdf(two, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[0].valid);
  EXPECT_TRUE(reports[1].valid);
  EXPECT_EQ(reports[0].field, "cap_phong");
}

}  // namespace
}  // namespace thidua::signing
