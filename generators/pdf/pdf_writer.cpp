#include "generators/pdf/pdf_writer.h"

#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>
#include <zlib.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "generators/common/unicode.h"

namespace thidua::pdf {
namespace {


// Streams below this size are stored uncompressed: deflate's set-up costs more than it saves.
constexpr size_t kCompressFrom = 16384;

void appendInt(std::string& out, long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

void appendRef(std::string& out, int number) {
  appendInt(out, number);
  out += " 0 R";
}

// A PDF text string: ASCII as a literal string, anything else as UTF-16BE hex with a byte-order mark.
std::string textString(const std::string& utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F && c != '(' && c != ')' && c != '\\';
  if (ascii) return "(" + utf8 + ")";
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "<FEFF";
  auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 15];
  };
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = nextCodePoint(utf8, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out + ">";
}

// Appends "<< /Length n [/Filter /FlateDecode] >>\nstream\n…\nendstream\n", compressing large streams.
void appendStream(std::string& out, const std::string& data, const std::string& dictionaryEntries) {
  if (data.size() >= kCompressFrom) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                  static_cast<uLong>(data.size()), Z_DEFAULT_COMPRESSION) != Z_OK) {
      throw std::runtime_error("zlib could not compress a content stream");
    }
    out += "<< " + dictionaryEntries + "/Length ";
    appendInt(out, static_cast<long long>(size));
    out += " /Filter /FlateDecode >>\nstream\n";
    out.append(packed.data(), size);
  } else {
    out += "<< " + dictionaryEntries + "/Length ";
    appendInt(out, static_cast<long long>(data.size()));
    out += " >>\nstream\n";
    out += data;
  }
  out += "\nendstream\nendobj\n";
}

void appendResources(std::string& out, const SharedFonts& fonts, const std::array<bool, 4>& used,
                     const std::vector<int>& layers, int firstLayer) {
  out += "/Resources << /Font << ";
  for (size_t f = 0; f < 4; ++f) {
    if (used[f] && fonts.fontObject[f] > 0) {
      out += '/';
      out += kFontResourceNames[f];
      out += ' ';
      appendRef(out, fonts.fontObject[f]);
      out += ' ';
    }
  }
  out += ">> ";
  if (!layers.empty()) {
    out += "/XObject << ";
    for (int l : layers) {
      out += "/L";
      appendInt(out, l);
      out += ' ';
      appendRef(out, firstLayer + l);
      out += ' ';
    }
    out += ">> ";
  }
  out += ">> ";
}

void appendBox(std::string& out, const char* key, double width, double height) {
  out += key;
  out += " [ 0 0 ";
  appendPdfNumber(out, width);
  out += ' ';
  appendPdfNumber(out, height);
  out += " ] ";
}

// True for "D:YYYYMMDDhhmmss" followed by "Z", "+HH'mm'", "-HH'mm'" or nothing (ISO 32000-1 §7.9.4, the
// full form only), so the date can be written as a literal string as it is.
bool isPdfDate(const std::string& d) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
    }
    return true;
  };
  if (d.size() < 16 || d.compare(0, 2, "D:") != 0 || !digits(2, 14)) return false;
  const std::string zone = d.substr(16);
  if (zone.empty() || zone == "Z") return true;
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(zone[i])) != 0; };
  return zone.size() == 7 && (zone[0] == '+' || zone[0] == '-') && digit(1) && digit(2) && zone[3] == '\'' &&
         digit(4) && digit(5) && zone[6] == '\'';
}

}  // namespace

void appendPdfNumber(std::string& out, double v) {
  long long milli = std::llround(v * 1000.0);
  if (milli < 0) {
    out += '-';
    milli = -milli;
  }
  appendInt(out, milli / 1000);
  const int frac = static_cast<int>(milli % 1000);
  if (frac != 0) {
    char digits[3] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10)};
    size_t n = 3;
    while (digits[n - 1] == '0') --n;
    out += '.';
    out.append(digits, n);
  }
}

