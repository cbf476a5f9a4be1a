#pragma once
// Shared helpers for the signing tests: the demo PKI, sample PDFs, demo PNGs, external tools; the temp dir
// and command runner come from tests/support.

#include <string>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace thidua::signing::testing {

// The shared pieces (tests/support), under the names the signing tests use. runCommand captures stdout
// and stderr together by default.
using testsupport::CommandResult;
using testsupport::runCommand;
using testsupport::shellQuote;
using testsupport::TempDir;

/// The demo PKI of scripts/demo-pki, made once per test process in its own temp dir.
struct DemoPki {
  std::string dir;
  std::string file(const std::string& name) const { return dir + "/" + name; }
  static const std::string kPassword;
};
const DemoPki& demoPki();

/// Returns a PDF of `pages` A4 pages with Vietnamese text, made with PoDoFo (Liberation Serif subset).
std::string samplePdf(int pages);

/// The Vietnamese sentence samplePdf writes on every page.
extern const char* const kSampleText;

/// A blue handwritten-looking signature on a transparent background (PNG, RGBA, 300x120).
std::string signatureImagePng();

/// A red round seal on a transparent background (PNG, RGBA, 300x300).
std::string sealImagePng();

/// Creates an NSS database in `dir` trusting the demo CA; returns "sql:<dir>".
std::string nssDatabase(const std::string& dir);

/// Runs `pdfsig -nssdir <nss> <pdf>`; returns its output.
std::string pdfsig(const std::string& pdfPath, const std::string& nss);

/// Runs `pdftotext -enc UTF-8 FILE -`; returns the text.
std::string pdftotext(const std::string& pdfPath);

/// An RGB raster of page 1 rendered by pdftoppm at 72 dpi (one pixel per point).
struct Raster {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;
  /// Pixel at PDF coordinates (x, y) (origin bottom left).
  const unsigned char* at(double x, double y) const;
};
Raster renderFirstPage(const std::string& pdfPath, const std::string& workDir);

/// Counts the occurrences of `needle` in `haystack`.
int countOf(const std::string& haystack, const std::string& needle);

}  // namespace thidua::signing::testing
