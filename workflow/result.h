#pragma once
// One error convention for the domain: expected outcomes are values (Error inside Result<T>);
// infrastructure faults (database down, disk full, corrupt schema) are exceptions.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace thidua::wf {

/// The kinds of expected failure. The server maps them to HTTP in exactly one place:
/// NotFound 404, Unauthenticated 401, Forbidden 403, InvalidTransition 409, StaleVersion 409,
/// Validation 400, Conflict 409, TooLarge 413.
enum class ErrorCode {
  NotFound,
  Unauthenticated,
  Forbidden,
  InvalidTransition,
  StaleVersion,
  Validation,
  Conflict,  ///< duplicate id, idempotency key reused with a different request
  TooLarge,
};

/// Stable snake_case name of a code ("not_found", "forbidden", "invalid_transition", "stale_version",
/// "validation", "conflict", "too_large", "unauthenticated"), used as the JSON "error" value.
const char* errorCodeName(ErrorCode code);

/// An expected failure. `message` is Vietnamese (NFC) for a person to read; `field` names the offending
/// input ("candidates[0].kind", "routes.json: routes[2].steps[1].owner") or is empty.
struct Error {
  ErrorCode code = ErrorCode::Validation;
  std::string message;
  std::string field;
};

inline Error makeError(ErrorCode code, std::string message, std::string field = {}) {
  return Error{code, std::move(message), std::move(field)};
}

/// Holds either a T (success) or an Error. Accessing the wrong side is a programming error
/// (std::bad_variant_access).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result without a value: success or an Error.
template <>
class Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace thidua::wf
