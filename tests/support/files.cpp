#include "tests/support/files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace thidua::testsupport {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string sourceDir() { return THIDUA_SOURCE_DIR; }

std::string sourcePath(const std::string& relative) { return sourceDir() + "/" + relative; }

}  // namespace thidua::testsupport
