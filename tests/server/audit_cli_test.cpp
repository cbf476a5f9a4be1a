// Acceptance: the real `thidua` binary. init + load create a working database; `audit verify` passes on
// an untouched chain and, after one audit row is altered in the SQLite file, fails naming that row.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Data/Session.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "tests/server/flow_support.h"
#include "tests/server/test_server.h"
#include "tests/support/files.h"
#include "tests/support/run_command.h"
#include "workflow/postgresql/postgresql_store.h"

namespace thidua::server::testing {
namespace {

using testsupport::CommandResult;
using testsupport::shellQuote;

/// Runs the real binary from the source dir with stdout and stderr together.
CommandResult thidua(const std::vector<std::string>& args) {
  std::string command = "cd " + shellQuote(testsupport::sourceDir()) + " && " + shellQuote(THIDUA_BINARY);
  for (const auto& arg : args) command += " " + shellQuote(arg);
  return testsupport::runCommand(command);
}

void execSql(const std::string& dbFile, const std::string& sql) {
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::Session session("SQLite", dbFile);
  session << sql, Poco::Data::Keywords::now;
}

struct Activity {
  std::int64_t submissionId = 0;
  std::int64_t submitSeq = 0;  ///< the audit seq of the "submit" event
};

/// Runs a short nomination over HTTP so the chain has submission events.
Activity someActivity(TestServer& server) {
  auto cast = findPrimeMinisterCast(server.store(), Layout::ThreeTier);
  EXPECT_TRUE(cast.has_value());
  HttpClient client(server.port());
  Actors actors(client);
  auto created = client.post("/api/v1/submissions", createBody(*cast, {"Đỗ Văn Giang"}), actors.token(cast->proposer));
  EXPECT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.integer("id");
  auto r = actors.act(cast->proposer, id, actionBody("submit", created.integer("version")));
  EXPECT_EQ(r.status, 200) << r.body;
  auto approver = findUser(server.store(), r.text("currentOwnerUnitId"), wf::Role::PheDuyet, cast->proposer.id);
  EXPECT_TRUE(approver.has_value());
  r = actors.act(*approver, id, actionBody("approve", r.integer("version"), "Đồng ý"));
  EXPECT_EQ(r.status, 200) << r.body;
  auto events = actors.get(cast->proposer, "/api/v1/submissions/" + std::to_string(id) + "/events");
  Activity activity{id, 0};
  auto list = events.json->getArray("events");
  for (unsigned i = 0; i < list->size(); ++i) {
    if (list->getObject(i)->getValue<std::string>("action") == "submit") {
      activity.submitSeq = list->getObject(i)->getValue<Poco::Int64>("seq");
    }
  }
  EXPECT_GT(activity.submitSeq, 1);
  return activity;
}

TEST(AuditCli, AlteredRowMakesVerifyFailNamingIt) {
  TestServer server(seededConfiguration(), wf::Date{2025, 9, 15});
  const Activity activity = someActivity(server);
  server.stop();

  CommandResult ok = thidua({"audit", "verify", "--db", server.databasePath()});
  EXPECT_EQ(ok.exitCode, 0) << ok.output;
  EXPECT_EQ(ok.output.rfind("OK ", 0), 0u) << ok.output;
  EXPECT_NE(ok.output.find(" events"), std::string::npos);

  // Change the comment of the "submit" event in the database file.
  const std::string seq = std::to_string(activity.submitSeq);
  execSql(server.databasePath(), "UPDATE audit_events SET comment = 'đã sửa' WHERE seq = " + seq);
  CommandResult bad = thidua({"audit", "verify", "--db", server.databasePath()});
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("seq " + seq + " "), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("submission " + std::to_string(activity.submissionId)), std::string::npos) << bad.output;
}

TEST(AuditCli, DeletedRowMakesVerifyFail) {
  TestServer server(seededConfiguration(), wf::Date{2025, 9, 15});
  const Activity activity = someActivity(server);
  server.stop();
  const std::int64_t deleted = activity.submitSeq;
  execSql(server.databasePath(), "DELETE FROM audit_events WHERE seq = " + std::to_string(deleted));
  CommandResult bad = thidua({"audit", "verify", "--db", server.databasePath()});
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  // The gap is reported at the event after the deleted one.
  EXPECT_NE(bad.output.find("seq " + std::to_string(deleted + 1) + " "), std::string::npos) << bad.output;
}

/// Copies examples/config into `dir`, keeping only the first `users` demo users (the CLI hashes every
/// password with Argon2id at the interactive cost, ~0.1 s each).
void copyExamplesWithFewUsers(const std::string& dir, unsigned users) {
  Poco::File(dir).createDirectories();
  std::vector<std::string> names;
  Poco::File(examplesConfigDir()).list(names);
  for (const auto& name : names) Poco::File(examplesConfigDir() + "/" + name).copyTo(dir + "/" + name);
  std::ifstream in(dir + "/users.json");
  auto root = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>();
  auto all = root->getArray("users");
  Poco::JSON::Array::Ptr few = new Poco::JSON::Array;
  for (unsigned i = 0; i < all->size() && i < users; ++i) few->add(all->get(i));
  root->set("users", few);
  std::ofstream out(dir + "/users.json");
  root->stringify(out);
}

/// Runs `thidua init`, `load CONFIG` and `audit verify` on `db`, expecting each to succeed.
void initLoadAndVerify(const std::string& db, const std::string& config) {
  CommandResult init = thidua({"init", "--db", db});
  ASSERT_EQ(init.exitCode, 0) << init.output;
  CommandResult load = thidua({"load", config, "--db", db});
  ASSERT_EQ(load.exitCode, 0) << load.output;
  CommandResult verify = thidua({"audit", "verify", "--db", db});
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  EXPECT_EQ(verify.output.rfind("OK ", 0), 0u) << verify.output;
}

TEST(Cli, InitLoadAndVerifyAFreshDatabase) {
  TestServer scratch(seededConfiguration(), wf::Date{2025, 9, 15});  // only for its temporary directory
  const std::string db = scratch.tempDir() + "/cli/thidua.db";
  const std::string config = scratch.tempDir() + "/config";
  copyExamplesWithFewUsers(config, 2);
  initLoadAndVerify(db, config);
  if (::testing::Test::HasFatalFailure()) return;
  CommandResult again = thidua({"load", config, "--db", db});
  EXPECT_EQ(again.exitCode, 0) << again.output;
  CommandResult verify = thidua({"audit", "verify", "--db", db});
  EXPECT_EQ(verify.exitCode, 0) << verify.output;
  CommandResult missing = thidua({"audit", "verify", "--db", scratch.tempDir() + "/khong-co.db"});
  EXPECT_EQ(missing.exitCode, 1) << missing.output;
  EXPECT_NE(missing.output.find("thidua init"), std::string::npos) << missing.output;
  CommandResult badDir = thidua({"load", scratch.tempDir() + "/khong-co", "--db", db});
  EXPECT_EQ(badDir.exitCode, 1) << badDir.output;
  // A bad file is named with its field, and nothing of it is loaded.
  std::ofstream(config + "/users.json")
      << R"({"users":[{"id":"x","fullName":"X","unit":"khong-co","roles":["de_xuat"],"password":"p"}]})";
  CommandResult bad = thidua({"load", config, "--db", db});
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("users.json"), std::string::npos) << bad.output;
}

