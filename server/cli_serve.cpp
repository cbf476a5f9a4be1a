// thidua serve [--db URL] [--host H] [--port N]: serves the HTTP API until SIGINT/SIGTERM.

#include <pthread.h>

#include <csignal>
#include <iostream>

#include "server/app.h"
#include "server/cli.h"
#include "server/store_factory.h"

namespace thidua::cli {

int runServe(const Args& args) {
  server::AppOptions options;
  options.http.host = option(args, "--host", "127.0.0.1");
  try {
    const int port = std::stoi(option(args, "--port", "8080"));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    options.http.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    std::cerr << "thidua serve: --port phải là một số từ 0 đến 65535\n";
    return 2;
  }
  const std::string db = option(args, "--db", server::kDefaultDatabase);

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  wf::SystemClock clock;
  server::App app(server::openStore(db, server::OpenMode::MustExist), clock, options);
  app.start();
  std::cout << "thidua: " << db << " (" << app.store().backend() << "), listening on http://" << options.http.host
            << ":" << app.port() << "/" << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "thidua: stopping" << std::endl;
  app.stop();
  return 0;
}

}  // namespace thidua::cli
