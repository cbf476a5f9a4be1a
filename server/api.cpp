#include "server/api.h"

namespace thidua::server {

std::shared_ptr<Router> buildApiRouter(ApiServices& services) {
  auto router = std::make_shared<Router>();
  addSessionRoutes(*router, services);
  addCatalogueRoutes(*router, services);
  addSubmissionRoutes(*router, services);
  addQueryRoutes(*router, services);
  return router;
}

}  // namespace thidua::server
