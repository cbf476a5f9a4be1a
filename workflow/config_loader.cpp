#include "workflow/config_loader.h"

namespace thidua::wf {

Result<LoadReport> loadConfigDirectory(Store&, const std::string&, const Clock&, const PasswordHasher&,
                                       const PasswordVerifier&) {
  return makeError(ErrorCode::Validation, "chưa hỗ trợ");
}

}  // namespace thidua::wf
