#include "tests/support/run_command.h"

#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

namespace thidua::testsupport {

CommandResult runCommand(const std::string& command, Capture capture) {
  const std::string line = capture == Capture::StdoutAndStderr ? command + " 2>&1" : command;
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + line);
  CommandResult result;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  const int status = pclose(pipe);
  result.exitCode = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace thidua::testsupport