std::string writePdf(const SharedFonts& fonts, const std::vector<PdfLayer>& layers,
                     const std::vector<PdfPage>& pages, const PdfIdentity& identity) {
  if (pages.empty()) throw std::invalid_argument("writePdf: a PDF needs at least one page");
  const int catalog = fonts.maxNumber + 1, pageTree = catalog + 1, info = catalog + 2, firstLayer = catalog + 3;
  const int firstPage = firstLayer + static_cast<int>(layers.size());  // page k: firstPage + 2k, its content + 1
  const int size = firstPage + 2 * static_cast<int>(pages.size());
  std::vector<size_t> offsets(static_cast<size_t>(size), 0);
  std::vector<bool> used(static_cast<size_t>(size), false);

  size_t estimate = 64 * 1024;
  for (const SerializedObject& o : fonts.objects) estimate += o.bytes.size() + 1;
  for (const PdfLayer& l : layers) estimate += l.content.size() + 512;
  for (const PdfPage& p : pages) estimate += p.content.size() + 320 + 16 * p.layers.size();
  estimate += 20 * static_cast<size_t>(size);
  std::string out;
  out.reserve(estimate);
  out += "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  auto begin = [&](int n) {
    offsets[static_cast<size_t>(n)] = out.size();
    used[static_cast<size_t>(n)] = true;
    appendInt(out, n);
    out += " 0 obj\n";
  };
  for (const SerializedObject& o : fonts.objects) {
    offsets[static_cast<size_t>(o.number)] = out.size();
    used[static_cast<size_t>(o.number)] = true;
    out += o.bytes;
    if (out.back() != '\n') out += '\n';
  }
  begin(catalog);
  out += "<< /Type /Catalog /Pages ";
  appendRef(out, pageTree);
  out += " >>\nendobj\n";
  begin(pageTree);
  out += "<< /Type /Pages /Kids [ ";
  for (size_t k = 0; k < pages.size(); ++k) {
    appendRef(out, firstPage + 2 * static_cast<int>(k));
    out += ' ';
  }
  out += "] /Count ";
  appendInt(out, static_cast<long long>(pages.size()));
  out += " >>\nendobj\n";
  const std::string date = identity.pdfDate.empty() ? std::string("D:20000101000000Z") : identity.pdfDate;
  if (!isPdfDate(date)) throw std::invalid_argument("writePdf: not a PDF date: " + date);
  begin(info);
  out += "<< /Producer (thidua) /Creator (thidua) /CreationDate (" + date + ") /ModDate (" + date + ") ";
  if (!identity.title.empty()) out += "/Title " + textString(identity.title) + " ";
  out += "/ThiduaId " + textString(identity.id) + " >>\nendobj\n";
  for (size_t l = 0; l < layers.size(); ++l) {
    const PdfLayer& layer = layers[l];
    begin(firstLayer + static_cast<int>(l));
    std::string dict = "/Type /XObject /Subtype /Form ";
    appendBox(dict, "/BBox", layer.width, layer.height);
    appendResources(dict, fonts, layer.fonts, {}, firstLayer);
    appendStream(out, layer.content, dict);
  }
  for (size_t k = 0; k < pages.size(); ++k) {
    const PdfPage& page = pages[k];
    for (int l : page.layers) {
      if (l < 0 || static_cast<size_t>(l) >= layers.size()) {
        throw std::invalid_argument("writePdf: page " + std::to_string(k + 1) + " draws a layer that does not exist");
      }
    }
    const int pageObject = firstPage + 2 * static_cast<int>(k);
    begin(pageObject);
    out += "<< /Type /Page /Parent ";
    appendRef(out, pageTree);
    out += ' ';
    appendBox(out, "/MediaBox", page.width, page.height);
    appendResources(out, fonts, page.fonts, page.layers, firstLayer);
    out += "/Contents ";
    appendRef(out, pageObject + 1);
    out += " >>\nendobj\n";
    begin(pageObject + 1);
    appendStream(out, page.content, "");
  }

  // One subsection from 0 (ISO 32000-1 §7.5.4): numbers PoDoFo used for objects we do not write (its
  // own catalog, page tree and info) are free entries, chained from entry 0 in increasing order.
  const size_t xref = out.size();
  out += "xref\n0 ";
  appendInt(out, size);
  out += '\n';
  char line[24];
  auto nextFree = [&](int n) {
    for (int k = n + 1; k < size; ++k) {
      if (!used[static_cast<size_t>(k)]) return k;
    }
    return 0;
  };
  std::snprintf(line, sizeof line, "%010d 65535 f \n", nextFree(0));
  out.append(line, 20);
  for (int n = 1; n < size; ++n) {
    if (used[static_cast<size_t>(n)]) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[static_cast<size_t>(n)]);
    } else {
      std::snprintf(line, sizeof line, "%010d 00000 f \n", nextFree(n));
    }
    out.append(line, 20);
  }
  Poco::MD5Engine md5;
  md5.update(identity.id);
  md5.update(date);
  const std::string id = Poco::DigestEngine::digestToHex(md5.digest());
  out += "trailer\n<< /Size ";
  appendInt(out, size);
  out += " /Root ";
  appendRef(out, catalog);
  out += " /Info ";
  appendRef(out, info);
  out += " /ID [ <" + id + "> <" + id + "> ] >>\nstartxref\n";
  appendInt(out, static_cast<long long>(xref));
  out += "\n%%EOF\n";
  return out;
}

}  // namespace thidua::pdf
