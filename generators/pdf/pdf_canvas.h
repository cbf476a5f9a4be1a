#pragma once
// A thin, deterministic drawing surface over PoDoFo 0.9.8: pages, text in Liberation Serif (embedded
// Unicode subsets, Identity-H), lines, rectangles. Coordinates are PDF points, origin bottom-left.

#include <array>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "generators/common/podofo_lock.h"
#include "generators/pdf/page_file_writer.h"

namespace PoDoFo {
class PdfMemDocument;
class PdfFont;
class PdfObject;
class PdfArray;
}  // namespace PoDoFo

namespace thidua::pdf {

enum class Face { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

/// Returns the face for a bold/italic combination.
Face faceOf(bool bold, bool italic);

/// An RGB colour, components 0..1.
struct Color {
  double r = 0, g = 0, b = 0;
};

/// What makes a file unique and dated, taken from the data (never from the clock).
struct PdfIdentity {
  std::string id;       // any stable string; the trailer /ID is derived from the info dictionary
  std::string title;    // /Title
  std::string pdfDate;  // /CreationDate and /ModDate, "D:YYYYMMDDhhmmssZ"
};

/// One PDF being drawn. Holds podofoMutex() for its whole lifetime, so create at most one per thread
/// at a time. Fonts are created on first use (only used faces are embedded, as subsets of the glyphs
/// drawn). Pages and their content streams are written directly as PoDoFo objects (glyph ids of the
/// Identity-H fonts, one flat page tree); PoDoFo builds the fonts and writes the file. Text must be NFC
/// UTF-8. Infrastructure faults (missing font, PoDoFo error) throw.
class PdfCanvas {
 public:
  explicit PdfCanvas(const PdfIdentity& identity);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  /// Finishes the current page (if any) and starts a new one of the given size in points.
  void newPage(double width, double height);
  int pageCount() const { return pageCount_; }

  /// Width in points of `text` in `face` at `size` points (no kerning, as PoDoFo draws it).
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

  /// A run of `length` filled cells of a grid, starting at column `col` of row `row` (row 0 on top).
  struct CellRun {
    int col = 0, row = 0, length = 0;
  };
  /// Fills grid cells of side `cell` points whose grid's top-left corner is (x, top); compact output
  /// for QR codes.
  void fillCells(double x, double top, double cell, const std::vector<CellRun>& runs,
                 const Color& color = Color{});

  /// Starts recording a layer: drawing calls until endLayer() go into a reusable Form XObject instead of
  /// the page (for the parts every page of a batch shares). Must not be nested.
  void beginLayer();
  /// Ends the layer of size width x height points and returns its handle for drawLayer().
  int endLayer(double width, double height);
  /// Draws a recorded layer on the current page.
  void drawLayer(int layer);

  /// From now on keeps every page's content (pages must not use layers) for finishSeparately().
  void recordPages() { recording_ = true; }
  /// Finishes the document, so that PoDoFo embeds the font subsets of every glyph drawn, and returns
  /// those fonts serialised plus every recorded page, ready for writePageFile(). The canvas is unusable
  /// after.
  std::pair<SharedFonts, std::vector<PageFile>> finishSeparately();

  /// Finishes the document and returns the PDF bytes (version 1.7). The canvas is unusable after.
  std::string finish();

 private:
  struct Glyph {
    double width = 0;      // advance per point of size
    unsigned short id = 0;  // glyph id in the font (= CID with Identity-H)
  };
  PoDoFo::PdfFont* font(Face face);
  const Glyph& glyph(Face face, char32_t cp);
  void finishPage();
  void fillColor(const Color& c);
  void strokeColor(const Color& c);
  void lineWidth(double w);
  void appendGlyphs(Face face, std::string_view text, double* width);
  void resetState();

  PodofoLock lock_;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  std::array<PoDoFo::PdfFont*, 4> fonts_{};
  std::array<std::unordered_map<char32_t, Glyph>, 4> glyphs_;
  std::array<std::set<char32_t>, 4> used_;  // code points drawn, for the subsets
  PoDoFo::PdfObject* page_ = nullptr;                 // the current page dictionary
  std::unique_ptr<PoDoFo::PdfArray> kids_;            // every page, in order
  std::string content_;                     // the current page's (or layer's) content stream
  std::string pageContent_;                 // the page's content while a layer is recorded
  std::array<bool, 4> pageFontsSaved_{};
  std::vector<PoDoFo::PdfObject*> layers_;  // Form XObjects
  std::vector<int> pageLayers_;             // layers drawn on the current page
  std::array<bool, 4> pageFonts_{};         // faces used on the current page
  int pageCount_ = 0;
  bool recording_ = false;
  double pageWidth_ = 0, pageHeight_ = 0;
  std::vector<PageFile> recorded_;
  // Graphics state of the current page, to skip redundant operators.
  Color fill_{-1, -1, -1}, stroke_{-1, -1, -1};
  double lineWidth_ = -1;
  int textFace_ = -1;
  double textSize_ = -1;
};

}  // namespace thidua::pdf
