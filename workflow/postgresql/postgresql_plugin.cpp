#include "workflow/postgresql/postgresql_plugin.h"

#include "workflow/postgresql/postgresql_store.h"

extern "C" int thiduaPostgresqlPluginAbi(size_t* storeTypesSize) {
  *storeTypesSize = thiduaStoreTypesSize();
  return THIDUA_STORE_ABI_VERSION;
}

extern "C" thidua::wf::Store* thiduaOpenPostgresqlStore(const std::string& url) {
  return thidua::wf::openPostgresqlStore(url).release();
}
