#include "server/http_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "server/error_response.h"
#include "tests/server/http_client.h"

namespace thidua::server {
namespace {

using testing::HttpClient;
using testing::rawExchange;

std::shared_ptr<Router> testRouter() {
  auto router = std::make_shared<Router>();
  router->add("GET", "/ping/{name}", [](const HttpRequest& r) {
    HttpResponse resp;
    resp.body = "{\"name\":\"" + r.params.at("name") + "\"}";
    return resp;
  });
  router->add("POST", "/echo", [](const HttpRequest& r) {
    HttpResponse resp;
    resp.contentType = "text/plain";
    resp.body = r.body;
    return resp;
  }, 100);
  router->add("GET", "/boom", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("secret detail"); });
  return router;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServerOptions options;
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options, testRouter());
    server_->start();
  }
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, ServesOnAnEphemeralPortWithPathParameters) {
  ASSERT_NE(server_->port(), 0);
  HttpClient client(server_->port());
  auto r = client.get("/ping/xa-tan-tien");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.text("name"), "xa-tan-tien");
  // The same keep-alive connection serves the next request.
  EXPECT_EQ(client.get("/ping/b").text("name"), "b");
}

TEST_F(HttpServerTest, UnknownPathIs404WithVietnameseMessage) {
  HttpClient client(server_->port());
  auto r = client.get("/api/v1/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.text("error"), "not_found");
  EXPECT_NE(r.text("message").find("Không tìm thấy"), std::string::npos);
  EXPECT_TRUE(r.json->isNull("field"));
}

TEST_F(HttpServerTest, EscapedExceptionIs500JsonWithoutInternals) {
  HttpClient client(server_->port());
  auto r = client.get("/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.text("error"), "internal");
  EXPECT_EQ(r.body.find("secret detail"), std::string::npos);
}

TEST_F(HttpServerTest, BodyWithinTheLimitArrivesWhole) {
  HttpClient client(server_->port());
  auto r = client.post("/echo", std::string(100, 'x'));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, std::string(100, 'x'));
}

TEST_F(HttpServerTest, PostWithoutLengthHasAnEmptyBody) {
  // curl -X POST without data sends neither Content-Length nor a chunked body.
  const std::string reply = rawExchange(server_->port(), "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
  EXPECT_NE(reply.find("Content-Length: 0"), std::string::npos) << reply;
}

TEST_F(HttpServerTest, DeclaredOversizeBodyIs413BeforeTheBodyIsSent) {
  // Only the headers are sent: the answer must come without waiting for the 20 MB body.
  const auto start = std::chrono::steady_clock::now();
  const std::string reply = rawExchange(server_->port(),
                                        "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                                        "Content-Length: 20000000\r\n\r\n",
                                        3000);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"too_large\""), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(HttpServerTest, ChunkedOversizeBodyIs413) {
  std::string chunk(150, 'y');
  const std::string reply = rawExchange(server_->port(),
                                        "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "96\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
}

TEST(ErrorResponse, MapsEveryErrorCodeToItsStatus) {
  using wf::ErrorCode;
  const std::pair<ErrorCode, int> table[] = {
      {ErrorCode::NotFound, 404},          {ErrorCode::Unauthenticated, 401}, {ErrorCode::Forbidden, 403},
      {ErrorCode::InvalidTransition, 409}, {ErrorCode::StaleVersion, 409},    {ErrorCode::Validation, 400},
      {ErrorCode::Conflict, 409},          {ErrorCode::TooLarge, 413}};
  for (auto [code, status] : table) {
    auto r = errorResponse(wf::makeError(code, "Thông báo", "truong"));
    EXPECT_EQ(r.status, status);
    EXPECT_NE(r.body.find(std::string("\"error\":\"") + wf::errorCodeName(code) + "\""), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("\"field\":\"truong\""), std::string::npos);
    EXPECT_NE(r.body.find("Thông báo"), std::string::npos) << "UTF-8 must be sent unescaped: " << r.body;
  }
}

}  // namespace
}  // namespace thidua::server
