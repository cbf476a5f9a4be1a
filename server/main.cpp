// The `thidua` binary: dispatches argv[1] to a subcommand (see cli.h).

#include <algorithm>
#include <iostream>

#include "generators/common/heap_tuning.h"
#include "server/cli.h"

namespace thidua::cli {

std::string option(const Args& args, const std::string& name, const std::string& fallback) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == name) return args[i + 1];
  }
  return fallback;
}

bool flag(const Args& args, const std::string& name) {
  return std::find(args.begin(), args.end(), name) != args.end();
}

Args positionals(const Args& args, const std::vector<std::string>& valued) {
  Args out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) == 0) {
      if (std::find(valued.begin(), valued.end(), args[i]) != valued.end()) ++i;
      continue;
    }
    out.push_back(args[i]);
  }
  return out;
}

}  // namespace thidua::cli

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const thidua::cli::Args&);
};

// One line per subcommand.
const Command kCommands[] = {
    {"init", "create or migrate the database: init [--db FILE|postgresql://...] (default var/thidua.db)",
     thidua::cli::runInit},
    {"load", "load a configuration directory: load DIR [--db FILE|postgresql://...]", thidua::cli::runLoad},
    {"serve", "serve the HTTP API: serve [--db FILE|postgresql://...] [--host H] [--port N]",
     thidua::cli::runServe},
    {"audit", "verify the audit hash chain: audit verify [--db FILE|postgresql://...]", thidua::cli::runAudit},
    {"render", "render a document: render TEMPLATE --data FILE.json --out FILE.pdf|FILE.xlsx",
     thidua::cli::runRender},
    {"certificates", "certificates: certificates TEMPLATE --data LIST.json --out FILE.pdf|FILE.zip",
     thidua::cli::runCertificates},
    {"read-form", "read a filled report form: read-form FILE.xlsx", thidua::cli::runReadForm},
    {"sign", "sign a PDF: sign IN.pdf --out OUT.pdf --p12 FILE [...] | --prepare | --complete --cms FILE",
     thidua::cli::runSign},
    {"verify", "verify the signatures of a PDF: verify FILE.pdf [--trust CA.pem]", thidua::cli::runVerify},
};

void usage() {
  std::cerr << "usage: thidua COMMAND [options]\n\ncommands:\n";
  for (const auto& c : kCommands) std::cerr << "  " << c.name << "\t" << c.summary << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  std::string name = argv[1];
  // One-shot commands render and exit; the long-running server keeps glibc's defaults (it returns freed
  // memory to the system).
  if (name != "serve") thidua::tuneHeapForRendering();
  thidua::cli::Args args(argv + 2, argv + argc);
  for (const auto& c : kCommands) {
    if (name == c.name) {
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        std::cerr << "thidua " << name << ": " << e.what() << "\n";
        return 1;
      }
    }
  }
  usage();
  return 2;
}
