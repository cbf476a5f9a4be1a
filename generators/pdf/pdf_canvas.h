#pragma once
// A thin, deterministic drawing surface over PoDoFo 0.9.8: pages, text in Liberation Serif (embedded
// Unicode subsets, Identity-H), lines, rectangles. Coordinates are PDF points, origin bottom-left.

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace PoDoFo {
class PdfMemDocument;
class PdfPainter;
class PdfFont;
class PdfPage;
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

/// Returns the process-wide lock that serialises every use of PoDoFo (it is not thread-safe).
std::mutex& podofoMutex();

/// One PDF being drawn. Holds podofoMutex() for its whole lifetime, so create at most one per thread
/// at a time. Fonts are created on first use (only used faces are embedded). Text must be NFC UTF-8.
/// Infrastructure faults (missing font, PoDoFo error) throw.
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
  /// Draws a straight line of `width` points.
  void drawLine(double x1, double y1, double x2, double y2, double width, const Color& color = Color{});
  /// Strokes a rectangle outline.
  void strokeRect(double x, double y, double w, double h, double width, const Color& color = Color{});
  /// Fills a rectangle.
  void fillRect(double x, double y, double w, double h, const Color& color = Color{});

  /// Finishes the document and returns the PDF bytes (version 1.7). The canvas is unusable after.
  std::string finish();

 private:
  PoDoFo::PdfFont* font(Face face);
  double charWidth(Face face, char32_t cp);

  std::lock_guard<std::mutex> lock_;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  std::unique_ptr<PoDoFo::PdfPainter> painter_;
  std::array<PoDoFo::PdfFont*, 4> fonts_{};
  std::array<std::unordered_map<char32_t, double>, 4> widths_;  // advance per point of size
  int pageCount_ = 0;
  bool colorSet_ = false;
};

}  // namespace thidua::pdf
