#include "generators/pdf/page_file_writer.h"

#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>

#include <cmath>
#include <cstdio>

#include "generators/common/unicode.h"

namespace thidua::pdf {
namespace {

const char* const kFontNames[] = {"TR", "TB", "TI", "TBI"};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
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

}  // namespace

std::string writePageFile(const SharedFonts& fonts, const PageFile& page) {
  const int catalog = fonts.maxNumber + 1, pages = catalog + 1, pageObj = catalog + 2, contents = catalog + 3,
            info = catalog + 4, size = catalog + 5;
  std::vector<long> offsets(static_cast<size_t>(size), -1);
  std::string out;
  out.reserve(page.content.size() + 256 * 1024);
  out += "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  for (const SerializedObject& o : fonts.objects) {
    offsets[static_cast<size_t>(o.number)] = static_cast<long>(out.size());
    out += o.bytes;
    if (out.back() != '\n') out += '\n';
  }
  auto begin = [&](int n) {
    offsets[static_cast<size_t>(n)] = static_cast<long>(out.size());
    out += std::to_string(n) + " 0 obj\n";
  };
  begin(catalog);
  out += "<< /Type /Catalog /Pages " + std::to_string(pages) + " 0 R >>\nendobj\n";
  begin(pages);
  out += "<< /Type /Pages /Kids [ " + std::to_string(pageObj) + " 0 R ] /Count 1 >>\nendobj\n";
  begin(pageObj);
  out += "<< /Type /Page /Parent " + std::to_string(pages) + " 0 R /MediaBox [ 0 0 " + number(page.width) + " " +
         number(page.height) + " ] /Resources << /Font << ";
  for (size_t f = 0; f < 4; ++f) {
    if (page.fonts[f] && fonts.fontObject[f] > 0) {
      out += "/" + std::string(kFontNames[f]) + " " + std::to_string(fonts.fontObject[f]) + " 0 R ";
    }
  }
  out += ">> >> /Contents " + std::to_string(contents) + " 0 R >>\nendobj\n";
  begin(contents);
  out += "<< /Length " + std::to_string(page.content.size()) + " >>\nstream\n";
  out += page.content;
  out += "\nendstream\nendobj\n";
  begin(info);
  out += "<< /Producer (thidua) /Creator (thidua) /CreationDate (" + page.pdfDate + ") /ModDate (" + page.pdfDate +
         ") /ThiduaId " + textString(page.id) + " >>\nendobj\n";

  // One subsection per run of consecutive object numbers, so that unused numbers cost nothing.
  const long xref = static_cast<long>(out.size());
  out += "xref\n0 1\n0000000000 65535 f \n";
  char line[32];
  for (int n = 1; n < size;) {
    if (offsets[static_cast<size_t>(n)] < 0) {
      ++n;
      continue;
    }
    int end = n;
    while (end < size && offsets[static_cast<size_t>(end)] >= 0) ++end;
    out += std::to_string(n) + " " + std::to_string(end - n) + "\n";
    for (int k = n; k < end; ++k) {
      std::snprintf(line, sizeof line, "%010ld 00000 n \n", offsets[static_cast<size_t>(k)]);
      out += line;
    }
    n = end;
  }
  Poco::MD5Engine md5;
  md5.update(page.id);
  md5.update(page.pdfDate);
  const std::string id = Poco::DigestEngine::digestToHex(md5.digest());
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(catalog) + " 0 R /Info " +
         std::to_string(info) + " 0 R /ID [ <" + id + "> <" + id + "> ] >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return out;
}

}  // namespace thidua::pdf
