// The `thidua sign` / `thidua verify` commands, run as the real binary.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "generators/signing/openssl_util.h"
#include "signing_fixture.h"
#include "test_tsa.h"

namespace thidua::signing {
namespace {

using namespace testing;

class CliSignTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string nss_ = nssDatabase(dir_.file("nss"));

  void SetUp() override {
    writeFileBytes(dir_.file("in.pdf"), samplePdf(1));
    writeFileBytes(dir_.file("chu_ky.png"), signatureImagePng());
    writeFileBytes(dir_.file("con_dau.png"), sealImagePng());
  }

  CommandResult thidua(const std::string& args) { return runCommand(shellQuote(THIDUA_BINARY) + " " + args); }

  std::string f(const std::string& name) { return shellQuote(dir_.file(name)); }
  std::string pki(const std::string& name) { return shellQuote(demoPki().file(name)); }

  static Poco::JSON::Object::Ptr json(const std::string& output) {
    size_t open = output.find('{');
    size_t close = output.rfind('}');
    return Poco::JSON::Parser().parse(output.substr(open, close - open + 1)).extract<Poco::JSON::Object::Ptr>();
  }
};

TEST_F(CliSignTest, LeaderAndSealSignVerifyAndAFlippedByteFails) {
  const std::string rect = "300,420,230,150";
  CommandResult leader = thidua("sign " + f("in.pdf") + " --out " + f("one.pdf") + " --p12 " + pki("signer.p12") +
                                " --password demo --field chu_tich --appearance signer --rect " + rect +
                                " --position 'TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH' --image " + f("chu_ky.png") +
                                " --time 2026-11-25T07:15:00");
  ASSERT_EQ(leader.exitCode, 0) << leader.output;
  EXPECT_EQ(json(leader.output)->getValue<std::string>("level"), "B-B");
  CommandResult seal = thidua("sign " + f("one.pdf") + " --out " + f("two.pdf") + " --p12 " + pki("org.p12") +
                              " --password demo --field con_dau --appearance seal --seal " + f("con_dau.png") +
                              " --over-rect " + rect + " --over-image " + f("chu_ky.png") +
                              " --over-position 'TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH'");
  ASSERT_EQ(seal.exitCode, 0) << seal.output;

  CommandResult verify = thidua("verify " + f("two.pdf") + " --trust " + pki("ca.pem"));
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  Poco::JSON::Object::Ptr report = json(verify.output);
  EXPECT_EQ(report->getValue<int>("count"), 2);
  EXPECT_TRUE(report->getValue<bool>("valid"));
  std::string out = pdfsig(dir_.file("two.pdf"), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  EXPECT_EQ(countOf(out, "Certificate is Trusted"), 2) << out;
  EXPECT_NE(pdftotext(dir_.file("two.pdf")).find("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"), std::string::npos);

  std::string pdf = readFileBytes(dir_.file("two.pdf"));
  size_t at = pdf.find("/MediaBox");
  ASSERT_NE(at, std::string::npos);
  pdf[at + 1] = 'm';
  writeFileBytes(dir_.file("flipped.pdf"), pdf);
  CommandResult bad = thidua("verify " + f("flipped.pdf") + " --trust " + pki("ca.pem"));
  EXPECT_NE(bad.exitCode, 0) << bad.output;
  EXPECT_NE(bad.output.find("Digest Mismatch"), std::string::npos) << bad.output;
  EXPECT_NE(pdfsig(dir_.file("flipped.pdf"), nss_).find("Digest Mismatch"), std::string::npos);
}

TEST_F(CliSignTest, PrepareExternalCmsComplete) {
  CommandResult prepare = thidua("sign " + f("in.pdf") + " --prepare --out " + f("prepared.pdf") + " --cert " +
                                 pki("signer.pem") + " --field token --data-out " + f("data.bin"));
  ASSERT_EQ(prepare.exitCode, 0) << prepare.output;
  Poco::JSON::Object::Ptr prepared = json(prepare.output);
  EXPECT_EQ(prepared->getValue<std::string>("sha256"), toHex(sha256(readFileBytes(dir_.file("data.bin")))));
  CommandResult cms = runCommand("openssl cms -sign -binary -in " + f("data.bin") + " -signer " + pki("signer.pem") +
                                 " -inkey " + pki("signer.key") + " -certfile " + pki("ca.pem") +
                                 " -md sha256 -outform DER -nosmimecap -cades -out " + f("sig.p7s"));
  ASSERT_EQ(cms.exitCode, 0) << cms.output;
  CommandResult complete =
      thidua("sign " + f("prepared.pdf") + " --complete --cms " + f("sig.p7s") + " --out " + f("signed.pdf"));
  ASSERT_EQ(complete.exitCode, 0) << complete.output;
  std::string out = pdfsig(dir_.file("signed.pdf"), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 1) << out;
  EXPECT_NE(out.find("Total document signed"), std::string::npos) << out;
  EXPECT_EQ(thidua("verify " + f("signed.pdf") + " --trust " + pki("ca.pem")).exitCode, 0);
}

TEST_F(CliSignTest, TimestampAndDeadTsaAreReported) {
  TestTsa tsa(demoPki().file("tsa.cnf"), dir_.path());
  CommandResult bt = thidua("sign " + f("in.pdf") + " --out " + f("bt.pdf") + " --p12 " + pki("signer.p12") +
                            " --password demo --tsa " + tsa.url());
  ASSERT_EQ(bt.exitCode, 0) << bt.output;
  EXPECT_EQ(json(bt.output)->getValue<std::string>("level"), "B-T");
  CommandResult verify = thidua("verify " + f("bt.pdf") + " --trust " + pki("ca.pem"));
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  Poco::JSON::Object::Ptr signature =
      json(verify.output)->getArray("signatures")->getObject(0);
  EXPECT_EQ(signature->getValue<std::string>("level"), "B-T");
  EXPECT_TRUE(signature->getObject("timestamp")->getValue<bool>("valid"));

  CommandResult bb = thidua("sign " + f("in.pdf") + " --out " + f("bb.pdf") + " --p12 " + pki("signer.p12") +
                            " --password demo --tsa-timeout 3 --tsa " + deadTsaUrl());
  ASSERT_EQ(bb.exitCode, 0) << bb.output;
  Poco::JSON::Object::Ptr result = json(bb.output);
  EXPECT_EQ(result->getValue<std::string>("level"), "B-B");
  EXPECT_FALSE(result->getValue<bool>("timestamped"));
  EXPECT_EQ(result->getArray("warnings")->size(), 1u);
  EXPECT_NE(bb.output.find("cảnh báo"), std::string::npos) << bb.output;
}

TEST_F(CliSignTest, LaidOutFieldsAreSignedByName) {
  CommandResult layout = thidua("sign " + f("in.pdf") + " --out " + f("fields.pdf") +
                                " --layout-fields 'truong_phong@1:60,100,200,120;giam_doc@1:320,100,200,120'");
  ASSERT_EQ(layout.exitCode, 0) << layout.output;
  CommandResult first = thidua("sign " + f("fields.pdf") + " --out " + f("s1.pdf") + " --p12 " + pki("signer.p12") +
                               " --password demo --field giam_doc --appearance signer --position 'GIÁM ĐỐC' --image " +
                               f("chu_ky.png"));
  ASSERT_EQ(first.exitCode, 0) << first.output;
  CommandResult second = thidua("sign " + f("s1.pdf") + " --out " + f("s2.pdf") + " --p12 " + pki("org.p12") +
                                " --password demo --field truong_phong");
  ASSERT_EQ(second.exitCode, 0) << second.output;
  std::string out = pdfsig(dir_.file("s2.pdf"), nss_);
  EXPECT_EQ(countOf(out, "Signature is Valid"), 2) << out;
  EXPECT_NE(pdftotext(dir_.file("s2.pdf")).find("GIÁM ĐỐC"), std::string::npos);
  EXPECT_EQ(thidua("verify " + f("s2.pdf") + " --trust " + pki("ca.pem")).exitCode, 0);
}

TEST_F(CliSignTest, UnsignedDocumentIsNotValid) {
  CommandResult verify = thidua("verify " + f("in.pdf"));
  EXPECT_NE(verify.exitCode, 0);
  EXPECT_EQ(json(verify.output)->getValue<int>("count"), 0);
}

}  // namespace
}  // namespace thidua::signing
