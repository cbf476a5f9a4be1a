#pragma once
// Writes one-page PDF files around content streams that share already-serialised font objects: the fast
// path for "one PDF per certificate", where the font subsets are built once per batch by PoDoFo.

#include <array>
#include <string>
#include <vector>

namespace thidua::pdf {

/// An object serialised by PoDoFo ("N 0 obj ... endobj"), kept with its number.
struct SerializedObject {
  int number = 0;
  std::string bytes;
};

/// Fonts shared by every file of a batch: serialised objects (fonts and everything they reference) and
/// the object number of each face's font dictionary (0 = face unused). Resource names are /TR /TB /TI /TBI.
struct SharedFonts {
  std::vector<SerializedObject> objects;
  std::array<int, 4> fontObject{};
  int maxNumber = 0;
};

/// One page to write.
struct PageFile {
  double width = 0, height = 0;
  std::string content;          // the page's content stream (uncompressed)
  std::array<bool, 4> fonts{};  // faces the content uses
  std::string id;               // hashed into the trailer /ID
  std::string pdfDate;          // "D:YYYYMMDDhhmmssZ"
};

/// Returns a complete PDF 1.7 file: the shared font objects under their own numbers, then catalog, page
/// tree, page, content stream and info dictionary, a cross-reference table (one subsection per run of
/// used numbers) and a trailer whose /ID is the MD5 of the id and date. Deterministic. Thread-safe.
std::string writePageFile(const SharedFonts& fonts, const PageFile& page);

}  // namespace thidua::pdf
