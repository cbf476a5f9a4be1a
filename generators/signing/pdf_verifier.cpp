#include "generators/signing/pdf_verifier.h"

#include <Poco/JSON/Array.h>
#include <openssl/err.h>
#include <openssl/ts.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "generators/signing/cades_signature.h"
#include "generators/signing/openssl_util.h"
#include "generators/common/podofo_lock.h"
#include "generators/signing/revision_diff.h"
#include "generators/signing/signing_time.h"

namespace thidua::signing {
namespace {

using namespace PoDoFo;

struct SignatureObject {
  std::string field;
  const PdfObject* dict = nullptr;
};

const PdfObject* resolve(PdfMemDocument& doc, const PdfObject* obj) {
  while (obj && obj->IsReference()) obj = doc.GetObjects().GetObject(obj->GetReference());
  return obj;
}

void collectFields(PdfMemDocument& doc, const PdfObject* array, const std::string& parentFt,
                   std::vector<SignatureObject>& out, std::set<PdfReference>& seen, int depth) {
  array = resolve(doc, array);
  if (!array || !array->IsArray() || depth > 32) return;
  for (const auto& item : array->GetArray()) {
    if (item.IsReference()) {
      if (seen.count(item.GetReference())) continue;
      seen.insert(item.GetReference());
    }
    const PdfObject* field = resolve(doc, &item);
    if (!field || !field->IsDictionary()) continue;
    const PdfDictionary& dict = field->GetDictionary();
    std::string ft = parentFt;
    if (const PdfObject* f = dict.GetKey(PdfName("FT")); f && f->IsName()) ft = f->GetName().GetName();
    if (ft == "Sig") {
      const PdfObject* v = resolve(doc, dict.GetKey(PdfName("V")));
      if (v && v->IsDictionary()) {
        const PdfObject* t = dict.GetKey(PdfName("T"));
        out.push_back({t && t->IsString() ? t->GetString().GetStringUtf8() : "", v});
      }
    }
    collectFields(doc, dict.GetKey(PdfName("Kids")), ft, out, seen, depth + 1);
  }
}

std::string stringKey(const PdfDictionary& dict, const char* key) {
  const PdfObject* o = dict.GetKey(PdfName(key));
  if (!o) return "";
  if (o->IsString() || o->IsHexString()) return o->GetString().GetStringUtf8();
  if (o->IsName()) return o->GetName().GetName();
  return "";
}

std::string utcIso(std::time_t t) {
  struct tm tm {};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Ends of the revisions of `pdf`: the offset just after each "%%EOF" and its end-of-line.
std::vector<std::int64_t> revisionEnds(const std::string& pdf) {
  std::vector<std::int64_t> ends;
  for (std::size_t at = pdf.find("%%EOF"); at != std::string::npos; at = pdf.find("%%EOF", at + 5)) {
    std::size_t end = at + 5;
    if (end < pdf.size() && pdf[end] == '\r') ++end;
    if (end < pdf.size() && pdf[end] == '\n') ++end;
    ends.push_back(static_cast<std::int64_t>(end));
  }
  return ends;
}

struct X509StoreDeleter {
  void operator()(X509_STORE* s) const { X509_STORE_free(s); }
};

X509_STORE* loadStore(const std::string& path) {
  X509_STORE* store = X509_STORE_new();
  if (!X509_STORE_load_file(store, path.c_str())) {
    X509_STORE_free(store);
    throwOpenSsl("cannot read the trust store " + path);
  }
  return store;
}

void checkTimestamp(CMS_SignerInfo* si, const std::string& trustPemPath, SignatureReport& r) {
  int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (idx < 0) return;
  r.timestamp.present = true;
  ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
  if (!value || value->type != V_ASN1_SEQUENCE) {
    r.timestamp.detail = "Dấu thời gian không đúng định dạng";
    return;
  }
  const unsigned char* p = ASN1_STRING_get0_data(value->value.sequence);
  PKCS7* token = d2i_PKCS7(nullptr, &p, ASN1_STRING_length(value->value.sequence));
  TS_TST_INFO* info = token ? PKCS7_to_TS_TST_INFO(token) : nullptr;
  if (!info) {
    PKCS7_free(token);
    ERR_clear_error();
    r.timestamp.detail = "Dấu thời gian không đọc được";
    return;
  }
  r.timestamp.time = asn1TimeToIso(TS_TST_INFO_get_time(info));
  ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
  std::string expected =
      sha256(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sig)), ASN1_STRING_length(sig)));
  TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(info);
  ASN1_OCTET_STRING* got = TS_MSG_IMPRINT_get_msg(imprint);
  bool imprintOk = OBJ_obj2nid(TS_MSG_IMPRINT_get_algo(imprint)->algorithm) == NID_sha256 &&
                   std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(got)),
                                    ASN1_STRING_length(got)) == expected;
  TS_TST_INFO_free(info);
  if (!imprintOk) {
    r.timestamp.detail = "Dấu thời gian không khớp với chữ ký";
  } else if (trustPemPath.empty()) {
    r.timestamp.valid = true;
    r.timestamp.detail = "Khớp với chữ ký; chưa kiểm tra chứng thư của TSA (không có kho tin cậy)";
  } else {
    TS_VERIFY_CTX* ctx = TS_VERIFY_CTX_new();
    TS_VERIFY_CTX_set_flags(ctx, TS_VFY_VERSION | TS_VFY_SIGNATURE);
    TS_VERIFY_CTX_set_store(ctx, loadStore(trustPemPath));
    r.timestamp.valid = TS_RESP_verify_token(ctx, token) == 1;
    if (!r.timestamp.valid) r.timestamp.detail = "Chữ ký của TSA không hợp lệ: " + openSslErrors();
    TS_VERIFY_CTX_free(ctx);
  }
  PKCS7_free(token);
  ERR_clear_error();
}

