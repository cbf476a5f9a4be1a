#pragma once
// Helpers shared by the xlsx tests: the Python checkers (openpyxl), on top of tests/support (temp dir,
// source paths, files, shell quoting).

#include <string>

#include "tests/support/files.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace thidua::xlsx::testing {

// The shared pieces (tests/support), under the names the xlsx tests use.
using testsupport::readFile;
using testsupport::shellQuote;
using testsupport::sourcePath;
using testsupport::TempDir;
using testsupport::writeFile;

/// Runs /usr/bin/python3 tests/xlsx/SCRIPT ARGS… (stdout and stderr together); returns its exit status and
/// appends its output to `output`.
int runPython(const std::string& script, const std::string& args, std::string& output);

}  // namespace thidua::xlsx::testing
