#pragma once
// Helpers for the HTTP acceptance tests: find the people of a configuration (who proposes, who approves
// each step) from the loaded store, and drive actions over HTTP with logged-in tokens.

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/server/http_client.h"
#include "workflow/model.h"
#include "workflow/store.h"

namespace thidua::server::testing {

/// The password of every demo user of examples/config.
inline constexpr const char* kDemoPassword = "thidua2025";

enum class Layout {
  ThreeTier,  ///< the commune's parent is a district (huyện)
  TwoTier,    ///< the commune's parent is the province (tỉnh)
};

/// Who and what a Bằng khen of the Prime Minister nomination needs.
struct Cast {
  std::string campaignId;
  std::string roundId;
  std::string formId;
  std::string candidateKind;
  wf::User proposer;  ///< de_xuat of a commune (xã) UBND
};

/// Finds the award form decided by the Prime Minister (category bang_khen), a campaign round allowing it
/// and a de_xuat user of a commune in `layout`. nullopt when the configuration has none.
std::optional<Cast> findPrimeMinisterCast(wf::Store& store, Layout layout);

/// A user of `unitId` holding `role`, other than `notUserId`; nullopt if none.
std::optional<wf::User> findUser(wf::Store& store, const std::string& unitId, wf::Role role,
                                 const std::string& notUserId = "");

/// A user holding `role` whose unit is not in `excluded`; nullopt if none.
std::optional<wf::User> findOutsider(wf::Store& store, wf::Role role, const std::vector<std::string>& excluded);

/// The unit `id`.
wf::Unit unitOf(wf::Store& store, const std::string& id);

/// The route steps of the form/version.
wf::Route routeOf(wf::Store& store, const std::string& formId, int version);

/// Keeps one token per user (logging in once with kDemoPassword) and sends actions.
class Actors {
 public:
  explicit Actors(HttpClient& client) : client_(&client) {}
  /// Sends later requests through `client` (e.g. after a server restart); tokens are kept.
  void rebind(HttpClient& client) { client_ = &client; }
  const std::string& token(const wf::User& user);
  /// POST /api/v1/submissions/{id}/actions as `user` with `body` (a JSON object text).
  Reply act(const wf::User& user, std::int64_t id, const std::string& body,
            const std::map<std::string, std::string>& headers = {});
  /// GET `path` as `user`.
  Reply get(const wf::User& user, const std::string& path);

 private:
  HttpClient* client_;
  std::map<std::string, std::string> tokens_;
};

/// {"action": action, "version": version, "comment": comment} plus `extra` (raw JSON members, e.g.
/// "\"toStep\":1") when given.
std::string actionBody(const std::string& action, std::int64_t version, const std::string& comment = "",
                       const std::string& extra = "");

/// The body of POST /api/v1/submissions for `cast` with the given candidate names.
std::string createBody(const Cast& cast, const std::vector<std::string>& candidateNames);

/// The "action" values of GET /api/v1/submissions/{id}/events, in order.
std::vector<std::string> eventActions(const Reply& events);

}  // namespace thidua::server::testing
