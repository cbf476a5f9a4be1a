#include "tests/server/http_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

namespace thidua::server::testing {

std::string Reply::text(const std::string& key) const {
  if (!json || !json->has(key) || json->isNull(key)) return "";
  return json->getValue<std::string>(key);
}

std::int64_t Reply::integer(const std::string& key) const { return json->getValue<Poco::Int64>(key); }

HttpClient::HttpClient(std::uint16_t port) : session_("127.0.0.1", port) {
  session_.setKeepAlive(true);
  session_.setTimeout(Poco::Timespan(30, 0));
}

Reply HttpClient::send(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& token, const std::map<std::string, std::string>& headers,
                       const std::string& contentType) {
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  req.setKeepAlive(true);
  if (!token.empty()) req.set("Authorization", "Bearer " + token);
  for (const auto& [k, v] : headers) req.set(k, v);
  if (method != "GET" || !body.empty()) {
    req.setContentType(contentType);
    req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session_.sendRequest(req).write(body.data(), static_cast<std::streamsize>(body.size()));
  Poco::Net::HTTPResponse resp;
  std::istream& in = session_.receiveResponse(resp);
  Reply reply;
  reply.status = resp.getStatus();
  Poco::StreamCopier::copyToString(in, reply.body);
  for (const auto& [k, v] : resp) reply.headers[k] = v;
  try {
    auto v = Poco::JSON::Parser().parse(reply.body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) reply.json = v.extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
  }
  return reply;
}

std::string HttpClient::login(const std::string& username, const std::string& password) {
  Poco::JSON::Object o;
  o.set("username", username);
  o.set("password", password);
  std::ostringstream os;
  o.stringify(os);
  Reply r = post("/api/v1/login", os.str());
  EXPECT_EQ(r.status, 200) << username << ": " << r.body;
  return r.text("token");
}

std::string rawExchange(std::uint16_t port, const std::string& bytes, int timeoutMs) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(0, timeoutMs * 1000));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  std::string out;
  char buf[4096];
  try {
    for (;;) {
      int n = socket.receiveBytes(buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::NetException&) {
  }
  return out;
}

}  // namespace thidua::server::testing
