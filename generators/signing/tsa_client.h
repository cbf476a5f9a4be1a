#pragma once
// RFC 3161 time-stamp client over plain HTTP (application/timestamp-query).

#include <string>
#include <string_view>

namespace thidua::signing {

/// The outcome of one timestamp request: a token, or why there is none.
struct TimestampResult {
  bool ok = false;
  std::string token;  // DER ContentInfo (SignedData with TSTInfo) when ok
  std::string error;  // human-readable reason when !ok (refused, timeout, bad response...)
};

/// Asks the TSA at `url` (http://host[:port]/path) to timestamp the SHA-256 digest `sha256Digest`
/// (32 raw bytes), requesting the TSA certificate in the token and a random nonce. Waits at most
/// `timeoutSeconds` for connecting and for each read. Never throws for network or protocol failures: they
/// are returned as !ok with the reason. Checks that the response is granted, its imprint matches and the
/// nonce is echoed. Thread-safe.
TimestampResult requestTimestamp(const std::string& url, std::string_view sha256Digest, int timeoutSeconds);

}  // namespace thidua::signing
