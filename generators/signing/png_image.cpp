#include "generators/signing/png_image.h"

#include <podofo/podofo.h>

#include <cstdlib>
#include <list>
#include <mutex>
#include <optional>
#include <utility>

#include "generators/signing/openssl_util.h"

namespace thidua::signing {
namespace {

using namespace PoDoFo;

// One decoded image: Flate-compressed samples (and alpha), ready to copy into any document.
struct Encoded {
  unsigned width = 0;
  unsigned height = 0;
  std::string colorSpace;  // "DeviceRGB" or "DeviceGray"
  std::string samples;
  std::optional<std::string> alpha;
};

constexpr std::size_t kCacheEntries = 16;

std::mutex cacheMutex;
std::list<std::pair<std::string, std::shared_ptr<const Encoded>>> cache;  // most recent first

std::string rawStream(const PdfObject* object) {
  char* data = nullptr;
  pdf_long len = 0;
  object->GetStream()->GetCopy(&data, &len);
  std::string out(data, static_cast<std::size_t>(len));
  podofo_free(data);
  return out;
}

bool flateName(const PdfDictionary& dict) {
  const PdfObject* filter = dict.GetKey(PdfName::KeyFilter);
  return filter && filter->IsName() && filter->GetName() == PdfName("FlateDecode");
}

// Decodes `png` with PoDoFo in a scratch document; nullopt when its shape is not one we copy.
std::optional<Encoded> encode(const std::string& png) {
  PdfMemDocument scratch;
  PdfImage image(&scratch);
  image.LoadFromPngData(reinterpret_cast<const unsigned char*>(png.data()), static_cast<pdf_long>(png.size()));
  const PdfDictionary& dict = image.GetObject()->GetDictionary();
  const PdfObject* cs = dict.GetKey(PdfName("ColorSpace"));
  const PdfObject* bpc = dict.GetKey(PdfName("BitsPerComponent"));
  if (!cs || !cs->IsName() || !bpc || !bpc->IsNumber() || bpc->GetNumber() != 8 || !flateName(dict)) {
    return std::nullopt;
  }
  Encoded e;
  e.width = static_cast<unsigned>(image.GetWidth());
  e.height = static_cast<unsigned>(image.GetHeight());
  e.colorSpace = cs->GetName().GetName();
  e.samples = rawStream(image.GetObject());
  if (const PdfObject* smaskRef = dict.GetKey(PdfName("SMask"))) {
    const PdfObject* smask = scratch.GetObjects().GetObject(smaskRef->GetReference());
    if (!smask || !flateName(smask->GetDictionary())) return std::nullopt;
    e.alpha = rawStream(smask);
  }
  return e;
}

std::shared_ptr<const Encoded> cached(const std::string& png) {
  std::string key = sha256(png);
  {
    std::lock_guard<std::mutex> lock(cacheMutex);
    for (auto it = cache.begin(); it != cache.end(); ++it) {
      if (it->first == key) {
        cache.splice(cache.begin(), cache, it);
        return cache.front().second;
      }
    }
  }
  std::optional<Encoded> e = encode(png);
  if (!e) return nullptr;
  auto entry = std::make_shared<const Encoded>(std::move(*e));
  std::lock_guard<std::mutex> lock(cacheMutex);
  cache.emplace_front(key, entry);
  if (cache.size() > kCacheEntries) cache.pop_back();
  return entry;
}

void setFlateSamples(PdfImage& image, unsigned width, unsigned height, const std::string& data) {
  PdfMemoryInputStream in(data.data(), static_cast<pdf_long>(data.size()));
  image.SetImageDataRaw(width, height, 8, &in);
  image.GetObject()->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

}  // namespace

std::unique_ptr<PdfImage> pngImage(PdfDocument& doc, const std::string& png) {
  auto image = std::make_unique<PdfImage>(&doc);
  std::shared_ptr<const Encoded> e = cached(png);
  if (!e) {
    image->LoadFromPngData(reinterpret_cast<const unsigned char*>(png.data()), static_cast<pdf_long>(png.size()));
    return image;
  }
  image->SetImageColorSpace(e->colorSpace == "DeviceGray" ? ePdfColorSpace_DeviceGray : ePdfColorSpace_DeviceRGB);
  setFlateSamples(*image, e->width, e->height, e->samples);
  if (e->alpha) {
    PdfImage mask(&doc);
    mask.SetImageColorSpace(ePdfColorSpace_DeviceGray);
    setFlateSamples(mask, e->width, e->height, *e->alpha);
    image->SetImageSoftmask(&mask);
  }
  return image;
}

}  // namespace thidua::signing
