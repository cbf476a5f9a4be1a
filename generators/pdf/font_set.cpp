#include "generators/pdf/font_set.h"

#include <fcntl.h>
#include <podofo/podofo.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <vector>

#include "generators/common/fonts.h"
#include "generators/common/unicode.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

using namespace PoDoFo;

FontFace commonFace(Face face) {
  switch (face) {
    case Face::Regular: return FontFace::Regular;
    case Face::Bold: return FontFace::Bold;
    case Face::Italic: return FontFace::Italic;
    case Face::BoldItalic: return FontFace::BoldItalic;
  }
  return FontFace::Regular;
}

// zlib level of the font streams: the subsets are ~130 KB of TrueType per document; level 1 deflates
// them in ~40 % less time than zlib's default level (6), which PoDoFo would use, for ~6 % more bytes.
constexpr int kFontStreamLevel = 1;

// While alive, PoDoFo creates streams without a filter (PdfStream::eDefaultFilter is process-wide: set
// only under podofoMutex(), which the FontSet holds).
class RawStreams {
 public:
  RawStreams() : saved_(PdfStream::eDefaultFilter) { PdfStream::eDefaultFilter = ePdfFilter_None; }
  ~RawStreams() { PdfStream::eDefaultFilter = saved_; }
  RawStreams(const RawStreams&) = delete;
  RawStreams& operator=(const RawStreams&) = delete;

 private:
  EPdfFilter saved_;
};

// Deflates the stream of `object` if it has one without a filter (as PoDoFo left it under RawStreams).
void deflateStream(PdfObject& object) {
  if (!object.HasStream() || object.GetDictionary().HasKey(PdfName::KeyFilter)) return;
  auto* stream = dynamic_cast<PdfMemStream*>(object.GetStream());
  if (!stream) return;
  const pdf_long length = stream->GetLength();
  if (length <= 0) return;
  uLongf size = compressBound(static_cast<uLong>(length));
  std::string packed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                reinterpret_cast<const Bytef*>(stream->Get()), static_cast<uLong>(length),
                kFontStreamLevel) != Z_OK) {
    throw std::runtime_error("zlib could not compress a font stream");
  }
  stream->Set(packed.data(), static_cast<pdf_long>(size), TVecFilters());  // stored as given, no /Filter
  object.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

// Collects `object` and every object it references (depth first, each once).
void collect(const PdfVecObjects& objects, const PdfObject* object, std::set<const PdfObject*>& seen,
             std::vector<const PdfObject*>& order);

void collectVariant(const PdfVecObjects& objects, const PdfObject& value, std::set<const PdfObject*>& seen,
                    std::vector<const PdfObject*>& order) {
  if (value.IsReference()) {
    if (const PdfObject* target = objects.GetObject(value.GetReference())) collect(objects, target, seen, order);
  } else if (value.IsDictionary()) {
    for (const auto& kv : value.GetDictionary().GetKeys()) collectVariant(objects, *kv.second, seen, order);
  } else if (value.IsArray()) {
    for (const PdfObject& item : value.GetArray()) collectVariant(objects, item, seen, order);
  }
}

void collect(const PdfVecObjects& objects, const PdfObject* object, std::set<const PdfObject*>& seen,
             std::vector<const PdfObject*>& order) {
  if (!seen.insert(object).second) return;
  order.push_back(object);
  if (object->IsDictionary()) {
    for (const auto& kv : object->GetDictionary().GetKeys()) collectVariant(objects, *kv.second, seen, order);
  } else if (object->IsArray()) {
    for (const PdfObject& item : object->GetArray()) collectVariant(objects, item, seen, order);
  }
}

}  // namespace

Face faceOf(bool bold, bool italic) {
  return bold ? (italic ? Face::BoldItalic : Face::Bold) : (italic ? Face::Italic : Face::Regular);
}

FontSet::FontSet() : doc_(std::make_unique<PdfMemDocument>()), ftLibrary_(doc_->GetFontLibrary()) {}

FontSet::~FontSet() = default;

FontSet::MappedFile::~MappedFile() {
  if (data) munmap(data, size);
}

void FontSet::FontDeleter::operator()(PdfFont* font) const { delete font; }  // and its metrics

