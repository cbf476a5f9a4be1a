#pragma once
// Breaking styled runs into lines and drawing them left, centred, right or justified.

#include <string>
#include <vector>

#include "generators/pdf/document_model.h"
#include "generators/pdf/pdf_canvas.h"

namespace thidua::pdf {

/// A piece of a word in one face.
struct Fragment {
  std::string text;
  Face face = Face::Regular;
  double width = 0;
};

/// A word: fragments with no space between them.
struct Word {
  std::vector<Fragment> parts;
  double width = 0;
};

/// One laid-out line: words with the spaces between them implied.
struct Line {
  std::vector<Word> words;
  double width = 0;         // words plus natural spaces
  bool endsParagraph = false;  // last line of the paragraph or before a forced break: not justified
};

enum class Align { Left, Center, Right, Justify };

/// Breaks `runs` into lines at `size` points: the first line is `firstWidth` wide, later ones
/// `otherWidth`. Words longer than a line are cut between characters. `boldAll`/`italicAll` add to
/// every run's style. Never returns a line wider than its width, except a single character that does
/// not fit at all.
std::vector<Line> breakLines(PdfCanvas& canvas, const std::vector<Run>& runs, double size, double firstWidth,
                             double otherWidth, bool boldAll = false, bool italicAll = false);

/// Convenience: breaks plain text of one face.
std::vector<Line> breakText(PdfCanvas& canvas, const std::string& text, Face face, double size, double width);

/// Draws `line` with its baseline at y inside [x, x + width] with `align` (justified lines that end a
/// paragraph are drawn left-aligned).
void drawLine(PdfCanvas& canvas, const Line& line, double size, double x, double y, double width, Align align,
              const Color& color = Color{});

}  // namespace thidua::pdf
