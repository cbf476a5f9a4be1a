#pragma once
// A deterministic drawing surface: pages of PDF content streams written directly (glyph ids of the
// Identity-H subset fonts of a FontSet, one TJ array per line), lines, rectangles, grids of cells, and
// reusable layers. Coordinates are PDF points, origin bottom-left. The finished pages and layers go to
// writePdf() (pdf_writer.h) with the FontSet's embedded subsets.

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "generators/pdf/font_set.h"
#include "generators/pdf/pdf_writer.h"

namespace thidua::pdf {

/// An RGB colour, components 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
};

/// Draws pages with the fonts of a FontSet. Not thread-safe, but several canvases may share one FontSet
/// and draw at the same time on different threads (their pages are then joined for writePdf()). Text
/// must be NFC UTF-8; invisible format characters (soft hyphen, zero-width spaces and joiners, direction
/// marks, byte-order mark) are neither measured nor drawn.
class PdfCanvas {
 public:
  explicit PdfCanvas(FontSet& fonts);
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  /// Finishes the current page (if any) and starts a new one of the given size in points.
  void newPage(double width, double height);

  /// Width in points of `text` in `face` at `size` points (no kerning).
  double textWidth(Face face, double size, std::string_view text);
  /// Draws `text` with its baseline starting at (x, y).
  void drawText(Face face, double size, double x, double y, std::string_view text,
                const Color& color = Color{});
  /// A piece of text on a line: drawn at x on the shared baseline.
  struct TextPiece {
    Face face = Face::Regular;
    double x = 0;
    std::string_view text;
  };
  /// Draws `pieces` (left to right, same size and colour) on the baseline y, as few text objects as the
  /// font changes allow (gaps become TJ offsets).
  void drawPieces(double size, double y, const std::vector<TextPiece>& pieces, const Color& color = Color{});
  /// Draws a straight line of `width` points.
  void drawLine(double x1, double y1, double x2, double y2, double width, const Color& color = Color{});
  /// Strokes a rectangle outline.
  void strokeRect(double x, double y, double w, double h, double width, const Color& color = Color{});

  /// Paints the dark cells of a bitmap of `columns` x `rows` cells (row-major, row 0 on top, true =
  /// dark) in `color`, stretched over the rectangle whose bottom-left corner is (x, y): an inline image
  /// mask of one bit per cell, drawn without smoothing (QR codes).
  void fillBitmap(double x, double y, double width, double height, int columns, int rows,
                  const std::vector<bool>& dark, const Color& color = Color{});

  /// Starts recording a layer: drawing calls until endLayer() go into a reusable Form XObject instead of
  /// the page (for the parts every page of a batch shares). Must not be nested.
  void beginLayer();
  /// Ends the layer of size width x height points and returns its index in layers().
  int endLayer(double width, double height);
  /// Draws layer `layer` (an index into the layer list given to writePdf) on the current page.
  void drawLayer(int layer);

  /// Finishes the current page and hands over every page drawn (the canvas starts empty again).
  std::vector<PdfPage> takePages();
  /// Hands over every layer recorded.
  std::vector<PdfLayer> takeLayers();

 private:
  const Glyph& glyph(Face face, char32_t cp);
  void finishPage();
  void fillColor(const Color& c);
  void strokeColor(const Color& c);
  void lineWidth(double w);
  void appendGlyphs(Face face, std::string_view text, double* width);
  void resetState();

  FontSet& fonts_;
  std::array<std::unordered_map<char32_t, Glyph>, 4> glyphs_;  // this canvas's cache of fonts_.glyph()
  std::vector<PdfPage> pages_;
  std::vector<PdfLayer> layers_;
  bool inPage_ = false;
  std::string content_;                 // the current page's (or layer's) content stream
  std::array<bool, 4> contentFonts_{};  // faces content_ uses
  std::string pageContent_;             // the page's content while a layer is recorded
  std::array<bool, 4> pageFonts_{};     // the page's faces while a layer is recorded
  bool inLayer_ = false;
  // Graphics state of the current page, to skip redundant operators.
  Color fill_{-1, -1, -1}, stroke_{-1, -1, -1};
  double lineWidth_ = -1;
  int textFace_ = -1;
  double textSize_ = -1;
};

}  // namespace thidua::pdf
