#pragma once
// Where the embedded Times-compatible font (Liberation Serif, fonts-liberation2) lives.

#include <string>

namespace thidua {

enum class FontFace { Regular, Bold, Italic, BoldItalic };

/// Returns the absolute path of the Liberation Serif TTF for `face`. The directory is fixed at build time
/// (CMake cache THIDUA_FONT_DIR) and may be overridden at run time by the THIDUA_FONT_DIR environment
/// variable. Throws std::runtime_error naming the path if the file does not exist. Thread-safe.
std::string serifFontPath(FontFace face);

}  // namespace thidua
