#include "server/router.h"

#include <gtest/gtest.h>

namespace thidua::server {
namespace {

HttpResponse named(const std::string& name) {
  HttpResponse r;
  r.body = name;
  return r;
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.add("GET", "/api/v1/submissions/{id}", [](const HttpRequest&) { return named("get"); });
  router.add("POST", "/api/v1/submissions/{id}/actions", [](const HttpRequest&) { return named("act"); });
  auto m = router.find("POST", "/api/v1/submissions/42/actions");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "42");
  EXPECT_EQ(m.route->handler(HttpRequest{}).body, "act");
  m = router.find("GET", "/api/v1/submissions/42/");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler(HttpRequest{}).body, "get");
}

TEST(Router, ReportsAKnownPathWithAnotherMethod) {
  Router router;
  router.add("GET", "/api/v1/health", [](const HttpRequest&) { return named("h"); });
  auto m = router.find("DELETE", "/api/v1/health");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.pathExists);
  m = router.find("GET", "/api/v1/healthz");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.pathExists);
}

TEST(Router, KeepsItsOwnBodyLimitPerRoute) {
  Router router;
  router.add("POST", "/a", [](const HttpRequest&) { return named("a"); });
  router.add("POST", "/b", [](const HttpRequest&) { return named("b"); }, 10);
  EXPECT_EQ(router.find("POST", "/a").route->maxBody, kDefaultMaxBody);
  EXPECT_EQ(router.find("POST", "/b").route->maxBody, 10u);
}

}  // namespace
}  // namespace thidua::server
