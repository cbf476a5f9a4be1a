#include "generators/signing/revision_diff.h"

#include <podofo/podofo.h>

#include <set>
#include <vector>

namespace thidua::signing {
namespace {

using namespace PoDoFo;

struct PageView {
  std::string content;                 // decoded content streams, concatenated
  std::vector<PdfReference> annots;    // annotation references, in order
};

const PdfObject* resolve(PdfMemDocument& doc, const PdfObject* obj) {
  while (obj && obj->IsReference()) obj = doc.GetObjects().GetObject(obj->GetReference());
  return obj;
}

void appendStream(const PdfObject* obj, std::string& out) {
  if (!obj || !obj->HasStream()) return;
  char* data = nullptr;
  pdf_long len = 0;
  obj->GetStream()->GetFilteredCopy(&data, &len);
  out.append(data, static_cast<std::size_t>(len));
  podofo_free(data);
}

std::vector<PageView> pages(PdfMemDocument& doc) {
  std::vector<PageView> out;
  for (int i = 0; i < doc.GetPageCount(); ++i) {
    PdfPage* page = doc.GetPage(i);
    PageView view;
    const PdfObject* contents = resolve(doc, page->GetObject()->GetDictionary().GetKey(PdfName("Contents")));
    if (contents && contents->IsArray()) {
      for (const auto& part : contents->GetArray()) appendStream(resolve(doc, &part), view.content);
    } else {
      appendStream(contents, view.content);
    }
    const PdfObject* annots = resolve(doc, page->GetObject()->GetDictionary().GetKey(PdfName("Annots")));
    if (annots && annots->IsArray()) {
      for (const auto& a : annots->GetArray()) {
        if (a.IsReference()) view.annots.push_back(a.GetReference());
      }
    }
    out.push_back(std::move(view));
  }
  return out;
}

bool isSignatureWidget(PdfMemDocument& doc, const PdfReference& ref) {
  const PdfObject* annot = doc.GetObjects().GetObject(ref);
  for (int depth = 0; annot && annot->IsDictionary() && depth < 32; ++depth) {
    const PdfObject* ft = annot->GetDictionary().GetKey(PdfName("FT"));
    if (ft && ft->IsName()) return ft->GetName() == PdfName("Sig");
    annot = resolve(doc, annot->GetDictionary().GetKey(PdfName("Parent")));
  }
  return false;
}

}  // namespace

std::string changesOtherThanSignatures(const std::string& pdf, std::int64_t revisionEnd) {
  try {
    PdfMemDocument before;
    before.LoadFromBuffer(pdf.data(), static_cast<long>(revisionEnd));
    PdfMemDocument after;
    after.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
    std::vector<PageView> old = pages(before);
    std::vector<PageView> now = pages(after);
    if (old.size() != now.size()) {
      return "Số trang đã thay đổi sau khi ký (" + std::to_string(old.size()) + " → " + std::to_string(now.size()) + ")";
    }
    for (std::size_t i = 0; i < old.size(); ++i) {
      const std::string page = "trang " + std::to_string(i + 1);
      if (old[i].content != now[i].content) return "Nội dung " + page + " đã thay đổi sau khi ký";
      std::set<PdfReference> kept(now[i].annots.begin(), now[i].annots.end());
      for (const auto& ref : old[i].annots) {
        if (!kept.count(ref)) return "Một chú thích của " + page + " đã bị xóa sau khi ký";
      }
      std::set<PdfReference> earlier(old[i].annots.begin(), old[i].annots.end());
      for (const auto& ref : now[i].annots) {
        if (!earlier.count(ref) && !isSignatureWidget(after, ref)) {
          return "Một chú thích không phải chữ ký đã được thêm vào " + page + " sau khi ký";
        }
      }
    }
    return "";
  } catch (const PdfError& e) {
    return std::string("Không đọc được phiên bản đã ký để so sánh: ") + PdfError::ErrorName(e.GetError());
  }
}

}  // namespace thidua::signing
