#pragma once
// The C entry point of the PostgreSQL store plugin (thidua-postgresql.so), looked up with dlsym by
// server/store_factory.cpp. Everything else about the store is in postgresql_store.h.

#include <string>

#include "workflow/store.h"

/// The exported symbol's name.
#define THIDUA_POSTGRESQL_PLUGIN_ENTRY "thiduaOpenPostgresqlStore"

extern "C" {
/// openPostgresqlStore(url) with default options; the caller owns the result (delete it through the
/// Store's virtual destructor while the plugin stays loaded). Throws what openPostgresqlStore throws.
thidua::wf::Store* thiduaOpenPostgresqlStore(const std::string& url);
/// Its type, for dlsym.
using ThiduaOpenPostgresqlStore = thidua::wf::Store* (*)(const std::string& url);
}
