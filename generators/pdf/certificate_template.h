#pragma once
// Internal to generators/pdf: the parsed form of a certificate template (docs/templates.md), shared by
// the parser (certificate_template.cpp) and the renderer (certificate.cpp).

#include <memory>
#include <string>
#include <vector>

#include "generators/pdf/certificate.h"
#include "generators/pdf/pdf_canvas.h"
#include "generators/pdf/text_layout.h"
#include "generators/pdf/text_template.h"

namespace thidua::pdf {

struct TextField {
  std::shared_ptr<TextTemplate> text;
  double x = 0, y = 0, width = 0;  // mm; y is the top of the first line
  double size = 14;
  Face face = Face::Regular;
  Align align = Align::Center;
  Color color;
  double lineHeight = 1.2;
  int maxLines = 0;  // > 0: shrink the size until the text fits in that many lines
};

struct Frame {
  double inset = 10;  // mm from the page edge
  double width = 1;   // points
  Color color;
};

struct CertificateTemplate::Impl {
  std::string source;
  std::vector<std::string> required;
  std::shared_ptr<TextTemplate> id, date, fileName, qrText;
  std::vector<Frame> frames;
  std::vector<TextField> texts;
  double qrX = 0, qrY = 0, qrSize = 0;  // mm
};

/// A copy of `t` whose Mustache templates are its own, for rendering on another thread (rendering one
/// TextTemplate is not thread-safe).
CertificateTemplate::Impl threadCopy(const CertificateTemplate::Impl& t);

}  // namespace thidua::pdf
