#include "server/error_response.h"

#include <Poco/JSON/Object.h>

#include <iostream>
#include <sstream>

namespace thidua::server {
namespace {

HttpResponse body(int status, const std::string& code, const std::string& message, const std::string& field) {
  Poco::JSON::Object obj(Poco::JSON_PRESERVE_KEY_ORDER);
  obj.set("error", code);
  obj.set("message", message);
  if (field.empty()) {
    obj.set("field", Poco::Dynamic::Var());
  } else {
    obj.set("field", field);
  }
  std::ostringstream os;
  obj.stringify(os);
  HttpResponse resp;
  resp.status = status;
  resp.body = os.str();
  return resp;
}

}  // namespace

int httpStatus(wf::ErrorCode code) {
  switch (code) {
    case wf::ErrorCode::NotFound: return 404;
    case wf::ErrorCode::Unauthenticated: return 401;
    case wf::ErrorCode::Forbidden: return 403;
    case wf::ErrorCode::InvalidTransition: return 409;
    case wf::ErrorCode::StaleVersion: return 409;
    case wf::ErrorCode::Validation: return 400;
    case wf::ErrorCode::Conflict: return 409;
    case wf::ErrorCode::TooLarge: return 413;
  }
  return 500;
}

HttpResponse errorResponse(const wf::Error& error) {
  HttpResponse resp = body(httpStatus(error.code), wf::errorCodeName(error.code), error.message, error.field);
  if (error.code == wf::ErrorCode::Unauthenticated) resp.headers.emplace_back("WWW-Authenticate", "Bearer");
  return resp;
}

HttpResponse errorResponse(const std::exception& fault) {
  std::cerr << "thidua: internal error: " << fault.what() << std::endl;
  HttpResponse resp = body(500, "internal", "Lỗi máy chủ nội bộ; vui lòng thử lại sau.", "");
  resp.closeConnection = true;
  return resp;
}

}  // namespace thidua::server
