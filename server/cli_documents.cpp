// `thidua render TEMPLATE --data FILE.json --out FILE.pdf` and
// `thidua certificates TEMPLATE --data LIST.json --out FILE.pdf|FILE.zip`.
#include <fstream>
#include <iostream>

#include "generators/pdf/certificate.h"
#include "generators/pdf/document_layout.h"
#include "generators/pdf/document_loader.h"
#include "generators/pdf/render_error.h"
#include "server/cli.h"

namespace thidua::cli {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "Không ghi được tệp " << path << "\n";
    return false;
  }
  return true;
}

// Returns the template path, or "" after printing usage.
std::string parse(const Args& args, const char* usage, std::string& data, std::string& out) {
  const Args pos = positionals(args, {"--data", "--out"});
  data = option(args, "--data");
  out = option(args, "--out");
  if (pos.size() != 1 || data.empty() || out.empty()) {
    std::cerr << "Cách dùng: " << usage << "\n";
    return "";
  }
  return pos[0];
}

}  // namespace

int runRenderPdf(const Args& args) {
  std::string data, out;
  const std::string tmpl = parse(args, "thidua render TEMPLATE --data FILE.json --out FILE.pdf", data, out);
  if (tmpl.empty()) return 2;
  if (!endsWith(out, ".pdf")) {
    std::cerr << "Tệp kết quả phải có đuôi .pdf hoặc .xlsx: " << out << "\n";
    return 2;
  }
  try {
    const pdf::Document doc = pdf::loadDocument(tmpl, data);
    return writeFile(out, pdf::renderDocument(doc)) ? 0 : 1;
  } catch (const pdf::RenderError& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
}

int runCertificates(const Args& args) {
  std::string data, out;
  const std::string tmpl =
      parse(args, "thidua certificates TEMPLATE --data LIST.json --out FILE.pdf|FILE.zip", data, out);
  if (tmpl.empty()) return 2;
  const bool zip = endsWith(out, ".zip");
  if (!zip && !endsWith(out, ".pdf")) {
    std::cerr << "Tệp kết quả phải có đuôi .pdf hoặc .zip: " << out << "\n";
    return 2;
  }
  try {
    const pdf::CertificateTemplate certificate = pdf::CertificateTemplate::fromFile(tmpl);
    const pdf::CertificateBatch batch = pdf::loadCertificateBatch(data);
    if (!zip) return writeFile(out, pdf::renderCertificates(certificate, batch)) ? 0 : 1;
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "Không ghi được tệp " << out << "\n";
      return 1;
    }
    pdf::writeCertificateZip(certificate, batch, file);
    file.close();
    if (!file) {
      std::cerr << "Không ghi được tệp " << out << "\n";
      return 1;
    }
    return 0;
  } catch (const pdf::RenderError& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace thidua::cli
