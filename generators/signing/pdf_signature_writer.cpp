#include "generators/signing/pdf_signature_writer.h"

#include <podofo/podofo.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "generators/common/unicode.h"
#include "generators/signing/appearance.h"
#include "generators/signing/openssl_util.h"
#include "generators/common/podofo_lock.h"
#include "generators/signing/signing_time.h"

namespace thidua::signing {
namespace {

using namespace PoDoFo;

constexpr std::size_t kDefaultReserve = 8192;

PdfString utf8(const std::string& text) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str()));
}

// Finds the field named `name` through the AcroForm (walking pages would load every page): the
// terminal field whose dictionary is also its widget, as signature fields are written here.
PdfObject* findField(PdfMemDocument& doc, const std::string& name) {
  PdfAcroForm* form = doc.GetAcroForm(false);
  if (!form) return nullptr;
  std::vector<const PdfObject*> pending{form->GetObject()->GetDictionary().GetKey(PdfName("Fields"))};
  for (int guard = 0; !pending.empty() && guard < 100000; ++guard) {
    const PdfObject* list = pending.back();
    pending.pop_back();
    if (list && list->IsReference()) list = doc.GetObjects().GetObject(list->GetReference());
    if (!list || !list->IsArray()) continue;
    for (const auto& item : list->GetArray()) {
      PdfObject* field = item.IsReference() ? doc.GetObjects().GetObject(item.GetReference()) : nullptr;
      if (!field || !field->IsDictionary()) continue;
      const PdfObject* t = field->GetDictionary().GetKey(PdfName("T"));
      const PdfObject* kids = field->GetDictionary().GetKey(PdfName("Kids"));
      if (t && t->IsString() && t->GetString().GetStringUtf8() == name && !kids) return field;
      if (kids) pending.push_back(kids);
    }
  }
  return nullptr;
}

PdfAcroForm* signatureForm(PdfMemDocument& doc) {
  PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
  PdfDictionary& dict = form->GetObject()->GetDictionary();
  if (!dict.HasKey(PdfName("SigFlags")) || !dict.GetKey(PdfName("SigFlags"))->IsNumber() ||
      dict.GetKeyAsLong(PdfName("SigFlags")) != 3) {
    dict.AddKey(PdfName("SigFlags"), PdfObject(static_cast<pdf_int64>(3)));
  }
  if (form->GetNeedAppearances()) form->SetNeedAppearances(false);
  return form;
}

PdfPage* pageAt(PdfMemDocument& doc, int index) {
  if (index < 0 || index >= doc.GetPageCount()) {
    throw std::invalid_argument("no page " + std::to_string(index + 1) + " in the document");
  }
  return doc.GetPage(index);
}

std::string bufferBytes(const PdfRefCountedBuffer& buffer, const PdfOutputDevice& device) {
  return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace

std::string PreparedPdf::signedBytes() const {
  std::string out;
  out.reserve(static_cast<std::size_t>(byteRange[1] + byteRange[3]));
  out.append(pdf, static_cast<std::size_t>(byteRange[0]), static_cast<std::size_t>(byteRange[1]));
  out.append(pdf, static_cast<std::size_t>(byteRange[2]), static_cast<std::size_t>(byteRange[3]));
  return out;
}

std::string layoutSignatureFields(const std::string& pdf, const std::vector<FieldSpec>& fields) {
  PodofoLock lock;
  PdfMemDocument doc;
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), true);
  PdfAcroForm* form = signatureForm(doc);
  for (const auto& spec : fields) {
    if (spec.name.empty()) throw std::invalid_argument("a signature field needs a name");
    if (findField(doc, spec.name)) throw std::invalid_argument("signature field exists: " + spec.name);
    PdfPage* page = pageAt(doc, spec.page);
    PdfAnnotation* widget = page->CreateAnnotation(
        ePdfAnnotation_Widget, PdfRect(spec.rect.left, spec.rect.bottom, spec.rect.width, spec.rect.height));
    widget->SetFlags(ePdfAnnotationFlags_Print);
    PdfSignatureField field(widget, form, &doc, false);
    field.SetFieldName(utf8(spec.name));
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.WriteUpdate(&device, true);
  return bufferBytes(buffer, device);
}

