#include "workflow/result.h"

namespace thidua::wf {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::Forbidden: return "forbidden";
    case ErrorCode::InvalidTransition: return "invalid_transition";
    case ErrorCode::StaleVersion: return "stale_version";
    case ErrorCode::Validation: return "validation";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::TooLarge: return "too_large";
  }
  return "unknown";
}

}  // namespace thidua::wf