// PostgreSQL reaches the binary as a plugin (server/store_factory.cpp): the same commands work on a
// postgresql:// URL, here one whose search_path is a fresh schema of the throwaway cluster.
TEST(Cli, InitLoadAndVerifyOnPostgresqlThroughThePlugin) {
  if (postgresUrl().empty()) GTEST_SKIP() << "THIDUA_TEST_PG_URL not set";
  const std::string schema = "cli_plugin_" + std::to_string(::getpid());
  wf::PostgresqlOptions options;
  options.schema = schema;
  wf::openPostgresqlStore(postgresUrl(), options).reset();  // creates the schema
  const std::string db = postgresUrl() + "?options=-csearch_path%3D" + schema;
  TestServer scratch(seededConfiguration(), wf::Date{2025, 9, 15});  // only for its temporary directory
  const std::string config = scratch.tempDir() + "/config";
  copyExamplesWithFewUsers(config, 2);
  initLoadAndVerify(db, config);  // the schema is dropped even when a step failed
  wf::dropPostgresqlSchema(postgresUrl(), schema);
}

TEST(Cli, MissingPostgresqlPluginIsNamed) {
  const std::string command = "THIDUA_POSTGRESQL_PLUGIN=/khong-co/thidua-postgresql.so " +
                              shellQuote(THIDUA_BINARY) + " audit verify --db postgresql://x@127.0.0.1:1/y";
  CommandResult r = testsupport::runCommand(command);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("không nạp được mô-đun PostgreSQL /khong-co/thidua-postgresql.so"), std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace thidua::server::testing
