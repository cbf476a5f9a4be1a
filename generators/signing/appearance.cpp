#include "generators/signing/appearance.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <stdexcept>

#include "generators/common/fonts.h"
#include "generators/common/unicode.h"
#include "generators/signing/png_image.h"
#include "generators/signing/signing_time.h"

namespace thidua::signing {
namespace {

using namespace PoDoFo;

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kBandHeight = kSignerTextSize + 7;  // height of the name band and of one position line
constexpr double kLineHeight = kSignerTextSize + 2;   // further lines of the position
constexpr double kOrganisationLeading = 12;

struct PngSize {
  double width;
  double height;
};

PngSize pngSize(const std::string& png) {
  static const char kSignature[] = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kSignature, 8) != 0 || png.compare(12, 4, "IHDR") != 0) {
    throw std::invalid_argument("image is not a PNG");
  }
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  PngSize size{static_cast<double>(be32(16)), static_cast<double>(be32(20))};
  if (size.width <= 0 || size.height <= 0) throw std::invalid_argument("PNG has no pixels");
  return size;
}

// Fits an image of `size` into the box, keeping its aspect ratio, centred.
Rect fit(const PngSize& size, const Rect& box) {
  double scale = std::min(box.width / size.width, box.height / size.height);
  Rect r;
  r.width = size.width * scale;
  r.height = size.height * scale;
  r.left = box.left + (box.width - r.width) / 2;
  r.bottom = box.bottom + (box.height - r.height) / 2;
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

double positionBand(const std::string& position) {
  return kBandHeight + (lines(position).size() - 1) * kLineHeight;
}

Rect imageBox(const Rect& field, const std::string& position) {
  double top = positionBand(position);
  return Rect{field.left, field.bottom + kBandHeight, field.width, std::max(1.0, field.height - kBandHeight - top)};
}

PdfFont* serif(PdfMemDocument& doc, bool bold, double size) {
  std::string path = serifFontPath(bold ? FontFace::Bold : FontFace::Regular);
  PdfFont* font = doc.CreateFontSubset(bold ? "LiberationSerif-Bold" : "LiberationSerif", bold, false, false,
                                       PdfEncodingFactory::GlobalIdentityEncodingInstance(), path.c_str());
  if (!font) throw std::runtime_error("cannot load font " + path);
  font->SetFontSize(static_cast<float>(size));
  return font;
}

PdfString utf8(const std::string& text) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str()));
}

void drawCentred(PdfPainter& painter, PdfFont* font, const std::string& text, double width, double baseline) {
  PdfString s = utf8(toNfc(text));
  double w = font->GetFontMetrics()->StringWidth(s);
  painter.SetFont(font);
  painter.DrawText(std::max(0.0, (width - w) / 2), baseline, s);
}

void drawPng(PdfMemDocument& doc, PdfPainter& painter, const std::string& png, const Rect& box) {
  PngSize size = pngSize(png);
  Rect at = fit(size, box);
  std::unique_ptr<PdfImage> image = pngImage(doc, png);
  painter.DrawImage(at.left, at.bottom, image.get(), at.width / image->GetWidth(), at.height / image->GetHeight());
}

}  // namespace

Rect signatureImageRect(const Rect& field, const std::string& signatureImagePng, const std::string& position) {
  return fit(pngSize(signatureImagePng), imageBox(field, position));
}

Rect sealRectOverlapping(const Rect& imageRect, double diameterMm) {
  double d = diameterMm * kPointsPerMm;
  Rect r;
  r.width = d;
  r.height = d;
  r.left = imageRect.left + imageRect.width / 3 - d;
  r.bottom = imageRect.bottom + imageRect.height / 2 - d / 2;
  return r;
}

std::vector<std::string> organisationTextLines(const std::string& organisation, const std::string& numberAndCode,
                                               std::time_t signingTime) {
  return {toNfc(organisation), toNfc("Số: " + numberAndCode), toNfc("Thời gian ký: " + iso8601Vietnam(signingTime))};
}

Rect organisationTextRect(PdfMemDocument& doc, const std::vector<std::string>& lines, double pageWidth,
                          double pageHeight) {
  PdfFont* font = serif(doc, false, kOrganisationTextSize);
  double width = 0;
  for (const auto& line : lines) width = std::max(width, font->GetFontMetrics()->StringWidth(utf8(line)));
  Rect r;
  r.width = width + 4;
  r.height = kOrganisationLeading * lines.size() + 4;
  r.left = pageWidth - 15 * kPointsPerMm - r.width;
  r.bottom = pageHeight - 10 * kPointsPerMm - r.height;
  return r;
}

void drawAppearance(PdfMemDocument& doc, PdfXObject& xobject, double width, double height,
                    const SignatureRequest& request, const std::string& signerName,
                    const std::vector<std::string>& organisationLines) {
  PdfPainter painter;
  painter.SetPage(&xobject);
  try {
    // An appearance stream holding a single self-contained q..Q confuses some readers; open with a pair.
    painter.Save();
    painter.Restore();
    painter.SetColor(0, 0, 0);
    switch (request.kind) {
      case AppearanceKind::Signer: {
        if (request.signatureImagePng.empty()) throw std::invalid_argument("Signer appearance needs a signature image");
        PdfFont* bold = serif(doc, true, kSignerTextSize);
        double baseline = height - kSignerTextSize;
        for (const auto& line : lines(request.position)) {
          drawCentred(painter, bold, line, width, baseline);
          baseline -= kLineHeight;
        }
        Rect box = imageBox(Rect{0, 0, width, height}, request.position);
        drawPng(doc, painter, request.signatureImagePng, box);
        drawCentred(painter, bold, signerName, width, kBandHeight - kSignerTextSize);
        break;
      }
      case AppearanceKind::Seal:
        if (request.sealImagePng.empty()) throw std::invalid_argument("Seal appearance needs a seal image");
        drawPng(doc, painter, request.sealImagePng, Rect{0, 0, width, height});
        break;
      case AppearanceKind::OrganisationText: {
        PdfFont* font = serif(doc, false, kOrganisationTextSize);
        painter.SetFont(font);
        double baseline = height - 2 - kOrganisationTextSize;
        for (const auto& line : organisationLines) {
          painter.DrawText(2, baseline, utf8(line));
          baseline -= kOrganisationLeading;
        }
        break;
      }
      case AppearanceKind::Invisible:
        break;
    }
  } catch (...) {
    painter.FinishPage();
    throw;
  }
  painter.FinishPage();
}

}  // namespace thidua::signing
