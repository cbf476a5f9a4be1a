// Signatures per second with thidua_signing: a one-page and a 50-page document, invisible and visible
// (Phụ lục I signer appearance), RSA-2048 and EC P-256. Each signature signs the unsigned original, in
// memory (load for update, incremental update, CMS, embed). Usage: signing_bench PKI_DIR [ITERATIONS]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "generators/signing/pdf_signer.h"
#include "signing_fixture.h"

using namespace thidua::signing;

namespace {

struct Rate {
  double wallPerSecond;  // signatures per second of elapsed time
  double cpuMs;          // CPU milliseconds per signature (robust on a shared machine)
};

Rate measure(const std::string& pdf, const SigningIdentity& id, const SignatureRequest& request, int iterations,
             std::size_t& bytesAdded) {
  signPdf(pdf, id, request);  // warm up: fonts, OpenSSL tables, image cache
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  for (int i = 0; i < iterations; ++i) bytesAdded = signPdf(pdf, id, request).pdf.size() - pdf.size();
  double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  return Rate{iterations / elapsed.count(), cpu * 1000.0 / iterations};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: signing_bench PKI_DIR [ITERATIONS]\n");
    return 2;
  }
  const std::string pki = argv[1];
  const int iterations = argc > 2 ? std::stoi(argv[2]) : 200;
  SigningIdentity rsa = loadPkcs12(pki + "/signer.p12", "demo");
  SigningIdentity ec = loadPkcs12(pki + "/org.p12", "demo");

  SignatureRequest invisible;
  invisible.fieldName = "chu_ky";
  invisible.signingTime = 1795565700;
  SignatureRequest visible = invisible;
  visible.kind = AppearanceKind::Signer;
  visible.rect = Rect{300, 420, 230, 150};
  visible.position = "CHỦ TỊCH";
  visible.signatureImagePng = testing::signatureImagePng();

  std::printf("| document | appearance | key | signatures/s (wall) | CPU ms each | CPU-bound signatures/s | bytes added |\n");
  std::printf("|---|---|---|---:|---:|---:|---:|\n");
  for (int pages : {1, 50}) {
    std::string pdf = testing::samplePdf(pages);
    for (const auto* request : {&invisible, &visible}) {
      for (const auto* id : {&rsa, &ec}) {
        std::size_t added = 0;
        Rate rate = measure(pdf, *id, *request, iterations, added);
        std::printf("| %d page%s (%zu KB) | %s | %s | %.0f | %.2f | %.0f | %zu |\n", pages, pages > 1 ? "s" : "",
                    pdf.size() / 1024, request == &visible ? "signer (image + text)" : "invisible",
                    id == &rsa ? "RSA-2048" : "EC P-256", rate.wallPerSecond, rate.cpuMs, 1000.0 / rate.cpuMs, added);
        std::fflush(stdout);
      }
    }
  }
  return 0;
}
