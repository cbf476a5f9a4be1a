#include "server/json_view.h"

#include <Poco/JSON/Array.h>

#include <sstream>

namespace thidua::server {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Poco::Dynamic::Var textOrNull(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }

Poco::Dynamic::Var dateOrNull(const wf::Date& d) { return d.valid() ? Poco::Dynamic::Var(d.toIso()) : Poco::Dynamic::Var(); }

Poco::Dynamic::Var timeOrNull(wf::TimePoint t) { return t == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(wf::formatTimePoint(t)); }

Poco::Dynamic::Var stepOrNull(int step) { return step < 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(step); }

Array::Ptr texts(const std::vector<std::string>& values) {
  Array::Ptr a = new Array;
  for (const auto& v : values) a->add(v);
  return a;
}

Object::Ptr stepJson(const wf::RouteStep& step) {
  auto o = newObject();
  o->set("code", step.code);
  o->set("name", step.name);
  auto owner = newObject();
  owner->set("unitId", textOrNull(step.owner.unitId));
  owner->set("scopeLevel", textOrNull(step.owner.scopeLevel));
  owner->set("kind", textOrNull(step.owner.kind));
  o->set("owner", owner);
  o->set("dueWorkingDays", step.dueWorkingDays);
  o->set("requiresVote", step.requiresVote);
  return o;
}

Object::Ptr candidateJson(const wf::Candidate& c) {
  auto o = newObject();
  o->set("id", c.id);
  o->set("kind", c.kind);
  o->set("name", c.name);
  o->set("position", c.position);
  o->set("unitName", c.unitName);
  o->set("achievement", c.achievement);
  o->set("status", wf::candidateStatusName(c.status));
  o->set("removedReason", textOrNull(c.removedReason));
  o->set("removedAtStep", stepOrNull(c.removedAtStep));
  return o;
}

Object::Ptr voteJson(const wf::VoteRecord& v) {
  auto o = newObject();
  o->set("step", v.step);
  o->set("membersTotal", v.membersTotal);
  o->set("inFavour", v.inFavour);
  o->set("against", v.against);
  o->set("percentInFavour", v.percentInFavour());
  o->set("meetingDate", dateOrNull(v.meetingDate));
  return o;
}

Object::Ptr decisionJson(const wf::Decision& d) {
  auto o = newObject();
  o->set("number", d.number);
  o->set("year", d.year);
  o->set("code", d.code);
  o->set("text", d.text);
  o->set("issuerUnitId", d.issuerUnitId);
  o->set("date", dateOrNull(d.date));
  return o;
}

}  // namespace

Object::Ptr newObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr unitJson(const wf::Unit& unit) {
  auto o = newObject();
  o->set("id", unit.id);
  o->set("name", unit.name);
  o->set("level", unit.level);
  o->set("kind", unit.kind);
  o->set("parentId", textOrNull(unit.parentId));
  o->set("docCode", unit.docCode);
  o->set("place", unit.place);
  return o;
}

Object::Ptr userJson(const wf::User& user) {
  auto o = newObject();
  o->set("id", user.id);
  o->set("username", user.username);
  o->set("fullName", user.fullName);
  o->set("unitId", user.unitId);
  Array::Ptr roles = new Array;
  for (auto r : user.roles) roles->add(std::string(wf::roleName(r)));
  o->set("roles", roles);
  return o;
}

Object::Ptr awardFormJson(const wf::AwardForm& form, const std::vector<wf::Route>& routes) {
  auto o = newObject();
  o->set("id", form.id);
  o->set("name", form.name);
  o->set("category", form.category);
  o->set("decidingAuthority", form.decidingAuthority);
  o->set("candidateKinds", texts(form.candidateKinds));
  o->set("voteThresholdPercent", form.voteThresholdPercent);
  o->set("legalBasis", form.legalBasis);
  Array::Ptr list = new Array;
  for (const auto& r : routes) {
    if (r.awardFormId != form.id) continue;
    auto route = newObject();
    route->set("version", r.version);
    route->set("effectiveFrom", dateOrNull(r.effectiveFrom));
    Array::Ptr steps = new Array;
    for (const auto& s : r.steps) steps->add(stepJson(s));
    route->set("steps", steps);
    list->add(route);
  }
  o->set("routes", list);
  return o;
}

Object::Ptr campaignJson(const wf::Campaign& c) {
  auto o = newObject();
  o->set("id", c.id);
  o->set("name", c.name);
  o->set("basis", c.basis);
  Array::Ptr phases = new Array;
  for (const auto& p : c.phases) {
    auto ph = newObject();
    ph->set("name", p.name);
    ph->set("from", dateOrNull(p.from));
    ph->set("to", dateOrNull(p.to));
    phases->add(ph);
  }
  o->set("phases", phases);
  Array::Ptr rounds = new Array;
  for (const auto& r : c.rounds) {
    auto ro = newObject();
    ro->set("id", r.id);
    ro->set("name", r.name);
    ro->set("kind", r.kind);
    ro->set("year", r.year);
    ro->set("allowedAwardFormIds", texts(r.allowedAwardFormIds));
    rounds->add(ro);
  }
  o->set("rounds", rounds);
  return o;
}

