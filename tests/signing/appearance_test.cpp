#include "generators/signing/appearance.h"

#include <gtest/gtest.h>

#include <cmath>

#include "generators/signing/openssl_util.h"
#include "generators/signing/pdf_signer.h"
#include "generators/signing/pdf_verifier.h"
#include "signing_fixture.h"

namespace thidua::signing {
namespace {

using namespace testing;

constexpr std::time_t kSigningTime = 1795565700;  // 2026-11-25T07:15:00+07:00
const char* const kPosition = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH";

bool blueish(const unsigned char* p) { return p && p[2] > 140 && p[0] < 110 && p[1] < 130; }
bool redish(const unsigned char* p) { return p && p[0] > 150 && p[1] < 110 && p[2] < 110; }

// Counts pixels of `rect` (page coordinates) for which `test` holds.
template <typename Test>
int countPixels(const Raster& raster, const Rect& rect, Test test) {
  int n = 0;
  for (double y = rect.bottom + 1; y < rect.bottom + rect.height - 1; y += 1) {
    for (double x = rect.left + 1; x < rect.left + rect.width - 1; x += 1) n += test(raster.at(x, y)) ? 1 : 0;
  }
  return n;
}

class AppearanceTest : public ::testing::Test {
 protected:
  TempDir dir_;
  SigningIdentity leader_ = loadPkcs12(demoPki().file("signer.p12"), DemoPki::kPassword);
  SigningIdentity org_ = loadPkcs12(demoPki().file("org.p12"), DemoPki::kPassword);
  Rect signerField_{300, 420, 230, 150};

