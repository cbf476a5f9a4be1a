#pragma once
// The C entry point of the PostgreSQL store plugin (thidua-postgresql.so), looked up with dlsym by
// server/store_factory.cpp. Everything else about the store is in postgresql_store.h.

#include <cstddef>
#include <string>

#include "workflow/store.h"

/// The exported symbols' names.
#define THIDUA_POSTGRESQL_PLUGIN_ENTRY "thiduaOpenPostgresqlStore"
#define THIDUA_POSTGRESQL_PLUGIN_ABI "thiduaPostgresqlPluginAbi"

/// Changes whenever the Store interface or the types it passes change, so that a binary refuses a plugin
/// built from other sources (their layouts would not match). Both sides compile it in.
#define THIDUA_STORE_ABI_VERSION 1

/// A fingerprint of the layouts that cross the plugin boundary (a cheap check beside the version).
inline size_t thiduaStoreTypesSize() {
  return sizeof(thidua::wf::Submission) + sizeof(thidua::wf::Unit) + sizeof(thidua::wf::User) +
         sizeof(thidua::wf::AuditEvent) + sizeof(thidua::wf::Award) + sizeof(std::string);
}

extern "C" {
/// openPostgresqlStore(url) with default options; the caller owns the result (delete it through the
/// Store's virtual destructor while the plugin stays loaded). Throws what openPostgresqlStore throws.
thidua::wf::Store* thiduaOpenPostgresqlStore(const std::string& url);
/// Its type, for dlsym.
using ThiduaOpenPostgresqlStore = thidua::wf::Store* (*)(const std::string& url);
/// THIDUA_STORE_ABI_VERSION of the plugin as built, and the size of the Store types it was built with.
int thiduaPostgresqlPluginAbi(size_t* storeTypesSize);
using ThiduaPostgresqlPluginAbi = int (*)(size_t* storeTypesSize);
}
