#include "generators/xlsx/xml_guard.h"

#include <Poco/Exception.h>
#include <Poco/SAX/DeclHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/SAX/XMLReader.h>

#include <cstring>

namespace thidua::xlsx {
namespace {

constexpr size_t kHeadBytes = 64 * 1024;

// Serves `head` first, then the rest of `rest`.
class PrefixBuf : public std::streambuf {
 public:
  PrefixBuf(std::string head, std::istream& rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    rest_.read(buffer_, sizeof buffer_);
    std::streamsize n = rest_.gcount();
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::istream& rest_;
  char buffer_[65536];
};

const char* describe(ReadErrorCode code) {
  return code == ReadErrorCode::XmlExternalEntity    ? "tham chiếu thực thể ngoài (external entity), bị từ chối"
         : code == ReadErrorCode::XmlEntityExpansion ? "khai báo thực thể (entity) có thể gây bùng nổ bộ nhớ, bị từ chối"
                                                     : "khai báo DOCTYPE, không được phép trong tệp Excel";
}

// Belt and braces: a DOCTYPE that slipped past the prolog check (e.g. behind 64 KiB of comments) still
// stops the parse, classified as it is declared. Entities are only expanded after the DTD ends, so
// throwing at the latest in endDTD is early enough.
class DtdRefuser : public Poco::XML::LexicalHandler, public Poco::XML::DeclHandler {
 public:
  explicit DtdRefuser(const std::string& part) : part_(part) {}

  void startDTD(const Poco::XML::XMLString&, const Poco::XML::XMLString& publicId,
                const Poco::XML::XMLString& systemId) override {
    if (!publicId.empty() || !systemId.empty()) refuse(ReadErrorCode::XmlExternalEntity);
  }
  void endDTD() override { refuse(ReadErrorCode::XmlDoctype); }
  void internalEntityDecl(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {
    refuse(ReadErrorCode::XmlEntityExpansion);
  }
  void externalEntityDecl(const Poco::XML::XMLString&, const Poco::XML::XMLString*,
                          const Poco::XML::XMLString&) override {
    refuse(ReadErrorCode::XmlExternalEntity);
  }
  void attributeDecl(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString*,
                     const Poco::XML::XMLString*) override {}
  void elementDecl(const Poco::XML::XMLString&, const Poco::XML::XMLString&) override {}
  void startEntity(const Poco::XML::XMLString&) override {}
  void endEntity(const Poco::XML::XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const Poco::XML::XMLChar[], int, int) override {}

 private:
  [[noreturn]] void refuse(ReadErrorCode code) {
    throw ReadFailure(code, "Phần " + part_ + " của tệp chứa " + describe(code));
  }
  std::string part_;
};

bool contains(const std::string& s, size_t from, const char* what) {
  return s.find(what, from) != std::string::npos;
}

}  // namespace

bool classifyDoctype(const std::string& head, ReadErrorCode& code) {
  size_t at = head.find("<!DOCTYPE");
  if (at == std::string::npos) return false;
  if (contains(head, at, "SYSTEM") || contains(head, at, "PUBLIC")) {
    code = ReadErrorCode::XmlExternalEntity;
  } else if (contains(head, at, "<!ENTITY")) {
    code = ReadErrorCode::XmlEntityExpansion;
  } else {
    code = ReadErrorCode::XmlDoctype;
  }
  return true;
}

void parsePart(ZipReader& zip, const std::string& name, Poco::XML::ContentHandler& handler) {
  auto stream = zip.open(name);
  std::string head(kHeadBytes, '\0');
  stream->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(stream->gcount()));
  if (const ReadFailure* f = stream->failure()) throw *f;
  ReadErrorCode code;
  if (classifyDoctype(head, code)) {
    throw ReadFailure(code, "Phần " + name + " của tệp chứa " + describe(code));
  }
  PrefixBuf buf(std::move(head), *stream);
  std::istream in(&buf);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  DtdRefuser refuser(name);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER,
                     static_cast<Poco::XML::LexicalHandler*>(&refuser));
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_DECLARATION_HANDLER,
                     static_cast<Poco::XML::DeclHandler*>(&refuser));
  parser.setContentHandler(&handler);
  Poco::XML::InputSource source(in);
  try {
    parser.parse(&source);
  } catch (const ReadFailure&) {
    if (const ReadFailure* f = stream->failure()) throw *f;
    throw;
  } catch (const Poco::Exception& e) {
    if (const ReadFailure* f = stream->failure()) throw *f;
    throw ReadFailure(ReadErrorCode::NotXlsx, "Phần " + name + " của tệp không phải XML hợp lệ: " + e.displayText());
  }
  if (const ReadFailure* f = stream->failure()) throw *f;
}

}  // namespace thidua::xlsx