Object::Ptr submissionJson(const wf::Submission& s, bool details) {
  auto o = newObject();
  o->set("id", s.id);
  o->set("title", s.title);
  o->set("state", wf::stateName(s.state));
  o->set("version", s.version);
  o->set("proposerUnitId", s.proposerUnitId);
  o->set("createdBy", s.createdBy);
  o->set("campaignId", s.campaignId);
  o->set("roundId", s.roundId);
  o->set("awardFormId", s.awardFormId);
  o->set("routeVersion", s.routeVersion);
  o->set("currentStep", s.currentStep);
  o->set("returnedFromStep", stepOrNull(s.returnedFromStep));
  o->set("currentOwnerUnitId", textOrNull(s.currentOwnerUnitId));
  o->set("stepOwners", texts(s.stepOwners));
  o->set("legalBasis", textOrNull(s.legalBasis));
  o->set("createdAt", timeOrNull(s.createdAt));
  o->set("submittedAt", timeOrNull(s.submittedAt));
  o->set("stepArrivedAt", timeOrNull(s.stepArrivedAt));
  o->set("stepDueDate", dateOrNull(s.stepDueDate));
  o->set("decision", s.decision ? Poco::Dynamic::Var(decisionJson(*s.decision)) : Poco::Dynamic::Var());
  if (details) {
    Array::Ptr candidates = new Array;
    for (const auto& c : s.candidates) candidates->add(candidateJson(c));
    o->set("candidates", candidates);
    Array::Ptr votes = new Array;
    for (const auto& v : s.votes) votes->add(voteJson(v));
    o->set("votes", votes);
    Array::Ptr attachments = new Array;
    for (const auto& a : s.attachments) attachments->add(attachmentJson(a));
    o->set("attachments", attachments);
  }
  return o;
}

Object::Ptr attachmentJson(const wf::AttachmentInfo& a) {
  auto o = newObject();
  o->set("id", a.id);
  o->set("submissionId", a.submissionId);
  o->set("candidateId", a.candidateId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(a.candidateId));
  o->set("fileName", a.fileName);
  o->set("mediaType", a.mediaType);
  o->set("size", a.size);
  o->set("sha256", a.sha256);
  o->set("createdAt", timeOrNull(a.createdAt));
  return o;
}

Object::Ptr auditEventJson(const wf::AuditEvent& e) {
  auto o = newObject();
  o->set("seq", e.seq);
  o->set("at", timeOrNull(e.at));
  o->set("userId", e.userId);
  o->set("unitId", e.unitId);
  o->set("submissionId", e.submissionId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(e.submissionId));
  o->set("action", e.action);
  o->set("fromState", textOrNull(e.fromState));
  o->set("toState", textOrNull(e.toState));
  o->set("fromStep", stepOrNull(e.fromStep));
  o->set("toStep", stepOrNull(e.toStep));
  o->set("comment", e.comment);
  o->set("prevHash", e.prevHash);
  o->set("hash", e.hash);
  return o;
}

Object::Ptr awardJson(const wf::Award& a) {
  auto o = newObject();
  o->set("submissionId", a.submissionId);
  o->set("candidateId", a.candidateId);
  o->set("candidateName", a.candidateName);
  o->set("candidateKind", a.candidateKind);
  o->set("candidateUnitName", a.candidateUnitName);
  o->set("proposerUnitId", a.proposerUnitId);
  o->set("awardFormId", a.awardFormId);
  o->set("campaignId", a.campaignId);
  o->set("roundId", a.roundId);
  o->set("year", a.year);
  o->set("decisionText", a.decisionText);
  o->set("decisionDate", dateOrNull(a.decisionDate));
  o->set("issuerUnitId", a.issuerUnitId);
  return o;
}

std::string toJsonText(const Poco::Dynamic::Var& value) {
  std::ostringstream os;
  if (value.type() == typeid(Object::Ptr)) {
    value.extract<Object::Ptr>()->stringify(os);
  } else if (value.type() == typeid(Array::Ptr)) {
    value.extract<Array::Ptr>()->stringify(os);
  } else {
    os << Poco::Dynamic::Var::toString(value);
  }
  return os.str();
}

HttpResponse jsonResponse(int status, const Poco::Dynamic::Var& value) {
  HttpResponse r;
  r.status = status;
  r.body = toJsonText(value);
  return r;
}

}  // namespace thidua::server
