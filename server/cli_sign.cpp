// `thidua sign` and `thidua verify`: PAdES signatures (generators/signing) from the command line.
//
//   thidua sign IN.pdf --out OUT.pdf --p12 FILE [--password PW] [appearance] [--tsa URL]
//   thidua sign IN.pdf --prepare --out PREPARED.pdf --cert SIGNER.pem [appearance] [--data-out FILE]
//   thidua sign PREPARED.pdf --complete --cms FILE --out SIGNED.pdf [--tsa URL]
//   thidua sign IN.pdf --layout-fields NAME@PAGE:L,B,W,H[;...] --out OUT.pdf
//   thidua verify FILE.pdf [--trust CA.pem]
//
// Appearance options (Nghị định 30/2020, Phụ lục I): --field NAME, --page N (1-based), --rect L,B,W,H
// (points, origin bottom left), --appearance invisible|signer|seal|org-text, --position TEXT ("\n"
// between lines), --name TEXT, --image SIGNATURE.png, --seal SEAL.png, --seal-mm D, --over-rect L,B,W,H
// with --over-image SIGNATURE.png [--over-position TEXT] (place the seal over the left third of the
// image of that signer field),
// --organisation TEXT, --number SỐ/KÝ-HIỆU, --reason TEXT, --location TEXT, --time ISO8601,
// --reserve BYTES, --tsa-timeout SECONDS. The PKCS#12 password may also come from THIDUA_P12_PASSWORD.
//
// Each command prints one JSON object on stdout; warnings also go to stderr.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "generators/signing/appearance.h"
#include "generators/signing/openssl_util.h"
#include "generators/signing/pdf_signer.h"
#include "generators/signing/pdf_verifier.h"
#include "generators/signing/signing_time.h"
#include "server/cli.h"

namespace thidua::cli {
namespace {

using namespace thidua::signing;

const std::vector<std::string> kValued = {
    "--out",   "--p12",      "--password", "--cert",    "--cms",          "--data-out",   "--field",
    "--page",  "--rect",     "--appearance", "--position", "--name",      "--image",      "--seal",
    "--seal-mm", "--over-rect", "--over-image", "--over-position", "--organisation", "--number", "--reason", "--location",
    "--time",  "--reserve",  "--tsa",      "--tsa-timeout", "--layout-fields", "--trust"};

Rect parseRect(const std::string& text) {
  Rect r;
  char extra;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &r.left, &r.bottom, &r.width, &r.height, &extra) != 4 ||
      r.width < 0 || r.height < 0) {
    throw std::invalid_argument("a rectangle is LEFT,BOTTOM,WIDTH,HEIGHT in points: " + text);
  }
  return r;
}

// "\n" typed on a command line (two characters) starts a new line.
std::string unescapeLines(std::string text) {
  for (std::size_t at = text.find("\\n"); at != std::string::npos; at = text.find("\\n", at + 1)) {
    text.replace(at, 2, "\n");
  }
  return text;
}

AppearanceKind parseKind(const std::string& text) {
  if (text.empty() || text == "invisible") return AppearanceKind::Invisible;
  if (text == "signer") return AppearanceKind::Signer;
  if (text == "seal") return AppearanceKind::Seal;
  if (text == "org-text") return AppearanceKind::OrganisationText;
  throw std::invalid_argument("--appearance is invisible, signer, seal or org-text: " + text);
}

SignatureRequest requestFrom(const Args& args) {
  SignatureRequest r;
  r.fieldName = option(args, "--field", "chu_ky_1");
  r.page = std::stoi(option(args, "--page", "1")) - 1;
  r.kind = parseKind(option(args, "--appearance", ""));
  if (!option(args, "--rect").empty()) r.rect = parseRect(option(args, "--rect"));
  r.position = unescapeLines(option(args, "--position"));
  r.signerName = option(args, "--name");
  if (!option(args, "--image").empty()) r.signatureImagePng = readFileBytes(option(args, "--image"));
  if (!option(args, "--seal").empty()) r.sealImagePng = readFileBytes(option(args, "--seal"));
  if (!option(args, "--over-rect").empty()) {
    if (option(args, "--over-image").empty()) throw std::invalid_argument("--over-rect needs --over-image");
    Rect image = signatureImageRect(parseRect(option(args, "--over-rect")), readFileBytes(option(args, "--over-image")),
                                    unescapeLines(option(args, "--over-position")));
    r.rect = sealRectOverlapping(image, std::stod(option(args, "--seal-mm", std::to_string(kDefaultSealDiameterMm))));
  }
  r.organisation = option(args, "--organisation");
  r.numberAndCode = option(args, "--number");
  r.reason = option(args, "--reason");
  r.location = option(args, "--location");
  if (!option(args, "--time").empty()) r.signingTime = parseIso8601(option(args, "--time"));
  r.reservedBytes = static_cast<std::size_t>(std::stoul(option(args, "--reserve", "0")));
  return r;
}

SignOptions signOptionsFrom(const Args& args) {
  SignOptions o;
  o.tsaUrl = option(args, "--tsa");
  o.tsaTimeoutSeconds = std::stoi(option(args, "--tsa-timeout", "10"));
  return o;
}

