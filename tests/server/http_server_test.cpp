#include "server/http_server.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

namespace thidua {
namespace {

std::pair<int, std::string> get(std::uint16_t port, const std::string& path) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  std::istream& in = session.receiveResponse(resp);
  std::string body;
  Poco::StreamCopier::copyToString(in, body);
  return {resp.getStatus(), body};
}

TEST(HttpServer, HealthAnswersOkOnAnEphemeralPort) {
  HttpServerOptions options;
  options.port = 0;
  HttpServer server(options);
  server.start();
  ASSERT_NE(server.port(), 0);
  auto [status, body] = get(server.port(), "/api/v1/health");
  EXPECT_EQ(status, 200);
  auto obj = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(obj->getValue<std::string>("status"), "ok");
}

TEST(HttpServer, UnknownPathIs404WithVietnameseMessage) {
  HttpServerOptions options;
  options.port = 0;
  HttpServer server(options);
  server.start();
  auto [status, body] = get(server.port(), "/api/v1/nope");
  EXPECT_EQ(status, 404);
  auto obj = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(obj->getValue<std::string>("error"), "not_found");
  EXPECT_NE(obj->getValue<std::string>("message").find("Không tìm thấy"), std::string::npos);
}

}  // namespace
}  // namespace thidua