void checkTrust(CMS_ContentInfo* cms, X509* signer, const std::string& trustPemPath, SignatureReport& r) {
  if (trustPemPath.empty()) {
    r.trustDetail = "Chưa kiểm tra: không có kho chứng thư tin cậy (--trust)";
    return;
  }
  std::unique_ptr<X509_STORE, X509StoreDeleter> store(loadStore(trustPemPath));
  X509StackPtr untrusted(CMS_get1_certs(cms));
  X509_STORE_CTX* ctx = X509_STORE_CTX_new();
  X509_STORE_CTX_init(ctx, store.get(), signer, untrusted.get());
  r.trusted = X509_verify_cert(ctx) == 1;
  r.trustDetail = r.trusted ? "Chứng thư chuỗi tới CA tin cậy"
                            : std::string("Chứng thư không tin cậy: ") +
                                  X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx));
  X509_STORE_CTX_free(ctx);
  ERR_clear_error();
}

void checkCms(const std::string& pdf, SignatureReport& r, const std::string& trustPemPath) {
  const auto& br = r.byteRange;
  const auto size = static_cast<std::int64_t>(pdf.size());
  if (br[0] != 0 || br[1] <= 0 || br[2] < br[1] + 2 || br[3] < 0 || br[2] + br[3] > size || pdf[br[1]] != '<' ||
      pdf[br[2] - 1] != '>') {
    r.integrityDetail = "/ByteRange không hợp lệ";
    return;
  }
  std::string der;
  try {
    der = fromHex(std::string_view(pdf).substr(br[1] + 1, br[2] - br[1] - 2));
  } catch (const std::exception&) {
    r.integrityDetail = "/Contents không phải chuỗi hexa";
    return;
  }
  CmsPtr cms = parseCms(der);
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    r.integrityDetail = "/Contents không chứa chữ ký CMS";
    return;
  }
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  if (!infos || sk_CMS_SignerInfo_num(infos) < 1) {
    r.integrityDetail = "CMS không có người ký";
    return;
  }
  // PAdES has one signer; like pdfsig, the first one is the signature (some tools add a duplicate).
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  CMS_set1_signers_certs(cms.get(), nullptr, 0);
  X509* signer = nullptr;
  X509_ALGOR* digestAlg = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, &signer, &digestAlg, nullptr);
  ERR_clear_error();
  if (!signer) {
    r.integrityDetail = "CMS không chứa chứng thư của người ký";
    return;
  }
  r.signer = commonName(signer);

  if (int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1); idx >= 0) {
    ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, idx), 0);
    if (t && (t->type == V_ASN1_UTCTIME || t->type == V_ASN1_GENERALIZEDTIME)) {
      r.cmsSigningTime = asn1TimeToIso(t->value.utctime);
    }
  }

  const EVP_MD* md = digestAlg ? EVP_get_digestbyobj(digestAlg->algorithm) : nullptr;
  auto* digestAttr = static_cast<ASN1_OCTET_STRING*>(
      CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
  if (!md || !digestAttr) {
    r.integrityDetail = "CMS thiếu thuật toán băm hoặc thuộc tính messageDigest";
    return;
  }
  EVP_MD_CTX* mctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(mctx, md, nullptr);
  EVP_DigestUpdate(mctx, pdf.data() + br[0], static_cast<std::size_t>(br[1]));
  EVP_DigestUpdate(mctx, pdf.data() + br[2], static_cast<std::size_t>(br[3]));
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestLen = 0;
  EVP_DigestFinal_ex(mctx, digest, &digestLen);
  EVP_MD_CTX_free(mctx);
  bool digestOk = static_cast<unsigned>(ASN1_STRING_length(digestAttr)) == digestLen &&
                  std::equal(digest, digest + digestLen, ASN1_STRING_get0_data(digestAttr));
  bool signatureOk = CMS_SignerInfo_verify(si) == 1;
  ERR_clear_error();
  r.integrity = digestOk && signatureOk;
  r.integrityDetail = !digestOk      ? "Sai lệch giá trị băm (Digest Mismatch): nội dung đã bị thay đổi sau khi ký"
                      : !signatureOk ? "Chữ ký CMS không hợp lệ"
                                     : "Toàn vẹn";
  r.level = r.subFilter == "ETSI.CAdES.detached" ? "B-B" : "";
  checkTimestamp(si, trustPemPath, r);
  if (r.timestamp.present && r.timestamp.valid && !r.level.empty()) r.level = "B-T";
  checkTrust(cms.get(), signer, trustPemPath, r);
}

}  // namespace

