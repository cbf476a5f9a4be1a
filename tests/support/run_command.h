#pragma once
// Running an external command (pdftotext, pdfsig, openssl, python3, the thidua binary …) from a test.

#include <string>

namespace thidua::testsupport {

/// What a command printed and how it ended.
struct CommandResult {
  int exitCode = -1;   // the exit status; -1 when the command did not exit normally (signal)
  std::string output;  // what was captured, see Capture
};

/// Which streams runCommand captures into CommandResult::output.
enum class Capture {
  Stdout,           // stdout only; stderr goes where the test's stderr goes unless `command` redirects it
  StdoutAndStderr,  // " 2>&1" is appended to `command`, so both arrive interleaved
};

/// Runs `command` with /bin/sh -c (popen), waits for it and returns its exit code and captured output.
/// The caller quotes arguments (see shellQuote). Throws std::runtime_error when the shell cannot be started.
CommandResult runCommand(const std::string& command, Capture capture = Capture::StdoutAndStderr);

/// `s` in single quotes for /bin/sh, with embedded single quotes escaped ('\'').
std::string shellQuote(const std::string& s);

}  // namespace thidua::testsupport
