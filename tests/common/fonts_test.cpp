#include "generators/common/fonts.h"

#include <gtest/gtest.h>

#include <fstream>

namespace thidua {
namespace {

TEST(Fonts, EveryLiberationSerifFaceExists) {
  for (FontFace f : {FontFace::Regular, FontFace::Bold, FontFace::Italic, FontFace::BoldItalic}) {
    std::string path = serifFontPath(f);
    EXPECT_NE(path.find("LiberationSerif"), std::string::npos);
    EXPECT_TRUE(std::ifstream(path).good()) << path;
  }
}

}  // namespace
}  // namespace thidua
