#include "tests/pdf/pdf_test_support.h"

#include <utf8proc.h>

#include <cstdlib>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "generators/common/unicode.h"
#include "tests/support/run_command.h"

namespace thidua::pdf::test {

std::string run(const std::string& command, int* status) {
  testsupport::CommandResult result = testsupport::runCommand(command, testsupport::Capture::Stdout);
  if (status) *status = result.exitCode;
  return result.output;
}

std::string pdfText(const std::string& pdf, int first, int last) {
  std::string cmd = "pdftotext -enc UTF-8";
  if (first > 0) cmd += " -f " + std::to_string(first);
  if (last > 0) cmd += " -l " + std::to_string(last);
  cmd += " '" + pdf + "' - 2>/dev/null";
  const std::string raw = toNfc(run(cmd));
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == '\f') {
      out += '\f';
      space = false;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty() && out.back() != '\f') out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::vector<WordBox> pdfWords(const std::string& pdf, double* pageWidth, double* pageHeight) {
  const std::string html = run("pdftotext -bbox -enc UTF-8 '" + pdf + "' - 2>/dev/null");
  static const std::regex kPage(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  static const std::regex kWord(
      R"re(<word xMin="([0-9.\-]+)" yMin="([0-9.\-]+)" xMax="([0-9.\-]+)" yMax="([0-9.\-]+)">([^<]*)</word>)re");
  std::vector<WordBox> words;
  int page = 0;
  std::istringstream lines(html);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, kPage)) {
      ++page;
      if (page == 1 && pageWidth) *pageWidth = std::stod(m[1]);
      if (page == 1 && pageHeight) *pageHeight = std::stod(m[2]);
    } else if (std::regex_search(line, m, kWord)) {
      words.push_back(WordBox{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                              toNfc(m[5].str())});
    }
  }
  return words;
}

std::string pdfFonts(const std::string& pdf) { return run("pdffonts '" + pdf + "' 2>&1"); }
std::string pdfInfo(const std::string& pdf) { return run("pdfinfo '" + pdf + "' 2>&1"); }

std::string structureProblems(const std::string& pdf) {
  int status = -1;
  const std::string report = run("qpdf --check '" + pdf + "' 2>&1", &status);
  // Exit 0 = no problem; 3 = warnings only (qpdf repaired something): both the writer's fault here.
  if (status == 0 && report.find("No syntax or stream encoding errors found") != std::string::npos) return "";
  return report.empty() ? "qpdf --check failed with status " + std::to_string(status) : report;
}

bool allFontsEmbedded(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  int fonts = 0;
  bool pastHeader = false;
  while (std::getline(lines, line)) {
    if (line.rfind("----", 0) == 0) {
      pastHeader = true;
      continue;
    }
    if (!pastHeader || line.empty()) continue;
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th field from the end but 3.
    std::istringstream fields(line);
    std::vector<std::string> f;
    std::string w;
    while (fields >> w) f.push_back(w);
    if (f.size() < 7) return false;
    if (f[f.size() - 5] != "yes") return false;
    ++fonts;
  }
  return fonts > 0;
}

std::string toNfd(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  if (n < 0) throw std::runtime_error("utf8proc failed");
  std::string s(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return s;
}

}  // namespace thidua::pdf::test
