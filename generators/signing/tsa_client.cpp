#include "generators/signing/tsa_client.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <memory>
#include <sstream>

#include "generators/signing/openssl_util.h"

namespace thidua::signing {
namespace {

struct TsFree {
  void operator()(TS_REQ* p) const { TS_REQ_free(p); }
  void operator()(TS_RESP* p) const { TS_RESP_free(p); }
  void operator()(ASN1_INTEGER* p) const { ASN1_INTEGER_free(p); }
};

TimestampResult failure(std::string why) {
  ERR_clear_error();
  TimestampResult r;
  r.error = std::move(why);
  return r;
}

// Builds the DER TimeStampReq for `digest`; returns the nonce through `nonce`.
std::string buildRequest(std::string_view digest, std::unique_ptr<ASN1_INTEGER, TsFree>& nonce) {
  std::unique_ptr<TS_REQ, TsFree> req(TS_REQ_new());
  TS_REQ_set_version(req.get(), 1);
  TS_MSG_IMPRINT* imprint = TS_MSG_IMPRINT_new();
  X509_ALGOR* algo = X509_ALGOR_new();
  X509_ALGOR_set0(algo, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
  TS_MSG_IMPRINT_set_algo(imprint, algo);
  TS_MSG_IMPRINT_set_msg(imprint, reinterpret_cast<unsigned char*>(const_cast<char*>(digest.data())),
                         static_cast<int>(digest.size()));
  TS_REQ_set_msg_imprint(req.get(), imprint);
  TS_MSG_IMPRINT_free(imprint);
  X509_ALGOR_free(algo);
  unsigned char random[8];
  RAND_bytes(random, sizeof random);
  random[0] &= 0x7f;
  BIGNUM* bn = BN_bin2bn(random, sizeof random, nullptr);
  nonce.reset(BN_to_ASN1_INTEGER(bn, nullptr));
  BN_free(bn);
  TS_REQ_set_nonce(req.get(), nonce.get());
  TS_REQ_set_cert_req(req.get(), 1);
  unsigned char* der = nullptr;
  int len = i2d_TS_REQ(req.get(), &der);
  if (len <= 0) throwOpenSsl("cannot encode the timestamp request");
  std::string out(reinterpret_cast<char*>(der), len);
  OPENSSL_free(der);
  return out;
}

}  // namespace

TimestampResult requestTimestamp(const std::string& url, std::string_view sha256Digest, int timeoutSeconds) {
  std::unique_ptr<ASN1_INTEGER, TsFree> nonce;
  std::string body;
  std::string reply;
  try {
    body = buildRequest(sha256Digest, nonce);
    Poco::URI uri(url);
    if (uri.getScheme() != "http") return failure("TSA URL must be http://: " + url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(timeoutSeconds, 0));
    std::string path = uri.getPathAndQuery();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path.empty() ? "/" : path,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/timestamp-query");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::ostringstream data;
    Poco::StreamCopier::copyStream(in, data);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
      return failure("TSA answered HTTP " + std::to_string(response.getStatus()));
    }
    reply = data.str();
  } catch (const Poco::Exception& e) {
    return failure("TSA unreachable: " + e.displayText());
  } catch (const std::exception& e) {
    return failure(std::string("TSA request failed: ") + e.what());
  }

  const unsigned char* p = reinterpret_cast<const unsigned char*>(reply.data());
  std::unique_ptr<TS_RESP, TsFree> resp(d2i_TS_RESP(nullptr, &p, static_cast<long>(reply.size())));
  if (!resp) return failure("TSA answer is not a timestamp response");
  long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())));
  if (status != 0 && status != 1) return failure("TSA refused the request (status " + std::to_string(status) + ")");
  TS_TST_INFO* info = TS_RESP_get_tst_info(resp.get());
  PKCS7* token = TS_RESP_get_token(resp.get());
  if (!info || !token) return failure("TSA answer holds no token");
  ASN1_OCTET_STRING* got = TS_MSG_IMPRINT_get_msg(TS_TST_INFO_get_msg_imprint(info));
  if (std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(got)), ASN1_STRING_length(got)) !=
      sha256Digest) {
    return failure("TSA token is for another digest");
  }
  const ASN1_INTEGER* echoed = TS_TST_INFO_get_nonce(info);
  if (!echoed || ASN1_INTEGER_cmp(echoed, nonce.get()) != 0) return failure("TSA token nonce mismatch");
  unsigned char* der = nullptr;
  int len = i2d_PKCS7(token, &der);
  if (len <= 0) return failure("cannot encode the TSA token");
  TimestampResult ok;
  ok.ok = true;
  ok.token.assign(reinterpret_cast<char*>(der), len);
  OPENSSL_free(der);
  return ok;
}

}  // namespace thidua::signing
