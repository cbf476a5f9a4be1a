#include "test_tsa.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <sstream>
#include <stdexcept>

#include "generators/signing/openssl_util.h"
#include "signing_fixture.h"

namespace thidua::signing::testing {
namespace {

struct Settings {
  std::string config;
  std::string workDir;
  TestTsa::Mode mode;
  std::shared_ptr<std::atomic<int>> requests;
};

class TsaHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit TsaHandler(const Settings& s) : s_(s) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    int n = ++*s_.requests;
    std::ostringstream body;
    Poco::StreamCopier::copyStream(request.stream(), body);
    if (s_.mode == TestTsa::Mode::HttpError) {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
      response.send() << "busy";
      return;
    }
    if (s_.mode == TestTsa::Mode::Garbage) {
      response.setContentType("application/timestamp-reply");
      response.send() << "not a timestamp response";
      return;
    }
    std::string query = s_.workDir + "/q" + std::to_string(n) + ".tsq";
    std::string reply = s_.workDir + "/r" + std::to_string(n) + ".tsr";
    writeFileBytes(query, body.str());
    CommandResult r = runCommand("openssl ts -reply -config " + shellQuote(s_.config) + " -queryfile " + shellQuote(query) +
                                 " -out " + shellQuote(reply));
    if (r.exitCode != 0) {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
      response.send() << r.output;
      return;
    }
    std::string der = readFileBytes(reply);
    response.setContentType("application/timestamp-reply");
    response.setContentLength(static_cast<std::streamsize>(der.size()));
    response.send() << der;
  }

 private:
  const Settings& s_;
};

class TsaFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit TsaFactory(Settings s) : s_(std::move(s)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new TsaHandler(s_);
  }

 private:
  Settings s_;
};

}  // namespace

TestTsa::TestTsa(const std::string& tsaConfig, const std::string& workDir, Mode mode)
    : requests_(std::make_shared<std::atomic<int>>(0)) {
  // A private serial file, so that TSAs of tests running in parallel never share one.
  std::string config = readFileBytes(tsaConfig);
  size_t at = config.find("serial = ");
  size_t end = config.find('\n', at);
  if (at == std::string::npos || end == std::string::npos) throw std::runtime_error("no serial in " + tsaConfig);
  config.replace(at, end - at, "serial = " + workDir + "/tsaserial");
  writeFileBytes(workDir + "/tsa.cnf", config);
  writeFileBytes(workDir + "/tsaserial", "01\n");
  const std::string privateConfig = workDir + "/tsa.cnf";
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(1);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new TsaFactory(Settings{privateConfig, workDir, mode, requests_}),
                                                    socket, params);
  server_->start();
}

TestTsa::~TestTsa() { server_->stopAll(true); }

std::string TestTsa::url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + "/tsa";
}

std::string deadTsaUrl() {
  Poco::UInt16 port;
  {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port = socket.address().port();
  }
  return "http://127.0.0.1:" + std::to_string(port) + "/tsa";
}

}  // namespace thidua::signing::testing
