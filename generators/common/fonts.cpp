#include "generators/common/fonts.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace thidua {

std::string serifFontPath(FontFace face) {
  const char* env = std::getenv("THIDUA_FONT_DIR");
  std::string dir = env && *env ? env : THIDUA_FONT_DIR;
  const char* file = "LiberationSerif-Regular.ttf";
  switch (face) {
    case FontFace::Regular: file = "LiberationSerif-Regular.ttf"; break;
    case FontFace::Bold: file = "LiberationSerif-Bold.ttf"; break;
    case FontFace::Italic: file = "LiberationSerif-Italic.ttf"; break;
    case FontFace::BoldItalic: file = "LiberationSerif-BoldItalic.ttf"; break;
  }
  std::string path = dir + "/" + file;
  if (!std::ifstream(path).good()) {
    throw std::runtime_error("font not found: " + path + " (install fonts-liberation2)");
  }
  return path;
}

}  // namespace thidua
