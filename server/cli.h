#pragma once
// The `thidua` command line: one binary, one subcommand per job. Each subcommand is a function in its
// own cli_*.cpp file, registered in main.cpp's table.

#include <string>
#include <vector>

namespace thidua::cli {

/// Arguments after the subcommand name (argv[2..]).
using Args = std::vector<std::string>;

/// Returns the value following `--name` in `args` (e.g. "--db x"), or `fallback` when absent.
std::string option(const Args& args, const std::string& name, const std::string& fallback = "");

/// Returns true if the flag `--name` appears in `args`.
bool flag(const Args& args, const std::string& name);

/// Returns the positional arguments: those not starting with "--" and not the value of an option
/// listed in `valued` (e.g. {"--db", "--out"}).
Args positionals(const Args& args, const std::vector<std::string>& valued);

// Subcommands. Each returns the process exit code: 0 success, 1 failure (message on stderr),
// 2 usage error.
int runInit(const Args& args);         // cli_init.cpp
int runLoad(const Args& args);         // cli_load.cpp
int runServe(const Args& args);        // cli_serve.cpp
int runAudit(const Args& args);        // cli_audit.cpp
int runRender(const Args& args);       // cli_render.cpp: dispatches on the --out extension
int runRenderPdf(const Args& args);    // cli_documents.cpp
int runCertificates(const Args& args); // cli_documents.cpp
int runRenderXlsx(const Args& args);   // cli_forms.cpp
int runReadForm(const Args& args);     // cli_forms.cpp
int runSign(const Args& args);         // cli_sign.cpp
int runVerify(const Args& args);       // cli_sign.cpp

}  // namespace thidua::cli