std::vector<SignatureReport> verifyPdf(const std::string& pdf, const std::string& trustPemPath) {
  PodofoLock lock;
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  } catch (const PdfError& e) {
    throw std::runtime_error(std::string("cannot parse the PDF: ") + PdfError::ErrorName(e.GetError()));
  }
  std::vector<SignatureObject> found;
  std::set<PdfReference> seen;
  if (PdfAcroForm* form = doc.GetAcroForm(false)) {
    collectFields(doc, form->GetObject()->GetDictionary().GetKey(PdfName("Fields")), "", found, seen, 0);
  }

  std::vector<SignatureReport> reports;
  for (const auto& f : found) {
    const PdfDictionary& dict = f.dict->GetDictionary();
    SignatureReport r;
    r.field = f.field;
    r.subFilter = stringKey(dict, "SubFilter");
    if (std::time_t m = parsePdfDate(stringKey(dict, "M")); m >= 0) r.pdfSigningTime = utcIso(m);
    const PdfObject* range = resolve(doc, dict.GetKey(PdfName("ByteRange")));
    if (range && range->IsArray() && range->GetArray().size() == 4) {
      for (int i = 0; i < 4; ++i) {
        const PdfObject& n = range->GetArray()[i];
        r.byteRange[i] = n.IsNumber() ? n.GetNumber() : -1;
      }
      checkCms(pdf, r, trustPemPath);
    } else {
      r.integrityDetail = "Thiếu /ByteRange";
    }
    reports.push_back(std::move(r));
  }
  std::sort(reports.begin(), reports.end(), [](const SignatureReport& a, const SignatureReport& b) {
    return a.byteRange[2] + a.byteRange[3] < b.byteRange[2] + b.byteRange[3];
  });

  const auto size = static_cast<std::int64_t>(pdf.size());
  std::vector<std::int64_t> ends = revisionEnds(pdf);
  for (auto& r : reports) {
    std::int64_t end = r.byteRange[2] + r.byteRange[3];
    r.coversWholeDocument = end == size;
    for (std::int64_t revisionEnd : ends) {
      if (revisionEnd <= end) continue;
      ++r.laterRevisions;
      bool signedRevision = std::any_of(reports.begin(), reports.end(), [&](const SignatureReport& other) {
        return other.integrity && other.byteRange[2] + other.byteRange[3] == revisionEnd;
      });
      if (signedRevision) ++r.laterSignedRevisions;
    }
    if (r.laterRevisions > 0 && r.integrity) {
      r.laterChangesDetail = changesOtherThanSignatures(pdf, end);
      r.laterChangesOnlySignatures = r.laterChangesDetail.empty();
    }
    r.valid = r.integrity && (!r.timestamp.present || r.timestamp.valid) && r.laterChangesOnlySignatures &&
              (trustPemPath.empty() || r.trusted);
  }
  return reports;
}

Poco::JSON::Object::Ptr reportToJson(const std::vector<SignatureReport>& reports) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  bool allValid = !reports.empty();
  for (const auto& r : reports) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("field", r.field);
    o->set("signer", r.signer);
    o->set("subFilter", r.subFilter);
    o->set("level", r.level);
    Poco::JSON::Array::Ptr range = new Poco::JSON::Array;
    for (auto v : r.byteRange) range->add(static_cast<Poco::Int64>(v));
    o->set("byteRange", range);
    Poco::JSON::Object::Ptr time = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    time->set("pdf", r.pdfSigningTime);
    time->set("cms", r.cmsSigningTime);
    o->set("signingTime", time);
    o->set("integrity", r.integrity);
    o->set("integrityDetail", r.integrityDetail);
    o->set("trusted", r.trusted);
    o->set("trustDetail", r.trustDetail);
    Poco::JSON::Object::Ptr ts = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    ts->set("present", r.timestamp.present);
    ts->set("valid", r.timestamp.valid);
    ts->set("time", r.timestamp.time);
    ts->set("detail", r.timestamp.detail);
    o->set("timestamp", ts);
    o->set("coversWholeDocument", r.coversWholeDocument);
    Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    after->set("revisions", r.laterRevisions);
    after->set("signedRevisions", r.laterSignedRevisions);
    after->set("onlySignatures", r.laterChangesOnlySignatures);
    after->set("detail", r.laterChangesDetail);
    o->set("changedAfter", after);
    o->set("valid", r.valid);
    list->add(o);
    allValid = allValid && r.valid;
  }
  Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  root->set("count", static_cast<int>(reports.size()));
  root->set("valid", allValid);
  root->set("signatures", list);
  return root;
}

}  // namespace thidua::signing