  // The main document: the leader's visible signature, then the organisation's seal over its left third.
  std::string signLeaderThenSeal() {
    SignatureRequest leader;
    leader.fieldName = "chu_ky_chu_tich";
    leader.kind = AppearanceKind::Signer;
    leader.rect = signerField_;
    leader.position = kPosition;
    leader.signatureImagePng = signatureImagePng();
    leader.signingTime = kSigningTime;
    std::string once = signPdf(samplePdf(1), leader_, leader).pdf;

    SignatureRequest seal;
    seal.fieldName = "dau_co_quan";
    seal.kind = AppearanceKind::Seal;
    seal.rect = sealRectOverlapping(signatureImageRect(signerField_, leader.signatureImagePng, kPosition));
    seal.sealImagePng = sealImagePng();
    seal.signingTime = kSigningTime + 60;
    return signPdf(once, org_, seal).pdf;
  }
};

TEST_F(AppearanceTest, SealGeometryCoversTheLeftThirdOfTheSignatureImage) {
  Rect image = signatureImageRect(signerField_, signatureImagePng());
  // Between the position band and the name band, as large as fits, centred.
  const double band = kSignerTextSize + 7;
  EXPECT_GE(image.bottom, signerField_.bottom + band - 1e-6);
  EXPECT_LE(image.bottom + image.height, signerField_.bottom + signerField_.height - band + 1e-6);
  EXPECT_NEAR(image.left + image.width / 2, signerField_.left + signerField_.width / 2, 1e-6);
  EXPECT_TRUE(std::abs(image.width - signerField_.width) < 1e-6 ||
              std::abs(image.height - (signerField_.height - 2 * band)) < 1e-6);
  // A two-line position takes one more line from the top of the image box.
  Rect tall{0, 0, 100, 200};
  Rect oneLine = signatureImageRect(tall, signatureImagePng(), "CHỦ TỊCH");
  Rect twoLines = signatureImageRect(tall, signatureImagePng(), kPosition);
  EXPECT_NEAR((oneLine.bottom + oneLine.height / 2) - (twoLines.bottom + twoLines.height / 2),
              (kSignerTextSize + 2) / 2, 1e-6);
  EXPECT_NEAR(image.width / image.height, 300.0 / 120.0, 1e-6);
  Rect seal = sealRectOverlapping(image, 36);
  EXPECT_NEAR(seal.width, 36 * 72 / 25.4, 1e-6);
  EXPECT_NEAR(seal.left + seal.width, image.left + image.width / 3, 1e-6);
  EXPECT_NEAR(seal.bottom + seal.height / 2, image.bottom + image.height / 2, 1e-6);
}

TEST_F(AppearanceTest, SignerAndSealRenderBlueAndRedAndTextExtractsExactly) {
  std::string pdf = signLeaderThenSeal();
  writeFileBytes(dir_.file("main.pdf"), pdf);
  std::string nss = nssDatabase(dir_.file("nss"));
  std::string out = pdfsig(dir_.file("main.pdf"), nss);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  EXPECT_EQ(countOf(out, "Certificate is Trusted"), 2) << out;
  EXPECT_EQ(countOf(out, "Total document signed"), 1) << out;

  std::string text = pdftotext(dir_.file("main.pdf"));
  EXPECT_NE(text.find("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"), std::string::npos) << text;
  EXPECT_NE(text.find("Trần Tuyết Minh"), std::string::npos) << text;
  EXPECT_NE(text.find(kSampleText), std::string::npos) << text;

  Raster raster = renderFirstPage(dir_.file("main.pdf"), dir_.path());
  Rect image = signatureImageRect(signerField_, signatureImagePng(), kPosition);
  Rect seal = sealRectOverlapping(image);
  // The right two thirds of the signature image: blue strokes, no seal.
  Rect right{image.left + image.width / 3 + 2, image.bottom, image.width * 2 / 3 - 2, image.height};
  EXPECT_GT(countPixels(raster, right, blueish), 300);
  EXPECT_EQ(countPixels(raster, right, redish), 0);
  // The seal: red, and drawn over the image where they overlap.
  EXPECT_GT(countPixels(raster, seal, redish), 1500);
  Rect overlap{image.left, image.bottom, image.width / 3, image.height};
  EXPECT_GT(countPixels(raster, overlap, redish), 100);
  // Transparent backgrounds: the page shows through around the strokes.
  auto white = [](const unsigned char* p) { return p && p[0] > 240 && p[1] > 240 && p[2] > 240; };
  EXPECT_GT(countPixels(raster, right, white), countPixels(raster, right, blueish));
  // Outside every appearance the page stays white.
  EXPECT_EQ(countPixels(raster, Rect{40, 200, 150, 100}, blueish), 0);
}

TEST_F(AppearanceTest, OrganisationTextSignatureSitsTopRightInTenPoint) {
  SignatureRequest r;
  r.fieldName = "chu_ky_co_quan_phu_luc";
  r.kind = AppearanceKind::OrganisationText;
  r.numberAndCode = "12/KH-UBND";
  r.signingTime = kSigningTime;
  std::string pdf = signPdf(samplePdf(2), org_, r).pdf;
  writeFileBytes(dir_.file("attachment.pdf"), pdf);

  std::string text = pdftotext(dir_.file("attachment.pdf"));
  EXPECT_NE(text.find("Ủy ban nhân dân tỉnh Bình Phước"), std::string::npos) << text;
  EXPECT_NE(text.find("Số: 12/KH-UBND"), std::string::npos) << text;
  EXPECT_NE(text.find("Thời gian ký: 2026-11-25T07:15:00+07:00"), std::string::npos) << text;

  // Position and size: pdftotext -bbox gives the words' boxes on page 1.
  CommandResult bbox = runCommand("pdftotext -bbox -f 1 -l 1 " + shellQuote(dir_.file("attachment.pdf")) + " -");
  size_t at = bbox.output.find(">2026-11-25T07:15:00+07:00<");
  ASSERT_NE(at, std::string::npos) << bbox.output;
  size_t line = bbox.output.rfind("<word", at);
  double xMin, yMin, xMax, yMax;
  ASSERT_EQ(std::sscanf(bbox.output.c_str() + line, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &xMin,
                        &yMin, &xMax, &yMax),
            4);
  EXPECT_GT(xMin, 595.0 / 2);       // right half of the page
  EXPECT_LT(xMax, 595.0 - 40);      // inside the right margin
  EXPECT_LT(yMax, 100);             // near the top (pdftotext y grows downwards)
  EXPECT_NEAR(yMax - yMin, 10 * 1.15, 2.5);  // a 10 pt line

  auto reports = verifyPdf(pdf, demoPki().file("ca.pem"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].valid);
  CommandResult fonts = runCommand("pdffonts " + shellQuote(dir_.file("attachment.pdf")));
  EXPECT_NE(fonts.output.find("LiberationSerif"), std::string::npos) << fonts.output;
  EXPECT_EQ(fonts.output.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts.output;
}

TEST_F(AppearanceTest, VisibleSignatureNeedsItsImage) {
  SignatureRequest r;
  r.fieldName = "ky";
  r.kind = AppearanceKind::Signer;
  r.rect = signerField_;
  EXPECT_THROW(signPdf(samplePdf(1), leader_, r), std::invalid_argument);
}

}  // namespace
}  // namespace thidua::signing
