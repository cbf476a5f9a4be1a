#pragma once
// Domain values as the JSON the API answers with (docs/api.md). Keys keep a fixed order; instants are
// ISO 8601 UTC text, dates "YYYY-MM-DD", absent values null.

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "server/http_types.h"
#include "workflow/model.h"

namespace thidua::server {

/// A new JSON object that keeps keys in insertion order.
Poco::JSON::Object::Ptr newObject();

Poco::JSON::Object::Ptr unitJson(const wf::Unit& unit);
/// The user without the password hash.
Poco::JSON::Object::Ptr userJson(const wf::User& user);
/// The form with its route versions (oldest first).
Poco::JSON::Object::Ptr awardFormJson(const wf::AwardForm& form, const std::vector<wf::Route>& routes);
Poco::JSON::Object::Ptr campaignJson(const wf::Campaign& campaign);
/// The submission; candidates, votes and attachments are included when `details` is true.
Poco::JSON::Object::Ptr submissionJson(const wf::Submission& s, bool details);
Poco::JSON::Object::Ptr attachmentJson(const wf::AttachmentInfo& a);
Poco::JSON::Object::Ptr auditEventJson(const wf::AuditEvent& e);
Poco::JSON::Object::Ptr awardJson(const wf::Award& award);

/// Compact JSON text of `value`.
std::string toJsonText(const Poco::Dynamic::Var& value);

/// A JSON answer with `status`.
HttpResponse jsonResponse(int status, const Poco::Dynamic::Var& value);

}  // namespace thidua::server
