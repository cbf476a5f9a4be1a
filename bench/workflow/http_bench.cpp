// Approve/forward actions per second over HTTP. Starts the real server (App) in-process on 127.0.0.1
// over a fresh database (a SQLite file, or a fresh schema of a PostgreSQL database), loads a
// configuration, prepares submissions in review through the engine (not timed), then N client threads,
// each with one keep-alive Poco HTTPClientSession, forward their own submissions step by step with
// POST /api/v1/submissions/{id}/actions {"action":"approve"} until each reaches its last step.
// Prints throughput and p50/p99 latency. Loopback only, bounded number of requests.
//
// usage: thidua_http_bench --config DIR [--pg URL] [--dir TMPDIR] --clients N --submissions-per-client M

#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "server/app.h"
#include "server/password.h"
#include "server/session_token.h"
#include "workflow/config_loader.h"
#include "workflow/engine.h"
#include "workflow/postgresql/postgresql_store.h"
#include "workflow/sqlite/sqlite_store.h"

namespace {

using namespace thidua;
using Clock = std::chrono::steady_clock;

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == name) return argv[i + 1];
  return fallback;
}

/// One submission to forward: its id, version, and for each step still to approve the approver's token.
struct Job {
  std::int64_t id = 0;
  std::int64_t version = 0;
  std::vector<std::string> tokens;  // tokens[k] approves at step k
};

/// A plan that works on the loaded configuration: proposer, form, round, and approvers per step.
struct Plan {
  wf::User proposer;
  wf::NewSubmission draft;
  std::vector<std::string> approverIds;  // phe_duyet user of step k's owner, k = 0 .. last-1
};

wf::ActionRequest submitRequest(const wf::Submission& s) {
  wf::ActionRequest r;
  r.action = wf::Action::Submit;
  r.submissionId = s.id;
  r.expectedVersion = s.version;
  return r;
}

std::optional<wf::User> approverOf(const std::vector<wf::User>& users, const std::string& unitId,
                                   const std::string& notUser) {
  for (const auto& u : users)
    if (u.unitId == unitId && u.hasRole(wf::Role::PheDuyet) && u.id != notUser) return u;
  return std::nullopt;
}

/// Finds the proposer/form with the longest route whose forwarding steps need no council vote.
Plan findPlan(wf::Store& store, wf::Engine& engine) {
  std::vector<wf::User> users;
  std::vector<wf::Campaign> campaigns;
  std::map<std::string, wf::AwardForm> forms;
  {
    auto tx = store.begin(wf::TxMode::Read);
    users = tx->listUsers();
    campaigns = tx->listCampaigns();
    for (auto& f : tx->listAwardForms()) forms[f.id] = f;
  }
  std::optional<Plan> best;
  for (const auto& c : campaigns) {
    for (const auto& r : c.rounds) {
      for (const auto& formId : r.allowedAwardFormIds) {
        for (const auto& u : users) {
          if (!u.hasRole(wf::Role::DeXuat) || forms[formId].candidateKinds.empty()) continue;
          Plan plan;
          plan.proposer = u;
          plan.draft = {c.id, r.id, formId, "Tờ trình đo hiệu năng",
                        {wf::Candidate{0, forms[formId].candidateKinds[0], "Nguyễn Văn Thử", "", "", "Thành tích tiêu biểu",
                                       wf::CandidateStatus::Active, "", -1}}};
          auto created = engine.create(u, plan.draft);
          if (!created.result) continue;
          auto s = created.result.value();
          auto submitted = engine.act(u, submitRequest(s));
          if (!submitted.result) continue;
          s = submitted.result.value();
          std::optional<wf::Route> route;
          {
            auto tx = store.begin(wf::TxMode::Read);
            route = tx->findRoute(s.awardFormId, s.routeVersion);
          }
          bool ok = route.has_value();
          for (size_t k = 0; ok && k + 1 < s.stepOwners.size(); ++k) {
            auto a = approverOf(users, s.stepOwners[k], u.id);
            if (!a || route->steps[k].requiresVote || s.stepOwners[k].empty()) ok = false;
            else plan.approverIds.push_back(a->id);
          }
          if (ok && (!best || plan.approverIds.size() > best->approverIds.size())) best = plan;
          if (best && best->approverIds.size() >= 4) return *best;
        }
      }
    }
  }
  if (!best || best->approverIds.empty()) throw std::runtime_error("no route to benchmark in this configuration");
  return *best;
}

std::string openSession(wf::Store& store, const std::string& userId, wf::TimePoint now) {
  const std::string token = server::newSessionToken();
  auto tx = store.begin(wf::TxMode::Write);
  tx->createSession(wf::Session{server::sessionTokenHash(token), userId, now, now + 3600LL * 1000000});
  tx->commit();
  return token;
}

