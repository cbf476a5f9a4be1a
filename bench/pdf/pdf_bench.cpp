// PDF benchmark driver: one workload per process, so that the run script can time whole processes the
// way the peer baselines were timed. Prints the in-process time too.
//   pdf_bench plan TEMPLATE DATA.json OUT.pdf
//   pdf_bench certs-pdf TEMPLATE LIST.json OUT.pdf
//   pdf_bench certs-files TEMPLATE LIST.json OUTDIR
//   pdf_bench certs-zip TEMPLATE LIST.json OUT.zip
#include <chrono>
#include <fstream>
#include <iostream>

#include "generators/common/heap_tuning.h"
#include "generators/pdf/certificate.h"
#include "generators/pdf/document_layout.h"
#include "generators/pdf/document_loader.h"

namespace {

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  thidua::tuneHeapForRendering();  // as the thidua binary does
  if (argc != 5) {
    std::cerr << "usage: pdf_bench plan|certs-pdf|certs-files|certs-zip TEMPLATE DATA OUT\n";
    return 2;
  }
  const std::string mode = argv[1], tmpl = argv[2], data = argv[3], out = argv[4];
  const auto start = std::chrono::steady_clock::now();
  try {
    using namespace thidua::pdf;
    if (mode == "plan") {
      writeFile(out, renderDocument(loadDocument(tmpl, data)));
    } else {
      const auto certificate = CertificateTemplate::fromFile(tmpl);
      const auto batch = loadCertificateBatch(data);
      if (mode == "certs-pdf") {
        writeFile(out, renderCertificates(certificate, batch));
      } else if (mode == "certs-files") {
        renderCertificateFiles(certificate, batch,
                               [&](const CertificateFile& f) { writeFile(out + "/" + f.name, f.bytes); });
      } else if (mode == "certs-zip") {
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        writeCertificateZip(certificate, batch, file);
      } else {
        std::cerr << "unknown mode " << mode << "\n";
        return 2;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << mode << " in-process " << ms << " ms\n";
  return 0;
}
