#include "signing_fixture.h"

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>
#include <podofo/podofo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "generators/common/fonts.h"
#include "generators/signing/openssl_util.h"
#include "tests/support/files.h"

namespace thidua::signing::testing {

const std::string DemoPki::kPassword = "demo";
const char* const kSampleText = "Kế hoạch tổ chức phong trào thi đua yêu nước năm 2026";

const DemoPki& demoPki() {
  // ctest makes one PKI for every test process (fixture signing_pki) and names it here.
  if (const char* shared = std::getenv("THIDUA_TEST_PKI"); shared && std::filesystem::exists(std::string(shared) + "/ca.pem")) {
    static DemoPki pki{shared};
    return pki;
  }
  static TempDir dir;
  static DemoPki pki = [] {
    CommandResult r = runCommand(shellQuote(testsupport::sourcePath("scripts/demo-pki")) + " " +
                                 shellQuote(dir.path()));
    if (r.exitCode != 0) throw std::runtime_error("scripts/demo-pki failed: " + r.output);
    return DemoPki{dir.path()};
  }();
  return pki;
}

std::string samplePdf(int pages) {
  using namespace PoDoFo;
  PdfMemDocument doc;
  std::string path = serifFontPath(FontFace::Regular);
  PdfFont* font = doc.CreateFontSubset("LiberationSerif", false, false, false,
                                       PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
  font->SetFontSize(13);
  for (int i = 0; i < pages; ++i) {
    PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    painter.SetFont(font);
    painter.DrawText(85, 760, PdfString(reinterpret_cast<const pdf_utf8*>(kSampleText)));
    std::string pageLine = "Trang " + std::to_string(i + 1);
    painter.DrawText(85, 740, PdfString(reinterpret_cast<const pdf_utf8*>(pageLine.c_str())));
    painter.FinishPage();
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

namespace {

struct Canvas {
  int width;
  int height;
  std::vector<unsigned char> rgba;
  Canvas(int w, int h) : width(w), height(h), rgba(static_cast<size_t>(w) * h * 4, 0) {}
  void disc(double cx, double cy, double r, unsigned char red, unsigned char green, unsigned char blue) {
    for (int y = static_cast<int>(cy - r); y <= static_cast<int>(cy + r); ++y) {
      for (int x = static_cast<int>(cx - r); x <= static_cast<int>(cx + r); ++x) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) continue;
        unsigned char* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
        p[0] = red;
        p[1] = green;
        p[2] = blue;
        p[3] = 255;
      }
    }
  }
};

void chunk(std::string& png, const char* type, const std::string& data) {
  auto be32 = [&](unsigned v) {
    png += static_cast<char>(v >> 24);
    png += static_cast<char>(v >> 16);
    png += static_cast<char>(v >> 8);
    png += static_cast<char>(v);
  };
  be32(static_cast<unsigned>(data.size()));
  std::string body = std::string(type, 4) + data;
  png += body;
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(body.data(), static_cast<unsigned>(body.size()));
  be32(crc.checksum());
}

std::string encodePng(const Canvas& c) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  for (unsigned v : {static_cast<unsigned>(c.width), static_cast<unsigned>(c.height)}) {
    ihdr += static_cast<char>(v >> 24);
    ihdr += static_cast<char>(v >> 16);
    ihdr += static_cast<char>(v >> 8);
    ihdr += static_cast<char>(v);
  }
  ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8-bit RGBA, deflate, no filter, no interlace
  chunk(png, "IHDR", ihdr);
  std::ostringstream compressed;
  {
    Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_ZLIB, 9);
    for (int y = 0; y < c.height; ++y) {
      deflate.put('\0');
      deflate.write(reinterpret_cast<const char*>(&c.rgba[static_cast<size_t>(y) * c.width * 4]), c.width * 4);
    }
    deflate.close();
  }
  chunk(png, "IDAT", compressed.str());
  chunk(png, "IEND", "");
  return png;
}

}  // namespace

std::string signatureImagePng() {
  Canvas c(300, 120);
  for (double t = 0; t <= 1.0; t += 0.0005) {
    double x = 20 + 260 * t;
    double y = 60 + 35 * std::sin(t * 12) * (1 - t * 0.5);
    c.disc(x, y, 4, 20, 40, 200);
  }
  for (double t = 0; t <= 2 * M_PI; t += 0.002) c.disc(90 + 30 * std::cos(t), 60 + 40 * std::sin(t), 3, 20, 40, 200);
  return encodePng(c);
}

std::string sealImagePng() {
  Canvas c(300, 300);
  for (double t = 0; t <= 2 * M_PI; t += 0.001) {
    c.disc(150 + 140 * std::cos(t), 150 + 140 * std::sin(t), 6, 220, 20, 20);
    c.disc(150 + 105 * std::cos(t), 150 + 105 * std::sin(t), 3, 220, 20, 20);
  }
  c.disc(150, 150, 45, 220, 20, 20);
  return encodePng(c);
}

std::string nssDatabase(const std::string& dir) {
  std::filesystem::create_directories(dir);
  CommandResult a = runCommand("certutil -N -d sql:" + shellQuote(dir) + " --empty-password");
  CommandResult b = runCommand("certutil -A -n ca -t CT,C,C -i " + shellQuote(demoPki().file("ca.pem")) + " -d sql:" +
                               shellQuote(dir));
  if (a.exitCode != 0 || b.exitCode != 0) throw std::runtime_error("certutil failed: " + a.output + b.output);
  return "sql:" + dir;
}

std::string pdfsig(const std::string& pdfPath, const std::string& nss) {
  return runCommand("pdfsig -nssdir " + shellQuote(nss) + " " + shellQuote(pdfPath)).output;
}

std::string pdftotext(const std::string& pdfPath) {
  return runCommand("pdftotext -enc UTF-8 " + shellQuote(pdfPath) + " -").output;
}

const unsigned char* Raster::at(double x, double y) const {
  int px = static_cast<int>(x);
  int py = height - 1 - static_cast<int>(y);
  if (px < 0 || py < 0 || px >= width || py >= height) return nullptr;
  return &rgb[(static_cast<size_t>(py) * width + px) * 3];
}

Raster renderFirstPage(const std::string& pdfPath, const std::string& workDir) {
  std::string prefix = workDir + "/render";
  CommandResult r = runCommand("pdftoppm -r 72 -f 1 -l 1 -singlefile " + shellQuote(pdfPath) + " " + shellQuote(prefix));
  if (r.exitCode != 0) throw std::runtime_error("pdftoppm failed: " + r.output);
  std::string ppm = readFileBytes(prefix + ".ppm");
  std::istringstream in(ppm);
  std::string magic;
  int maxval;
  Raster raster;
  in >> magic >> raster.width >> raster.height >> maxval;
  in.get();
  if (magic != "P6" || maxval != 255) throw std::runtime_error("unexpected PPM");
  raster.rgb.resize(static_cast<size_t>(raster.width) * raster.height * 3);
  in.read(reinterpret_cast<char*>(raster.rgb.data()), static_cast<std::streamsize>(raster.rgb.size()));
  return raster;
}

int countOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace thidua::signing::testing