std::int64_t versionOf(const std::string& body) {
  const auto pos = body.find("\"version\":");
  if (pos == std::string::npos) return -1;
  return std::strtoll(body.c_str() + pos + 10, nullptr, 10);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string config = arg(argc, argv, "--config", "examples/config");
  const std::string pg = arg(argc, argv, "--pg", "");
  const int clients = std::stoi(arg(argc, argv, "--clients", "16"));
  const int perClient = std::stoi(arg(argc, argv, "--submissions-per-client", "20"));
  const std::string tmp = arg(argc, argv, "--dir", "/tmp");
  const int gate = std::stoi(arg(argc, argv, "--max-concurrent-writes", "-1"));

  std::unique_ptr<wf::Store> store;
  std::string dbFile;
  const std::string schema = "bench_" + std::to_string(Poco::Process::id());
  if (pg.empty()) {
    dbFile = tmp + "/thidua-bench-" + std::to_string(Poco::Process::id()) + ".db";
    store = wf::openSqliteStore(dbFile);
  } else {
    wf::PostgresqlOptions options;
    options.schema = schema;
    store = wf::openPostgresqlStore(pg, options);
  }
  wf::SystemClock clock;
  auto loaded = wf::loadConfigDirectory(*store, config, clock, [](const std::string& p) {
    return server::hashPassword(p, server::PasswordCost::Minimal);
  });
  if (!loaded) {
    std::cerr << "load " << config << ": " << loaded.error().field << ": " << loaded.error().message << "\n";
    return 1;
  }

  wf::Engine engine(*store, clock);
  const Plan plan = findPlan(*store, engine);
  std::map<std::string, std::string> tokenOf;
  for (const auto& id : plan.approverIds)
    if (!tokenOf.count(id)) tokenOf[id] = openSession(*store, id, clock.now());

  // Prepare every submission in review at step 0 (not timed).
  std::vector<std::vector<Job>> jobs(clients);
  for (int c = 0; c < clients; ++c) {
    for (int i = 0; i < perClient; ++i) {
      auto s = engine.create(plan.proposer, plan.draft).result.value();
      s = engine.act(plan.proposer, submitRequest(s)).result.value();
      Job job{s.id, s.version, {}};
      for (const auto& id : plan.approverIds) job.tokens.push_back(tokenOf[id]);
      jobs[c].push_back(std::move(job));
    }
  }

  server::AppOptions options;
  options.http.port = 0;
  options.http.maxThreads = std::max(96, clients + 8);
  options.maxConcurrentWrites = gate;
  server::App app(std::move(store), clock, options);
  app.start();
  const std::uint16_t port = app.port();

  std::vector<std::vector<double>> latencies(clients);
  std::atomic<int> failures{0};
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Poco::Net::HTTPClientSession session("127.0.0.1", port);
      session.setKeepAlive(true);
      ++ready;
      while (!go.load()) std::this_thread::yield();
      for (Job& job : jobs[c]) {
        for (size_t step = 0; step < job.tokens.size(); ++step) {
          const std::string body = "{\"action\":\"approve\",\"version\":" + std::to_string(job.version) +
                                   ",\"comment\":\"Đồng ý\"}";
          Poco::Net::HTTPRequest req("POST", "/api/v1/submissions/" + std::to_string(job.id) + "/actions",
                                     Poco::Net::HTTPMessage::HTTP_1_1);
          req.setKeepAlive(true);
          req.set("Authorization", "Bearer " + job.tokens[step]);
          req.setContentType("application/json");
          req.setContentLength64(static_cast<Poco::Int64>(body.size()));
          const auto t0 = Clock::now();
          session.sendRequest(req) << body;
          Poco::Net::HTTPResponse resp;
          std::string answer;
          Poco::StreamCopier::copyToString(session.receiveResponse(resp), answer);
          latencies[c].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
          if (resp.getStatus() != 200) {
            if (failures++ < 3) std::cerr << "status " << resp.getStatus() << ": " << answer << "\n";
            break;
          }
          job.version = versionOf(answer);
        }
      }
    });
  }
  while (ready.load() < clients) std::this_thread::yield();
  const auto start = Clock::now();
  go = true;
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const std::string backend = app.store().backend();
  app.stop();

  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))]; };
  std::printf("%-10s clients=%-3d actions=%-6zu failures=%-3d %8.0f actions/s  p50 %6.2f ms  p99 %6.2f ms\n",
              backend.c_str(), clients, all.size(), failures.load(), all.size() / seconds, pct(0.50), pct(0.99));

  if (!dbFile.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      Poco::File f(dbFile + suffix);
      if (f.exists()) f.remove();
    }
  } else {
    wf::dropPostgresqlSchema(pg, schema);
  }
  return failures.load() == 0 ? 0 : 1;
}
