#pragma once
// An RFC 3161 time-stamping authority on 127.0.0.1 for tests: a Poco HTTPServer in the test process
// that answers each query with `openssl ts -reply -config <demo PKI>/tsa.cnf`.

#include <atomic>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPServer;
}

namespace thidua::signing::testing {

class TestTsa {
 public:
  enum class Mode { Grant, HttpError, Garbage };

  /// Starts the TSA on an ephemeral port; `workDir` holds the queries and replies.
  TestTsa(const std::string& tsaConfig, const std::string& workDir, Mode mode = Mode::Grant);
  ~TestTsa();

  /// "http://127.0.0.1:<port>/tsa".
  std::string url() const;
  int requests() const { return requests_->load(); }

 private:
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::shared_ptr<std::atomic<int>> requests_;
};

/// Returns the URL of a port on 127.0.0.1 that nothing listens on.
std::string deadTsaUrl();

}  // namespace thidua::signing::testing
