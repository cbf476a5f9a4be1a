#include "generators/pdf/certificate.h"

#include <Poco/DateTime.h>
#include <Poco/MemoryStream.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <array>
#include <cstdio>
#include <exception>
#include <thread>

#include "generators/common/chunked_work.h"
#include "generators/common/unicode.h"
#include "generators/pdf/certificate_template.h"
#include "generators/pdf/document_layout.h"
#include "generators/pdf/qr_code.h"
#include "generators/pdf/render_error.h"
#include "generators/pdf/vn_date.h"

namespace thidua::pdf {
namespace {

constexpr size_t kChunk = 16;  // certificates per chunk of work (generators/common/chunked_work.h)
constexpr double kPageWidth = kA4Height;  // landscape
constexpr double kPageHeight = kA4Width;

// The Mustache context of certificate `index`: the shared values (`common`, built once) overridden by the
// item's own, plus "index" (1-based).
kainjow::mustache::data contextOf(const CertificateBatch& batch, const kainjow::mustache::data& common,
                                  size_t index) {
  kainjow::mustache::data ctx = common;
  for (const auto& [key, value] : batch.items[index]) ctx.set(key, value);
  ctx.set("index", std::to_string(index + 1));
  return ctx;
}

kainjow::mustache::data commonOf(const CertificateBatch& batch) {
  kainjow::mustache::data common = kainjow::mustache::data::type::object;
  for (const auto& [key, value] : batch.common) common.set(key, value);
  return common;
}

void checkRequired(const CertificateTemplate::Impl& t, const CertificateBatch& batch) {
  for (size_t i = 0; i < batch.items.size(); ++i) {
    for (const std::string& key : t.required) {
      const kainjow::mustache::data* v = findField(batch.items[i], key);
      if (!v) v = findField(batch.common, key);
      if (!v) {
        throw RenderError(batch.source + ": mục " + std::to_string(i + 1) + " thiếu trường bắt buộc \"" + key + "\"");
      }
      if (v->is_string() && v->string_value().find_first_not_of(" \t\r\n") == std::string::npos) {
        throw RenderError(batch.source + ": mục " + std::to_string(i + 1) + ", trường \"" + key +
                          "\" không được để trống");
      }
    }
  }
}

Date certificateDate(const CertificateTemplate::Impl& t, const kainjow::mustache::data& ctx,
                     const CertificateBatch& batch, size_t index) {
  Date d{2000, 1, 1};
  if (!t.date) return d;
  const std::string text = t.date->render(ctx);
  if (!parseDate(text, d)) {
    throw RenderError(batch.source + ": mục " + std::to_string(index + 1) +
                      ": ngày ký phải có dạng YYYY-MM-DD hoặc DD/MM/YYYY, nhận \"" + text + "\"");
  }
  return d;
}

void drawField(PdfCanvas& canvas, const TextField& f, const std::string& text) {
  if (text.empty()) return;
  const double w = mmToPt(f.width);
  double size = f.size;
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    paragraphs.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  std::vector<Line> lines;
  for (int attempt = 0; attempt < 12; ++attempt) {
    lines.clear();
    for (const std::string& p : paragraphs) {
      auto l = breakText(canvas, p, f.face, size, w);
      lines.insert(lines.end(), l.begin(), l.end());
    }
    if (f.maxLines <= 0 || static_cast<int>(lines.size()) <= f.maxLines || size <= f.size * 0.6 + 1e-6) break;
    size -= f.size * 0.05;
  }
  const double lh = size * f.lineHeight;
  double y = mmToPt(f.y);
  for (const Line& line : lines) {
    drawLine(canvas, line, size, mmToPt(f.x), kPageHeight - (y + 0.891 * size), w, f.align, f.color);
    y += lh;
  }
}

void drawFrames(PdfCanvas& canvas, const CertificateTemplate::Impl& t) {
  for (const Frame& fr : t.frames) {
    const double inset = mmToPt(fr.inset);
    canvas.strokeRect(inset, inset, kPageWidth - 2 * inset, kPageHeight - 2 * inset, fr.width, fr.color);
  }
}

void drawQrCode(PdfCanvas& canvas, const CertificateTemplate::Impl& t, const QrMatrix& qr) {
  if (qr.width == 0) return;
  const double size = mmToPt(t.qrSize);
  drawQr(canvas, qr, mmToPt(t.qrX), kPageHeight - mmToPt(t.qrY) - size, size);
}

std::string slug(const std::string& text) {
  std::string key = searchKey(text);
  std::string out;
  for (char c : key) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 60);
}

// What one certificate needs to be drawn and named, computed in parallel before any drawing.
struct Prepared {
  std::vector<std::string> texts;  // one per template text field
  QrMatrix qr;                     // width 0: no QR code
  std::string id, pdfDate, name;
  Date date{2000, 1, 1};
};

// Renders every certificate's texts, QR code, id, date and file name, on every core.
std::vector<Prepared> prepare(const CertificateTemplate::Impl& tmpl, const CertificateBatch& batch,
                              size_t workers) {
  const kainjow::mustache::data common = commonOf(batch);
  std::vector<Prepared> prepared(batch.items.size());
  std::vector<CertificateTemplate::Impl> copies;  // worker k > 0 renders with copies[k - 1]
  for (size_t k = 1; k < workers; ++k) copies.push_back(threadCopy(tmpl));
  inChunks(prepared.size(), kChunk, workers, [&](size_t begin, size_t end, size_t worker) {
    const CertificateTemplate::Impl& t = worker == 0 ? tmpl : copies[worker - 1];
    for (size_t i = begin; i < end; ++i) {
      const kainjow::mustache::data ctx = contextOf(batch, common, i);
      Prepared& p = prepared[i];
      p.texts.reserve(t.texts.size());
      for (const TextField& f : t.texts) p.texts.push_back(f.text->render(ctx));
      p.date = certificateDate(t, ctx, batch, i);
      p.pdfDate = pdfDate(p.date);
      p.id = t.id->render(ctx);
      char prefix[32];
      std::snprintf(prefix, sizeof prefix, "%04zu", i + 1);
      const std::string label = slug(t.fileName ? t.fileName->render(ctx) : p.id);
      p.name = std::string(prefix) + (label.empty() ? "" : "-" + label) + ".pdf";
      if (!t.qrText) continue;
      const std::string url = t.qrText->render(ctx);
      if (url.empty()) continue;
      try {
        p.qr = encodeQr(url);
      } catch (const std::exception& e) {
        throw RenderError(batch.source + ": mục " + std::to_string(i + 1) +
                          ": không tạo được mã QR từ nội dung đã cho (" + e.what() + ")");
      }
    }
  });
  return prepared;
}

// Draws certificates [begin, end) as pages of `canvas`; fields marked in `layered` are not drawn (they
// are in layer `layer`, or -1 for none: then frames are drawn on every page too).
void drawPages(PdfCanvas& canvas, const CertificateTemplate::Impl& t, const std::vector<Prepared>& prepared,
               size_t begin, size_t end, const std::vector<bool>& layered, int layer) {
  for (size_t i = begin; i < end; ++i) {
    canvas.newPage(kPageWidth, kPageHeight);
    if (layer >= 0) {
      canvas.drawLayer(layer);
    } else {
      drawFrames(canvas, t);
    }
    for (size_t f = 0; f < t.texts.size(); ++f) {
      if (!layered[f]) drawField(canvas, t.texts[f], prepared[i].texts[f]);
    }
    drawQrCode(canvas, t, prepared[i].qr);
  }
}

// Draws every certificate on every core: one canvas per worker, pages put back in list order.
std::vector<PdfPage> drawAll(FontSet& fonts, const CertificateTemplate::Impl& t,
                             const std::vector<Prepared>& prepared, size_t workers,
                             const std::vector<bool>& layered, int layer) {
  std::vector<PdfPage> pages(prepared.size());
  std::vector<std::unique_ptr<PdfCanvas>> canvases;
  for (size_t k = 0; k < workers; ++k) canvases.push_back(std::make_unique<PdfCanvas>(fonts));
  inChunks(prepared.size(), kChunk, workers, [&](size_t begin, size_t end, size_t worker) {
    PdfCanvas& canvas = *canvases[worker];
    drawPages(canvas, t, prepared, begin, end, layered, layer);
    std::vector<PdfPage> drawn = canvas.takePages();
    for (size_t i = begin; i < end; ++i) pages[i] = std::move(drawn[i - begin]);
  });
  return pages;
}

// Loads the faces the template's fields use, on a thread of its own while the caller goes on (PoDoFo
// reads and parses each font file); join() rethrows its failure.
class FacePreloader {
 public:
  FacePreloader(FontSet& fonts, const CertificateTemplate::Impl& t) {
    std::array<bool, 4> faces{};
    for (const TextField& f : t.texts) faces[static_cast<size_t>(f.face)] = true;
    thread_ = std::thread([this, &fonts, faces] {
      try {
        for (size_t f = 0; f < faces.size(); ++f) {
          if (faces[f]) fonts.glyph(static_cast<Face>(f), U' ');
        }
      } catch (...) {
        failure_ = std::current_exception();
      }
    });
  }
  ~FacePreloader() {
    if (thread_.joinable()) thread_.join();
  }
  void join() {
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::exception_ptr failure_;
  std::thread thread_;
};

// Everything drawn for a batch, with the font subsets embedded.
struct DrawnBatch {
  std::vector<Prepared> prepared;
  std::vector<PdfLayer> layers;
  std::vector<PdfPage> pages;
  SharedFonts fonts;
};

// Prepares and draws every certificate of `batch`; with `sharedLayer`, the frames and the fields that
// read the same on every certificate are drawn once, as layer 0. PoDoFo (and its process-wide lock, held
// by the FontSet) is done with when this returns: writing the files and the caller's consumer run
// without it.
DrawnBatch drawBatch(const CertificateTemplate::Impl& t, const CertificateBatch& batch, bool sharedLayer) {
  if (batch.items.empty()) throw RenderError(batch.source + ": danh sách khen thưởng trống");
  checkRequired(t, batch);
  const size_t n = batch.items.size();
  const size_t workers = workerCount(n, kChunk);
  DrawnBatch drawn;
  FontSet fonts;
  FacePreloader preloader(fonts, t);
  drawn.prepared = prepare(t, batch, workers);
  preloader.join();
  std::vector<bool> layered(t.texts.size(), false);
  int layer = -1;
  if (sharedLayer) {
    const std::vector<Prepared>& p = drawn.prepared;
    for (size_t f = 0; f < t.texts.size(); ++f) {
      layered[f] = true;
      for (size_t i = 1; i < n && layered[f]; ++i) layered[f] = p[i].texts[f] == p[0].texts[f];
    }
    PdfCanvas layerCanvas(fonts);
    layerCanvas.beginLayer();
    drawFrames(layerCanvas, t);
    for (size_t f = 0; f < t.texts.size(); ++f) {
      if (layered[f]) drawField(layerCanvas, t.texts[f], p[0].texts[f]);
    }
    layer = layerCanvas.endLayer(kPageWidth, kPageHeight);
    drawn.layers = layerCanvas.takeLayers();
  }
  drawn.pages = drawAll(fonts, t, drawn.prepared, workers, layered, layer);
  drawn.fonts = fonts.embed();
  return drawn;
}

}  // namespace

std::string renderCertificates(const CertificateTemplate& tmpl, const CertificateBatch& batch) {
  const DrawnBatch drawn = drawBatch(tmpl.impl(), batch, true);
  PdfIdentity identity;
  identity.id = drawn.prepared[0].id + "+" + std::to_string(drawn.prepared.size());
  identity.pdfDate = drawn.prepared[0].pdfDate;
  return writePdf(drawn.fonts, drawn.layers, drawn.pages, identity);
}

void renderCertificateFiles(const CertificateTemplate& tmpl, const CertificateBatch& batch,
                            const std::function<void(const CertificateFile&)>& consume) {
  // One FontSet draws every page, so the font subsets are built once and shared by every file.
  DrawnBatch drawn = drawBatch(tmpl.impl(), batch, false);
  std::vector<PdfPage> one(1);
  for (size_t i = 0; i < drawn.pages.size(); ++i) {
    const Prepared& p = drawn.prepared[i];
    CertificateFile file;
    file.name = p.name;
    file.id = p.id;
    file.pdfDate = p.pdfDate;
    file.year = p.date.year;
    file.month = p.date.month;
    file.day = p.date.day;
    one[0] = std::move(drawn.pages[i]);
    file.bytes = writePdf(drawn.fonts, {}, one, PdfIdentity{p.id, "", p.pdfDate});
    consume(file);
  }
}

void writeCertificateZip(const CertificateTemplate& tmpl, const CertificateBatch& batch, std::ostream& out) {
  Poco::Zip::Compress zip(out, true);
  renderCertificateFiles(tmpl, batch, [&zip](const CertificateFile& file) {
    Poco::MemoryInputStream in(file.bytes.data(), file.bytes.size());
    zip.addFile(in, Poco::DateTime(file.year, file.month, file.day), Poco::Path(file.name, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_STORE, Poco::Zip::ZipCommon::CL_NORMAL);
  });
  zip.close();
}

}  // namespace thidua::pdf