int printResult(const SignResult& result, const std::string& out) {
  writeFileBytes(out, result.pdf);
  Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("output", out);
  json.set("level", result.level);
  json.set("timestamped", result.level == "B-T");
  Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
  for (const auto& w : result.warnings) {
    warnings->add(w);
    std::cerr << "cảnh báo: " << w << "\n";
  }
  json.set("warnings", warnings);
  json.stringify(std::cout, 2);
  std::cout << "\n";
  return 0;
}

// Parses NAME@PAGE:L,B,W,H[;...] (PAGE 1-based).
std::vector<FieldSpec> parseFieldLayout(const std::string& text) {
  std::vector<FieldSpec> specs;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ';')) {
    if (item.empty()) continue;
    size_t at = item.find('@');
    size_t colon = item.find(':', at == std::string::npos ? 0 : at);
    if (at == std::string::npos || colon == std::string::npos) {
      throw std::invalid_argument("--layout-fields takes NAME@PAGE:L,B,W,H[;...]: " + item);
    }
    specs.push_back(FieldSpec{item.substr(0, at), std::stoi(item.substr(at + 1, colon - at - 1)) - 1,
                              parseRect(item.substr(colon + 1))});
  }
  return specs;
}

int usageError(const std::string& message) {
  std::cerr << "thidua sign: " << message << "\n";
  return 2;
}

}  // namespace

int runSign(const Args& args) {
  Args inputs = positionals(args, kValued);
  const std::string out = option(args, "--out");
  if (inputs.size() != 1 || out.empty()) return usageError("usage: sign IN.pdf --out OUT.pdf (--p12 FILE | --prepare --cert FILE | --complete --cms FILE | --layout-fields SPEC)");
  const std::string pdf = readFileBytes(inputs[0]);

  if (!option(args, "--layout-fields").empty()) {
    writeFileBytes(out, layoutSignatureFields(pdf, parseFieldLayout(option(args, "--layout-fields"))));
    Poco::JSON::Object json;
    json.set("output", out);
    json.stringify(std::cout);
    std::cout << "\n";
    return 0;
  }

  if (flag(args, "--complete")) {
    if (option(args, "--cms").empty()) return usageError("--complete needs --cms FILE (DER)");
    return printResult(completeSignature(pdf, readFileBytes(option(args, "--cms")), signOptionsFrom(args)), out);
  }

  if (flag(args, "--prepare")) {
    if (option(args, "--cert").empty()) return usageError("--prepare needs --cert SIGNER.pem");
    X509Ptr cert = loadCertificate(option(args, "--cert"));
    SignatureRequest request = requestFrom(args);
    if (request.reservedBytes == 0) request.reservedBytes = 16384;
    PreparedPdf prepared = prepareSignature(pdf, request, cert.get());
    const std::string dataOut = option(args, "--data-out", out + ".tbs");
    writeFileBytes(out, prepared.pdf);
    std::string data = prepared.signedBytes();
    writeFileBytes(dataOut, data);
    Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
    json.set("prepared", out);
    json.set("dataFile", dataOut);
    Poco::JSON::Array::Ptr range = new Poco::JSON::Array;
    for (auto v : prepared.byteRange) range->add(static_cast<Poco::Int64>(v));
    json.set("byteRange", range);
    json.set("sha256", toHex(sha256(data)));
    json.set("reservedBytes", static_cast<Poco::UInt64>((prepared.byteRange[2] - prepared.byteRange[1] - 2) / 2));
    json.set("next", "openssl cms -sign -binary -in " + dataOut +
                         " -signer SIGNER.pem -inkey KEY -md sha256 -outform DER -nosmimecap -cades -out SIG.p7s; "
                         "thidua sign " + out + " --complete --cms SIG.p7s --out SIGNED.pdf");
    json.stringify(std::cout, 2);
    std::cout << "\n";
    return 0;
  }

  if (option(args, "--p12").empty()) return usageError("sign needs --p12 FILE (or --prepare / --complete)");
  const char* envPassword = std::getenv("THIDUA_P12_PASSWORD");
  SigningIdentity identity =
      loadPkcs12(option(args, "--p12"), option(args, "--password", envPassword ? envPassword : ""));
  return printResult(signPdf(pdf, identity, requestFrom(args), signOptionsFrom(args)), out);
}

int runVerify(const Args& args) {
  Args inputs = positionals(args, {"--trust"});
  if (inputs.size() != 1) {
    std::cerr << "usage: thidua verify FILE.pdf [--trust CA.pem]\n";
    return 2;
  }
  auto reports = verifyPdf(readFileBytes(inputs[0]), option(args, "--trust"));
  Poco::JSON::Object::Ptr json = reportToJson(reports);
  json->stringify(std::cout, 2);
  std::cout << "\n";
  if (reports.empty()) std::cerr << "thidua verify: không có chữ ký nào trong " << inputs[0] << "\n";
  return json->getValue<bool>("valid") ? 0 : 1;
}

}  // namespace thidua::cli
