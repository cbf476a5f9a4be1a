#pragma once
// Writes a PDF file around content streams drawn by PdfCanvas and font objects serialised by PoDoFo
// (FontSet::embed). The one writer of every PDF thidua renders: a document, a batch of certificates as
// one file, or one certificate per file sharing the batch's font subsets.

#include <array>
#include <string>
#include <vector>

namespace thidua::pdf {

/// An object serialised by PoDoFo ("N 0 obj ... endobj"), kept with its number.
struct SerializedObject {
  int number = 0;
  std::string bytes;
};

/// The resource names of the four faces (Face order: regular, bold, italic, bold italic), without "/".
inline constexpr const char* kFontResourceNames[4] = {"TR", "TB", "TI", "TBI"};

/// The embedded fonts: serialised objects (font dictionaries and everything they reference) and the
/// object number of each face's font dictionary (0 = face unused), named kFontResourceNames in resources.
struct SharedFonts {
  std::vector<SerializedObject> objects;
  std::array<int, 4> fontObject{};
  int maxNumber = 0;
};

/// A reusable drawing (Form XObject) shared by pages, e.g. a certificate's frame and fixed texts.
struct PdfLayer {
  double width = 0, height = 0;
  std::string content;          // uncompressed content stream
  std::array<bool, 4> fonts{};  // faces the content uses
};

/// One page.
struct PdfPage {
  double width = 0, height = 0;
  std::string content;          // uncompressed content stream
  std::array<bool, 4> fonts{};  // faces the content uses
  std::vector<int> layers;      // indexes of the layers drawn as /L<index>
};

/// What makes a file unique and dated, taken from the data (never from the clock).
struct PdfIdentity {
  std::string id;       // any stable string; the trailer /ID is the MD5 of id and date
  std::string title;    // /Title (may be empty)
  std::string pdfDate;  // /CreationDate and /ModDate, "D:YYYYMMDDhhmmss" + "Z" or "+HH'mm'" or "-HH'mm'" or
                        // nothing; empty = D:20000101000000Z
};

/// Appends `v` as a PDF real number: at most three decimals, no trailing zeros ("12.5", "-3", "0.125").
void appendPdfNumber(std::string& out, double v);

/// Returns a complete PDF 1.7 file: the font objects under their own numbers, then catalog, page tree,
/// info dictionary, layers, and each page with its content stream (streams of 16 KB or more
/// Flate-compressed), a cross-reference table (one subsection per run of used numbers) and a trailer.
/// `pages` must not be empty, a page's layer index must exist in `layers`, and `identity.pdfDate` must
/// have the form above (std::invalid_argument otherwise). Deterministic; thread-safe (no PoDoFo).
std::string writePdf(const SharedFonts& fonts, const std::vector<PdfLayer>& layers,
                     const std::vector<PdfPage>& pages, const PdfIdentity& identity);

}  // namespace thidua::pdf