// What PdfDocument::CreateFontSubset does, without its extra work: it opens the file with FreeType once
// to copy it into memory and then parses that copy (~100 fresh pages per face, each a costly first-touch
// fault on this kind of VM). Here FreeType and the subsetter read the mapped file itself.
PdfFont* FontSet::font(Face face) {
  auto& f = fonts_[static_cast<size_t>(face)];
  if (!f) {
    const std::string path = serifFontPath(commonFace(face));
    MappedFile& file = files_[static_cast<size_t>(face)];
    if (!file.data) {
      const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
      struct stat st {};
      if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0) close(fd);
        throw std::runtime_error("cannot read font " + path);
      }
      void* data = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      close(fd);
      if (data == MAP_FAILED) throw std::runtime_error("cannot map font " + path);
      file.data = data;
      file.size = static_cast<size_t>(st.st_size);
    }
    // One subset name prefix per face (AAAAAA+ regular … DAAAAA+ bold italic); PoDoFo's font cache would
    // number them in loading order.
    static const char* const kPrefixes[4] = {"AAAAAA+", "BAAAAA+", "CAAAAA+", "DAAAAA+"};
    PdfRefCountedBuffer buffer(static_cast<char*>(file.data), file.size);
    buffer.SetTakePossesion(false);  // the mapping is ours: PoDoFo must not free() it
    auto* metrics = new PdfFontMetricsFreetype(&ftLibrary_, buffer, false, kPrefixes[static_cast<size_t>(face)]);
    const bool bold = face == Face::Bold || face == Face::BoldItalic;
    const bool italic = face == Face::Italic || face == Face::BoldItalic;
    const int flags = ePdfFont_Embedded | ePdfFont_Subsetting | (bold ? ePdfFont_Bold : 0) |
                      (italic ? ePdfFont_Italic : 0);
    PdfFont* created = PdfFontFactory::CreateFontObject(metrics, flags,
                                                        PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                                        &doc_->GetObjects());
    if (!created) throw std::runtime_error("PoDoFo could not load font " + path);  // metrics deleted by PoDoFo
    f.reset(created);
  }
  return f.get();
}

Glyph FontSet::glyph(Face face, char32_t cp) {
  std::lock_guard<std::mutex> guard(mutex_);
  auto& cache = glyphs_[static_cast<size_t>(face)];
  auto it = cache.find(cp);
  if (it != cache.end()) return it->second;
  PdfFont* f = font(face);
  Glyph g;
  if (cp <= 0xFFFF) {
    f->SetFontSize(100.0f);
    g.width = f->GetFontMetrics()->UnicodeCharWidth(static_cast<unsigned short>(cp)) / 100.0;
    g.id = static_cast<unsigned short>(f->GetFontMetrics()->GetGlyphId(static_cast<long>(cp)));
  }
  return cache.emplace(cp, g).first->second;
}

SharedFonts FontSet::embed() {
  std::lock_guard<std::mutex> guard(mutex_);
  std::set<char32_t> missing;
  for (const auto& faceGlyphs : glyphs_) {
    for (const auto& [cp, g] : faceGlyphs) {
      if (g.id == 0 && cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F)) missing.insert(cp);
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (char32_t cp : missing) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      if (!list.empty()) list += ", ";
      list += std::string(code) + " «";
      appendUtf8(list, cp);
      list += "»";
    }
    throw RenderError("phông Liberation Serif không có chữ cho " + std::to_string(missing.size()) +
                      " ký tự trong dữ liệu: " + list + "; hãy bỏ hoặc thay các ký tự này");
  }
  SharedFonts fonts;
  // Tell each subset font every character looked up in it; PoDoFo builds the subsets.
  std::vector<size_t> faces;
  for (size_t f = 0; f < 4; ++f) {
    if (!fonts_[f] || glyphs_[f].empty()) continue;
    std::vector<char32_t> cps;
    cps.reserve(glyphs_[f].size());
    for (const auto& kv : glyphs_[f]) cps.push_back(kv.first);
    std::sort(cps.begin(), cps.end());  // deterministic order
    std::string all;
    for (char32_t cp : cps) appendUtf8(all, cp);
    const PdfString s(reinterpret_cast<const pdf_utf8*>(all.data()), static_cast<pdf_long>(all.size()));
    fonts_[f]->AddUsedSubsettingGlyphs(s, static_cast<long>(s.GetCharacterLength()));
    faces.push_back(f);
  }
  {
    const RawStreams raw;
    for (size_t f : faces) fonts_[f]->EmbedSubsetFont();
  }
  std::set<const PdfObject*> seen;
  std::vector<const PdfObject*> order;
  for (size_t f : faces) {
    fonts.fontObject[f] = static_cast<int>(fonts_[f]->GetObject()->Reference().ObjectNumber());
    collect(doc_->GetObjects(), fonts_[f]->GetObject(), seen, order);
  }
  std::sort(order.begin(), order.end(), [](const PdfObject* a, const PdfObject* b) {
    return a->Reference().ObjectNumber() < b->Reference().ObjectNumber();
  });
  for (const PdfObject* object : order) {
    deflateStream(const_cast<PdfObject&>(*object));  // an object of doc_, which this FontSet owns
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    object->WriteObject(&device, ePdfWriteMode_Compact, nullptr);
    const int number = static_cast<int>(object->Reference().ObjectNumber());
    fonts.objects.push_back(SerializedObject{number, std::string(buffer.GetBuffer(), device.GetLength())});
    fonts.maxNumber = std::max(fonts.maxNumber, number);
  }
  return fonts;
}

}  // namespace thidua::pdf
