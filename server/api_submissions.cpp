// Submissions (tờ trình): create, read, edit a draft, act on it, its audit trail, its attachments.
//   POST /api/v1/submissions                      GET /api/v1/submissions/{id}
//   PUT  /api/v1/submissions/{id}                 POST /api/v1/submissions/{id}/actions
//   GET  /api/v1/submissions/{id}/events          POST /api/v1/submissions/{id}/attachments
//   GET  /api/v1/attachments/{id}

#include <Poco/JSON/Array.h>

#include "server/api.h"
#include "server/api_support.h"
#include "server/error_response.h"
#include "server/json_fields.h"
#include "server/json_view.h"
#include "server/session_token.h"
#include "workflow/audit.h"

namespace thidua::server {
namespace {

constexpr std::size_t kMaxIdempotencyKey = 200;

/// The Idempotency-Key header checked: printable ASCII, at most 200 characters. Empty when absent.
wf::Result<std::string> idempotencyKey(const HttpRequest& request) {
  const std::string key = request.header("Idempotency-Key");
  if (key.size() > kMaxIdempotencyKey) {
    return wf::makeError(wf::ErrorCode::Validation, "Tiêu đề Idempotency-Key dài quá 200 ký tự.", "Idempotency-Key");
  }
  for (unsigned char c : key) {
    if (c < 0x21 || c > 0x7e) {
      return wf::makeError(wf::ErrorCode::Validation, "Tiêu đề Idempotency-Key chỉ được chứa ký tự ASCII in được.",
                           "Idempotency-Key");
    }
  }
  return key;
}

/// What identifies "the same request" for an idempotency key.
std::string fingerprint(const HttpRequest& request) {
  return sha256Hex(request.method + " " + request.path + "\n" + request.body);
}

std::vector<wf::Candidate> readCandidates(JsonFields& f) {
  std::vector<wf::Candidate> out;
  for (auto& c : f.objects("candidates")) {
    wf::Candidate cand;
    cand.kind = c.text("kind");
    cand.name = c.text("name");
    cand.position = c.optionalText("position").value_or("");
    cand.unitName = c.optionalText("unitName").value_or("");
    cand.achievement = c.optionalText("achievement").value_or("");
    out.push_back(std::move(cand));
  }
  return out;
}

HttpResponse submissionAnswer(int status, const wf::Submission& s, bool details) {
  return jsonResponse(status, submissionJson(s, details));
}

/// The engine names the version field of its request "expectedVersion"; the API calls it "version".
wf::Error inApiTerms(wf::Error e) {
  if (e.field == "expectedVersion") e.field = "version";
  return e;
}

/// Answers an engine outcome: the stored response when there is one (replay or recorded), else the
/// submission rendered afresh.
HttpResponse outcomeAnswer(const wf::ActionOutcome& outcome, int successStatus, bool details) {
  if (!outcome.result) return errorResponse(inApiTerms(outcome.result.error()));
  HttpResponse resp;
  if (outcome.response) {
    resp.status = outcome.response->status;
    resp.body = outcome.response->body;
  } else {
    resp = submissionAnswer(successStatus, outcome.result.value(), details);
  }
  if (outcome.replayed) resp.headers.emplace_back("Idempotent-Replayed", "true");
  return resp;
}

HttpResponse create(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto key = idempotencyKey(request);
  if (!key) return errorResponse(key.error());
  auto body = JsonFields::parse(request.body);
  if (!body) return errorResponse(body.error());
  auto& f = body.value();
  wf::NewSubmission draft;
  draft.campaignId = f.text("campaignId");
  draft.roundId = f.text("roundId");
  draft.awardFormId = f.text("awardFormId");
  draft.title = f.text("title");
  draft.candidates = readCandidates(f);
  if (auto status = f.finish(); !status) return errorResponse(status.error());

  wf::Idempotency idem{key.value(), fingerprint(request), [](const wf::Submission& sub) {
                         auto r = submissionAnswer(201, sub, true);
                         return wf::StoredResponse{r.status, r.body};
                       }};
  WriteGate::Pass pass(s.writes);
  return outcomeAnswer(s.engine.create(user.value(), draft, key.value().empty() ? nullptr : &idem), 201, true);
}

HttpResponse get(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tờ trình");
  if (!id) return errorResponse(id.error());
  auto sub = s.engine.get(user.value(), id.value());
  if (!sub) return errorResponse(sub.error());
  return submissionAnswer(200, sub.value(), true);
}

HttpResponse update(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tờ trình");
  if (!id) return errorResponse(id.error());
  auto body = JsonFields::parse(request.body);
  if (!body) return errorResponse(body.error());
  auto& f = body.value();
  const std::int64_t version = f.integer("version");
  wf::NewSubmission content;
  content.title = f.text("title");
  content.candidates = readCandidates(f);
  if (auto status = f.finish(); !status) return errorResponse(status.error());
  WriteGate::Pass pass(s.writes);
  auto sub = s.engine.updateDraft(user.value(), id.value(), version, content);
  if (!sub) return errorResponse(inApiTerms(sub.error()));
  return submissionAnswer(200, sub.value(), true);
}

HttpResponse act(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tờ trình");
  if (!id) return errorResponse(id.error());
  auto key = idempotencyKey(request);
  if (!key) return errorResponse(key.error());
  auto body = JsonFields::parse(request.body);
  if (!body) return errorResponse(body.error());
  auto& f = body.value();
  wf::ActionRequest action;
  action.submissionId = id.value();
  const std::string actionName = f.text("action");
  action.expectedVersion = f.integer("version");
  action.comment = f.optionalText("comment").value_or("");
  action.toStep = static_cast<int>(f.optionalInteger("toStep").value_or(-1));
  action.candidateId = f.optionalInteger("candidateId").value_or(0);
  std::string meetingDate;
  if (auto vote = f.optionalObject("vote")) {
    action.vote.membersTotal = static_cast<int>(vote->integer("membersTotal"));
    action.vote.inFavour = static_cast<int>(vote->integer("inFavour"));
    action.vote.against = static_cast<int>(vote->integer("against"));
    meetingDate = vote->text("meetingDate");
  }
  if (auto status = f.finish(); !status) return errorResponse(status.error());
  if (!meetingDate.empty()) {
    auto parsed = wf::Date::parseIso(meetingDate);
    if (!parsed) {
      return errorResponse(wf::makeError(wf::ErrorCode::Validation, "Ngày họp phải có dạng YYYY-MM-DD.", "vote.meetingDate"));
    }
    action.vote.meetingDate = *parsed;
  }
  auto parsedAction = wf::parseAction(actionName);
  if (!parsedAction) {
    return errorResponse(wf::makeError(wf::ErrorCode::Validation,
                                       "Thao tác '" + actionName + "' không tồn tại (submit, approve, return, reject, "
                                       "withdraw, remove_candidate, record_vote, decide).",
                                       "action"));
  }
  action.action = *parsedAction;

  wf::Idempotency idem{key.value(), fingerprint(request), [](const wf::Submission& sub) {
                         auto r = submissionAnswer(200, sub, false);
                         return wf::StoredResponse{r.status, r.body};
                       }};
  WriteGate::Pass pass(s.writes);
  return outcomeAnswer(s.engine.act(user.value(), action, key.value().empty() ? nullptr : &idem), 200, false);
}

HttpResponse events(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tờ trình");
  if (!id) return errorResponse(id.error());
  auto history = s.engine.history(user.value(), id.value());
  if (!history) return errorResponse(history.error());
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  bool allValid = true;
  for (const auto& e : history.value()) {
    auto o = auditEventJson(e);
    const bool valid = wf::computeAuditHash(e) == e.hash;
    allValid = allValid && valid;
    o->set("hashValid", valid);
    list->add(o);
  }
  auto o = newObject();
  o->set("submissionId", id.value());
  o->set("events", list);
  o->set("hashesValid", allValid);
  return jsonResponse(200, o);
}

HttpResponse upload(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tờ trình");
  if (!id) return errorResponse(id.error());
  auto candidate = queryInteger(request, "candidateId");
  if (!candidate) return errorResponse(candidate.error());
  const std::string fileName = request.queryValue("fileName");
  if (fileName.empty()) {
    return errorResponse(wf::makeError(wf::ErrorCode::Validation, "Thiếu tham số 'fileName' (tên tệp).", "fileName"));
  }
  std::string mediaType = request.header("Content-Type");
  if (mediaType.empty()) mediaType = "application/octet-stream";
  WriteGate::Pass pass(s.writes);
  auto info = s.engine.addAttachment(user.value(), id.value(), candidate.value().value_or(0), fileName, mediaType,
                                     request.body);
  if (!info) return errorResponse(info.error());
  return jsonResponse(201, attachmentJson(info.value()));
}

HttpResponse download(ApiServices& s, const HttpRequest& request) {
  auto user = requireUser(s.auth, request);
  if (!user) return errorResponse(user.error());
  auto id = pathId(request, "id", "tệp đính kèm");
  if (!id) return errorResponse(id.error());
  auto file = s.engine.getAttachment(user.value(), id.value());
  if (!file) return errorResponse(file.error());
  HttpResponse resp;
  resp.contentType = file.value().info.mediaType;
  resp.body = file.value().bytes;
  resp.headers.emplace_back("X-Content-SHA256", file.value().info.sha256);
  return resp;
}

}  // namespace

void addSubmissionRoutes(Router& router, ApiServices& s) {
  router.add("POST", "/api/v1/submissions", [&s](const HttpRequest& r) { return create(s, r); });
  router.add("GET", "/api/v1/submissions/{id}", [&s](const HttpRequest& r) { return get(s, r); });
  router.add("PUT", "/api/v1/submissions/{id}", [&s](const HttpRequest& r) { return update(s, r); });
  router.add("POST", "/api/v1/submissions/{id}/actions", [&s](const HttpRequest& r) { return act(s, r); });
  router.add("GET", "/api/v1/submissions/{id}/events", [&s](const HttpRequest& r) { return events(s, r); });
  router.add("POST", "/api/v1/submissions/{id}/attachments", [&s](const HttpRequest& r) { return upload(s, r); },
             s.maxAttachmentBytes);
  router.add("GET", "/api/v1/attachments/{id}", [&s](const HttpRequest& r) { return download(s, r); });
}

}  // namespace thidua::server
