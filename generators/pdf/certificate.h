#pragma once
// Certificates (Giấy khen, Bằng khen): a JSON layout template (fields with Mustache text placed in
// millimetres on an A4 landscape page, frames, a QR code) + a list of recipients -> PDF or ZIP.

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "generators/pdf/certificate_batch.h"

namespace thidua::pdf {

class PdfCanvas;
class TextTemplate;

/// A parsed certificate layout (see docs/templates.md). Immutable; cheap to copy.
class CertificateTemplate {
 public:
  /// Parses the template JSON text; `source` names it in errors. Throws RenderError naming the source and
  /// the field ("texts[2].size") on a bad template, or file:line:column for bad Mustache in a field.
  CertificateTemplate(const std::string& json, const std::string& source);
  static CertificateTemplate fromFile(const std::string& path);
  ~CertificateTemplate();
  CertificateTemplate(const CertificateTemplate&);

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Renders every certificate of `batch` as one page of one PDF. Checks the template's required fields
/// first and throws RenderError naming the item ("mục 3") and field. Deterministic; thread-safe (PoDoFo
/// is serialised by a global lock).
std::string renderCertificates(const CertificateTemplate& tmpl, const CertificateBatch& batch);

/// One certificate as its own file.
struct CertificateFile {
  std::string name;   // "0001-ho-va-ten.pdf"
  std::string bytes;  // a complete one-page PDF
  std::string id, pdfDate;
  int year = 2000, month = 1, day = 1;  // the signing date, for the ZIP entry
};

/// Renders each certificate as its own one-page PDF. The font subsets are built once for the batch (by
/// PoDoFo, covering every glyph of the batch) and shared by all files. Same checks and guarantees as
/// renderCertificates().
/// Each file is passed to `consume` in list order as soon as it is written (its bytes are released after);
/// PoDoFo's lock is no longer held then, so `consume` may sign or verify the file. A file's font subsets
/// cover the glyphs of the whole batch, so its bytes depend on the batch it was rendered in.
void renderCertificateFiles(const CertificateTemplate& tmpl, const CertificateBatch& batch,
                            const std::function<void(const CertificateFile&)>& consume);

/// renderCertificateFiles() packed in a ZIP written to `out` (must be seekable, e.g. a file or string
/// stream; entries stored, dated from the data).
void writeCertificateZip(const CertificateTemplate& tmpl, const CertificateBatch& batch, std::ostream& out);

}  // namespace thidua::pdf