PreparedPdf prepareSignature(const std::string& pdf, const SignatureRequest& request, const X509* signer) {
  if (request.fieldName.empty()) throw std::invalid_argument("a signature needs a field name");
  const std::time_t when = request.signingTime ? *request.signingTime : std::time(nullptr);
  const std::string cn = commonName(signer);

  PodofoLock lock;
  PdfMemDocument doc;
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), true);
  if (doc.GetPageCount() < 1) throw std::invalid_argument("the document has no page");
  // Loading stamps /ModDate with the wall clock; the signing time keeps the output reproducible.
  doc.GetInfo()->GetObject()->GetDictionary().AddKey(PdfName("ModDate"), PdfString(pdfDate(when)));
  PdfAcroForm* form = signatureForm(doc);

  std::vector<std::string> orgLines;
  if (request.kind == AppearanceKind::OrganisationText) {
    orgLines = organisationTextLines(request.organisation.empty() ? cn : request.organisation,
                                     request.numberAndCode, when);
  }

  std::unique_ptr<PdfAnnotation> existingWidget;  // PoDoFo's wrapper needs no page: none is loaded
  std::unique_ptr<PdfSignatureField> field;
  PdfRect rect;
  if (PdfObject* existing = findField(doc, request.fieldName)) {
    const PdfObject* ft = existing->GetDictionary().GetKey(PdfName("FT"));
    if (!ft || !ft->IsName() || ft->GetName() != PdfName("Sig")) {
      throw std::invalid_argument("not a signature field: " + request.fieldName);
    }
    existingWidget = std::make_unique<PdfAnnotation>(existing, nullptr);
    field = std::make_unique<PdfSignatureField>(existingWidget.get());
    if (field->GetSignatureObject()) throw std::invalid_argument("field already signed: " + request.fieldName);
    field->EnsureSignatureObject();
    rect = existingWidget->GetRect();
  } else {
    PdfPage* page = pageAt(doc, request.page);
    Rect r = request.rect;
    if (request.kind == AppearanceKind::OrganisationText && r.width <= 0) {
      PdfRect size = page->GetPageSize();
      r = organisationTextRect(doc, orgLines, size.GetWidth(), size.GetHeight());
    }
    if (request.kind == AppearanceKind::Invisible) r = Rect{};
    rect = PdfRect(r.left, r.bottom, r.width, r.height);
    PdfAnnotation* widget = page->CreateAnnotation(ePdfAnnotation_Widget, rect);
    widget->SetFlags(ePdfAnnotationFlags_Print);
    field = std::make_unique<PdfSignatureField>(widget, form, &doc, true);
    field->SetFieldName(utf8(request.fieldName));
  }

  // PoDoFo stamps new annotations with the wall clock; use the signing time instead.
  field->GetWidgetAnnotation()->GetObject()->GetDictionary().AddKey(PdfName("M"), PdfString(pdfDate(when)));

  if (request.kind != AppearanceKind::Invisible) {
    if (rect.GetWidth() <= 0 || rect.GetHeight() <= 0) {
      throw std::invalid_argument("a visible signature needs a rectangle: " + request.fieldName);
    }
    PdfXObject xobject(PdfRect(0, 0, rect.GetWidth(), rect.GetHeight()), &doc);
    drawAppearance(doc, xobject, rect.GetWidth(), rect.GetHeight(), request,
                   request.signerName.empty() ? cn : request.signerName, orgLines);
    field->SetAppearanceStream(&xobject);
  }

  // Keys of the signature dictionary are written sorted and AdjustByteRange searches back from
  // /Contents to /ByteRange: never add a key sorting between them (/Cert, /ContactInfo, /Changes).
  PdfDictionary& sig = field->GetSignatureObject()->GetDictionary();
  sig.AddKey(PdfName("SubFilter"), PdfName("ETSI.CAdES.detached"));
  sig.AddKey(PdfName("M"), PdfString(pdfDate(when)));
  if (!request.reason.empty()) sig.AddKey(PdfName("Reason"), utf8(toNfc(request.reason)));
  if (!request.location.empty()) sig.AddKey(PdfName("Location"), utf8(toNfc(request.location)));

  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  PdfSignOutputDevice output(&device);
  output.SetSignatureSize(request.reservedBytes ? request.reservedBytes : kDefaultReserve);
  field->SetSignature(*output.GetSignatureBeacon());
  doc.WriteUpdate(&output, true);
  if (!output.HasSignaturePosition()) throw std::runtime_error("signature placeholder not found in the output");
  PdfArray range = output.AdjustByteRange();
  output.Flush();

  PreparedPdf prepared;
  prepared.pdf = bufferBytes(buffer, device);
  for (int i = 0; i < 4; ++i) prepared.byteRange[i] = range[i].GetNumber();
  for (auto i = prepared.byteRange[1] + 1; i < prepared.byteRange[2] - 1; ++i) prepared.pdf[i] = '0';
  return prepared;
}

PreparedPdf findPlaceholder(std::string pdf) {
  std::size_t at = pdf.rfind("/ByteRange");
  if (at == std::string::npos) throw std::invalid_argument("the PDF has no signature placeholder");
  std::size_t open = pdf.find('[', at);
  if (open == std::string::npos || open - at > 20) throw std::invalid_argument("malformed /ByteRange");
  PreparedPdf prepared;
  const char* p = pdf.c_str() + open + 1;
  for (int i = 0; i < 4; ++i) {
    char* end = nullptr;
    prepared.byteRange[i] = std::strtoll(p, &end, 10);
    if (end == p) throw std::invalid_argument("malformed /ByteRange");
    p = end;
  }
  const auto& br = prepared.byteRange;
  const auto size = static_cast<std::int64_t>(pdf.size());
  if (br[0] != 0 || br[1] <= 0 || br[2] <= br[1] + 1 || br[2] + br[3] != size || pdf[br[1]] != '<' ||
      pdf[br[2] - 1] != '>') {
    throw std::invalid_argument("the last signature's /ByteRange does not end the file: not a prepared PDF");
  }
  prepared.pdf = std::move(pdf);
  return prepared;
}

std::string embedSignature(PreparedPdf prepared, std::string_view cmsDer) {
  const auto& br = prepared.byteRange;
  const std::size_t room = static_cast<std::size_t>(br[2] - br[1] - 2);
  for (std::size_t i = 0; i < room; ++i) {
    if (prepared.pdf[br[1] + 1 + i] != '0') throw std::invalid_argument("the signature placeholder is already filled");
  }
  std::string hex = toHex(cmsDer);
  if (hex.size() > room) {
    throw std::invalid_argument("the signature (" + std::to_string(cmsDer.size()) + " bytes) exceeds the " +
                                std::to_string(room / 2) + " bytes reserved");
  }
  prepared.pdf.replace(static_cast<std::size_t>(br[1] + 1), hex.size(), hex);
  return std::move(prepared.pdf);
}

}  // namespace thidua::signing
