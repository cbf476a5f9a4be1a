#pragma once
// Helpers for the PDF tests: poppler-utils read-back of generated PDFs, on top of tests/support.

#include <string>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/temp_dir.h"

namespace thidua::pdf::test {

// The shared pieces (tests/support), under the names the PDF tests use.
using testsupport::readFile;
using testsupport::sourceDir;
using testsupport::TempDir;
using testsupport::writeFile;

/// Runs a shell command (testsupport::runCommand, stdout only); returns its stdout and sets `status` to the
/// exit code.
std::string run(const std::string& command, int* status = nullptr);

/// pdftotext of `pdf` (pages first..last, 0 = all) in NFC with all whitespace runs collapsed to one space.
/// Pages are separated by form feeds ("\f") kept as such.
std::string pdfText(const std::string& pdf, int first = 0, int last = 0);

/// A word box from `pdftotext -bbox`, in points from the top-left corner.
struct WordBox {
  int page = 0;  // 1-based
  double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
  std::string text;
};

/// Every word of `pdf` with its page; page sizes go to `pageWidth`/`pageHeight` (of page 1).
std::vector<WordBox> pdfWords(const std::string& pdf, double* pageWidth = nullptr, double* pageHeight = nullptr);

/// Output of `pdffonts` and `pdfinfo`.
std::string pdfFonts(const std::string& pdf);
std::string pdfInfo(const std::string& pdf);

/// Empty if `qpdf --check` finds the file's structure sound (cross-reference offsets, object syntax,
/// stream lengths and filters), else its report. Poppler silently repairs a broken cross-reference
/// table, so this is the check that the writer's bytes are exactly right.
std::string structureProblems(const std::string& pdf);

/// True if every font listed by pdffonts is embedded (and at least one font is listed).
bool allFontsEmbedded(const std::string& pdffontsOutput);

/// Returns `text` decomposed to NFD.
std::string toNfd(const std::string& text);

}  // namespace thidua::pdf::test
