#pragma once
// The fonts of one PDF (or of one batch of PDFs): Liberation Serif in four faces, loaded by PoDoFo 0.9.8,
// measured glyph by glyph and finally embedded as Unicode subsets (Identity-H) of every glyph used.

#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "generators/common/podofo_lock.h"
#include "generators/pdf/pdf_writer.h"

namespace PoDoFo {
class PdfMemDocument;
class PdfFont;
}  // namespace PoDoFo
struct FT_LibraryRec_;

namespace thidua::pdf {

enum class Face { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

/// Returns the face for a bold/italic combination.
Face faceOf(bool bold, bool italic);

/// One glyph of a face.
struct Glyph {
  double width = 0;       // advance per point of size
  unsigned short id = 0;  // glyph id in the font (= CID with Identity-H); 0 (.notdef) outside the BMP
};

/// Holds podofoMutex() for its whole lifetime (create at most one per thread at a time). Faces are
/// loaded on first use, and PoDoFo numbers their objects in that order: for byte-identical output, the
/// order in which faces are first used must not depend on thread timing (parallel drawers load their
/// faces first, in face order). Every glyph looked up is part of the embedded subset. glyph() may be called from
/// several threads at once (PdfCanvas objects drawing one batch in parallel); embed() once, at the end.
/// Infrastructure faults (missing font file, PoDoFo error) throw std::runtime_error.
class FontSet {
 public:
  FontSet();
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  /// The glyph of code point `cp` in `face`, which becomes part of that face's subset. Thread-safe.
  Glyph glyph(Face face, char32_t cp);

  /// Embeds the subsets of every face used and returns their objects serialised, ready for writePdf().
  /// Throws RenderError naming the characters (U+XXXX) that were drawn but that Liberation Serif has no
  /// glyph for — they would print as empty boxes. The FontSet must not be used after.
  SharedFonts embed();

 private:
  // A font file mapped read-only into memory (PoDoFo and FreeType read it there, without a copy).
  struct MappedFile {
    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();
    void* data = nullptr;
    size_t size = 0;
  };
  struct FontDeleter {
    void operator()(PoDoFo::PdfFont* font) const;
  };

  PoDoFo::PdfFont* font(Face face);

  PodofoLock lock_;
  std::mutex mutex_;  // guards everything below (glyph() from several threads)
  // Declaration order = reverse destruction order: fonts, then the document (its FreeType library), then
  // the files they read.
  std::array<MappedFile, 4> files_;
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  FT_LibraryRec_* ftLibrary_ = nullptr;  // the document's FreeType library
  std::array<std::unique_ptr<PoDoFo::PdfFont, FontDeleter>, 4> fonts_;
  std::array<std::unordered_map<char32_t, Glyph>, 4> glyphs_;
};

}  // namespace thidua::pdf
