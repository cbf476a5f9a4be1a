// `thidua render TEMPLATE --data FILE.json --out FILE.pdf` and
// `thidua certificates TEMPLATE --data LIST.json --out FILE.pdf|FILE.zip`.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

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

// The output file, written under a temporary name beside it and renamed into place only when complete,
// so a failed command leaves no empty or partial file (and an earlier file of that name untouched).
class OutputFile {
 public:
  explicit OutputFile(std::string path)
      : path_(std::move(path)), partial_(path_ + ".partial-" + std::to_string(::getpid())) {}
  ~OutputFile() {
    if (!committed_) std::remove(partial_.c_str());
  }
  const std::string& partialPath() const { return partial_; }
  /// Renames the finished temporary file into place; prints the error and returns false on failure.
  bool commit() {
    if (std::rename(partial_.c_str(), path_.c_str()) != 0) return fail();
    committed_ = true;
    return true;
  }
  bool fail() const {
    std::cerr << "Không ghi được tệp " << path_ << "\n";
    return false;
  }

 private:
  std::string path_, partial_;
  bool committed_ = false;
};

bool writeFile(const std::string& path, const std::string& bytes) {
  OutputFile file(path);
  std::ofstream out(file.partialPath(), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return file.fail();
  return file.commit();
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
    OutputFile output(out);
    std::ofstream file(output.partialPath(), std::ios::binary | std::ios::trunc);
    if (file) {
      pdf::writeCertificateZip(certificate, batch, file);
      file.close();
    }
    if (!file) {
      output.fail();
      return 1;
    }
    return output.commit() ? 0 : 1;
  } catch (const pdf::RenderError& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace thidua::cli
