#pragma once
// The one place where errors become HTTP answers: a workflow Error (expected outcome) or an exception
// (infrastructure fault) in, status + JSON { "error": code, "message": Vietnamese text, "field": … } out.

#include <exception>

#include "server/http_types.h"
#include "workflow/result.h"

namespace thidua::server {

/// Returns the HTTP status for an expected failure: NotFound 404, Unauthenticated 401, Forbidden 403,
/// InvalidTransition 409, StaleVersion 409, Validation 400, Conflict 409, TooLarge 413.
int httpStatus(wf::ErrorCode code);

/// Returns the answer for `error`: its status and { "error", "message", "field" } (field null when
/// empty). 401 answers carry `WWW-Authenticate: Bearer`.
HttpResponse errorResponse(const wf::Error& error);

/// Returns 500 { "error": "internal", "message": "Lỗi máy chủ …" } for an exception that escaped a
/// handler, and logs what() to stderr; internals are never sent to the client.
HttpResponse errorResponse(const std::exception& fault);

}  // namespace thidua::server
