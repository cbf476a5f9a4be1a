#pragma once
// The one exception type of the PDF generator for bad input (template, data, options).

#include <stdexcept>
#include <string>

namespace thidua::pdf {

/// Thrown when a template or its data is invalid. what() is a Vietnamese message that names the file
/// (and line, for templates) or the JSON field at fault, ready to show to the person who wrote it.
/// Infrastructure faults (unreadable font, PoDoFo errors) stay other exceptions.
class RenderError : public std::runtime_error {
 public:
  explicit RenderError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace thidua::pdf
