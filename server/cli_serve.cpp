#include <Poco/Util/ServerApplication.h>

#include <csignal>
#include <iostream>

#include "server/cli.h"
#include "server/http_server.h"

namespace thidua::cli {

int runServe(const Args& args) {
  HttpServerOptions options;
  options.host = option(args, "--host", "127.0.0.1");
  try {
    options.port = static_cast<std::uint16_t>(std::stoi(option(args, "--port", "8080")));
  } catch (const std::exception&) {
    std::cerr << "thidua serve: --port phải là một số\n";
    return 2;
  }
  HttpServer server(options);
  server.start();
  std::cout << "thidua: listening on http://" << options.host << ":" << server.port() << "/" << std::endl;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "thidua: stopping" << std::endl;
  server.stop();
  return 0;
}

}  // namespace thidua::cli
