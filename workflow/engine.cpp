#include "workflow/engine.h"

#include "workflow/audit.h"
#include "workflow/calendar.h"
#include "workflow/route_resolver.h"

#include "generators/common/unicode.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <map>
#include <mutex>
#include <stdexcept>

namespace thidua::wf {

const char* actionName(Action a) {
  switch (a) {
    case Action::Submit: return "submit";
    case Action::Approve: return "approve";
    case Action::Return: return "return";
    case Action::Reject: return "reject";
    case Action::Withdraw: return "withdraw";
    case Action::RemoveCandidate: return "remove_candidate";
    case Action::RecordVote: return "record_vote";
    case Action::Decide: return "decide";
  }
  return "";
}

std::optional<Action> parseAction(const std::string& name) {
  for (Action a : {Action::Submit, Action::Approve, Action::Return, Action::Reject, Action::Withdraw,
                   Action::RemoveCandidate, Action::RecordVote, Action::Decide})
    if (name == actionName(a)) return a;
  return std::nullopt;
}

namespace {

Error forbidden(const std::string& why) { return makeError(ErrorCode::Forbidden, why); }
Error invalid(const std::string& why) { return makeError(ErrorCode::InvalidTransition, why); }
Error validation(const std::string& why, const std::string& field) {
  return makeError(ErrorCode::Validation, why, field);
}
Error notFound(const std::string& why) { return makeError(ErrorCode::NotFound, why); }

// Normalises a text field to NFC; nullopt if it is not valid UTF-8.
std::optional<std::string> nfc(const std::string& s) {
  try {
    return thidua::toNfc(s);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool visibleTo(const User& actor, const Submission& s) {
  if (actor.hasRole(Role::QuanTri)) return true;
  if (actor.unitId == s.proposerUnitId) return true;
  return std::find(s.stepOwners.begin(), s.stepOwners.end(), actor.unitId) != s.stepOwners.end();
}

std::string decisionText(int number, const std::string& code) {
  // NĐ 30/2020/NĐ-CP Phụ lục I: numbers below 10 are written with a leading 0 ("05/QĐ-UBND").
  return (number < 10 ? "0" : "") + std::to_string(number) + "/" + code;
}

}  // namespace

struct Engine::Impl {
  Store& store;
  const Clock& clock;
  EngineLimits limits;
  std::mutex routesMutex;
  std::map<std::pair<std::string, int>, Route> routes;  // versions are immutable once stored
  std::mutex calendarMutex;
  std::shared_ptr<const WorkingCalendar> calendar;     // holidays, reloaded every kCalendarTtl
  std::chrono::steady_clock::time_point calendarLoaded;
  static constexpr std::chrono::seconds kCalendarTtl{30};

  Impl(Store& s, const Clock& c, EngineLimits l) : store(s), clock(c), limits(l) {}

  Date today() const { return vietnamDate(clock.now()); }

  std::optional<Route> route(Transaction& tx, const std::string& formId, int version) {
    {
      std::lock_guard<std::mutex> lock(routesMutex);
      auto it = routes.find({formId, version});
      if (it != routes.end()) return it->second;
    }
    std::optional<Route> r = tx.findRoute(formId, version);
    if (r) {
      std::lock_guard<std::mutex> lock(routesMutex);
      routes.emplace(std::make_pair(formId, version), *r);
    }
    return r;
  }

  // Due date of a step entered today: its time limit in working days (Luật TĐKT 06/2022/QH15 and
  // NĐ 98/2023 / NĐ 152/2025 count limits in working days; holidays from the configured calendar).
  Date dueDate(Transaction& tx, int workingDays) {
    if (workingDays <= 0) return Date{};
    return workingCalendar(tx)->addWorkingDays(today(), workingDays);
  }

  // The holiday calendar, cached for a short while (it changes only when configuration is loaded).
  std::shared_ptr<const WorkingCalendar> workingCalendar(Transaction& tx) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard<std::mutex> lock(calendarMutex);
      if (calendar && now - calendarLoaded < kCalendarTtl) return calendar;
    }
    auto fresh = std::make_shared<const WorkingCalendar>(tx.listCalendarDays(Date{1, 1, 1}, Date{9999, 12, 31}));
    std::lock_guard<std::mutex> lock(calendarMutex);
    calendar = fresh;
    calendarLoaded = now;
    return fresh;
  }

  void enterStep(Transaction& tx, Submission& s, const Route& r, int step) {
    s.currentStep = step;
    s.currentOwnerUnitId = s.stepOwners.at(step);
    s.stepArrivedAt = clock.now();
    s.stepDueDate = dueDate(tx, r.steps.at(step).dueWorkingDays);
  }

  void audit(Transaction& tx, const User& actor, const Submission& s, const std::string& action,
             SubmissionState from, int fromStep, const std::string& comment) {
    AuditEvent e;
    e.at = clock.now();
    e.userId = actor.id;
    e.unitId = actor.unitId;
    e.submissionId = s.id;
    e.action = action;
    e.fromState = from == s.state && action == "create" ? "" : stateName(from);
    e.toState = stateName(s.state);
    e.fromStep = fromStep;
    e.toStep = s.currentStep;
    e.comment = comment;
    appendAudit(tx, e);
  }

  // Runs `body` in one write transaction with idempotency handling (see Idempotency in engine.h).
  template <typename Body>
  ActionOutcome run(const User& actor, const Idempotency* idem, Body body) {
    const bool keyed = idem != nullptr && !idem->key.empty();
    for (int attempt = 0;; ++attempt) {
      try {
        auto tx = store.begin(TxMode::Write);
        if (keyed) {
          if (auto rec = tx->findIdempotency(actor.id, idem->key)) {
            if (rec->fingerprint != idem->fingerprint)
              return ActionOutcome{makeError(ErrorCode::Conflict,
                                             "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác",
                                             "Idempotency-Key"),
                                   std::nullopt, false};
            std::optional<Submission> current =
                rec->submissionId ? tx->findSubmission(rec->submissionId, true) : std::nullopt;
            Result<Submission> result = current ? Result<Submission>(*current)
                                                : Result<Submission>(notFound("Không tìm thấy tờ trình"));
            return ActionOutcome{std::move(result), StoredResponse{rec->status, rec->body}, true};
          }
        }
        Result<Submission> result = body(*tx);
        if (!result.ok()) return ActionOutcome{std::move(result), std::nullopt, false};
        std::optional<StoredResponse> response;
        if (keyed) {
          response = idem->render ? idem->render(result.value()) : StoredResponse{};
          tx->insertIdempotency(IdempotencyRecord{actor.id, idem->key, idem->fingerprint, response->status,
                                                  response->body, result.value().id, clock.now()});
        }
        tx->commit();
        return ActionOutcome{std::move(result), std::move(response), false};
      } catch (const std::exception&) {
        // A concurrent request with the same key may have won the insert; the retry replays it.
        if (!keyed || attempt > 0) throw;
      }
    }
  }

  Result<Submission> loadForAction(Transaction& tx, const User& actor, std::int64_t id, bool details) {
    std::optional<Submission> s = tx.findSubmission(id, details, true);
    if (!s) return notFound("Không tìm thấy tờ trình số " + std::to_string(id));
    if (!visibleTo(actor, *s)) return forbidden("Bạn không có quyền xem tờ trình này");
    return *s;
  }

  Status validateContent(Transaction& tx, const NewSubmission& in, const std::string& campaignId,
                         const std::string& roundId, const std::string& formId, NewSubmission& out) {
    out = in;
    auto title = nfc(trimmed(in.title));
    if (!title || title->empty()) return validation("Tiêu đề tờ trình không được để trống", "title");
    out.title = *title;
    std::optional<AwardForm> form = tx.findAwardForm(formId);
    if (!form) return validation("Hình thức khen thưởng không tồn tại", "awardFormId");
    std::optional<Campaign> campaign = tx.findCampaign(campaignId);
    if (!campaign) return validation("Phong trào thi đua không tồn tại", "campaignId");
    const CampaignRound* round = nullptr;
    for (const CampaignRound& r : campaign->rounds)
      if (r.id == roundId) round = &r;
    if (!round) return validation("Đợt xét khen thưởng không thuộc phong trào", "roundId");
    // A round allows only the award forms its plan names (e.g. the plan of QĐ 1315/QĐ-TTg lists the forms
    // for the sơ kết 2025 and tổng kết 2030 rounds).
    if (std::find(round->allowedAwardFormIds.begin(), round->allowedAwardFormIds.end(), formId) ==
        round->allowedAwardFormIds.end())
      return validation("Đợt xét khen thưởng không áp dụng hình thức này", "awardFormId");
    if (in.candidates.empty()) return validation("Tờ trình phải có ít nhất một đối tượng đề nghị", "candidates");
    if (static_cast<int>(in.candidates.size()) > limits.maxCandidates)
      return makeError(ErrorCode::TooLarge, "Tờ trình có quá nhiều đối tượng đề nghị", "candidates");
    for (std::size_t i = 0; i < in.candidates.size(); ++i) {
      const std::string f = "candidates[" + std::to_string(i) + "]";
      Candidate& c = out.candidates[i];
      c.id = 0;
      c.status = CandidateStatus::Active;
      c.removedReason.clear();
      c.removedAtStep = -1;
      // Each award form is given only to the subjects the law names for it (Luật TĐKT 06/2022/QH15).
      if (!form->accepts(c.kind))
        return validation("Hình thức \"" + form->name + "\" không áp dụng cho loại đối tượng này", f + ".kind");
      for (auto [field, value] : {std::pair<const char*, std::string*>{"name", &c.name}, {"position", &c.position},
                                  {"unitName", &c.unitName}, {"achievement", &c.achievement}}) {
        auto v = nfc(trimmed(*value));
        if (!v) return validation("Văn bản không phải UTF-8 hợp lệ", f + "." + field);
        *value = *v;
      }
      if (c.name.empty()) return validation("Tên đối tượng không được để trống", f + ".name");
    }
    return {};
  }

  Status voteSatisfied(Transaction& tx, const Submission& s, const Route& r) {
    // Council votes are counted on TOTAL membership, not on those present, and the percentage goes into
    // the minutes (Luật TĐKT 06/2022/QH15; NĐ 98/2023/NĐ-CP, from 01/07/2025 NĐ 152/2025/NĐ-CP).
    if (!r.steps.at(s.currentStep).requiresVote) return {};
    std::optional<Submission> full = tx.findSubmission(s.id, true);
    const VoteRecord* last = nullptr;
    for (const VoteRecord& v : full->votes)
      if (v.step == s.currentStep) last = &v;
    if (!last) return invalid("Bước này cần biên bản biểu quyết của Hội đồng Thi đua - Khen thưởng");
    std::optional<AwardForm> form = tx.findAwardForm(s.awardFormId);
    const int threshold = form ? form->voteThresholdPercent : 0;
    if (threshold > 0 &&
        static_cast<std::int64_t>(last->inFavour) * 100 < static_cast<std::int64_t>(threshold) * last->membersTotal)
      return invalid("Số phiếu đồng ý chưa đạt " + std::to_string(threshold) +
                     "% tổng số thành viên Hội đồng");
    return {};
  }

  Result<Submission> perform(Transaction& tx, const User& actor, const ActionRequest& req) {
    const bool needDetails = req.action == Action::RemoveCandidate || req.action == Action::Decide;
    Result<Submission> loaded = loadForAction(tx, actor, req.submissionId, needDetails);
    if (!loaded.ok()) return loaded;
    Submission s = std::move(loaded).value();
    const SubmissionState fromState = s.state;
    const int fromStep = s.currentStep;
    const std::int64_t stored = s.version;
    std::string comment = trimmed(req.comment);
    if (auto c = nfc(comment)) comment = *c;
    else return validation("Văn bản không phải UTF-8 hợp lệ", "comment");

    const bool inReview = s.state == SubmissionState::InReview;
    const bool isOwner = inReview && actor.unitId == s.currentOwnerUnitId;
    const bool isProposer = actor.unitId == s.proposerUnitId && actor.hasRole(Role::DeXuat);
    const bool reviewer = actor.hasRole(Role::ThamDinh) || actor.hasRole(Role::PheDuyet);
    std::optional<Route> route = this->route(tx, s.awardFormId, s.routeVersion);
    if (!route || route->steps.empty()) throw std::runtime_error("route of submission missing");
    const int last = static_cast<int>(route->steps.size()) - 1;

    // State check first, then who may act: a person acts only for their own unit, only on the step their
    // unit owns, with the role of that action, and never approves or decides their own proposal
    // (Luật TĐKT 06/2022/QH15: the proposing level, the appraising body and the deciding authority
    // are distinct).
    switch (req.action) {
      case Action::Submit:
        if (s.state != SubmissionState::Draft && s.state != SubmissionState::Returned)
          return invalid("Chỉ gửi được tờ trình đang soạn hoặc bị trả lại");
        if (!isProposer) return forbidden("Chỉ cán bộ đề xuất của đơn vị đề nghị được gửi tờ trình");
        break;
      case Action::Withdraw:
        if (s.state != SubmissionState::Draft && s.state != SubmissionState::Returned &&
            s.state != SubmissionState::InReview)
          return invalid("Tờ trình đã kết thúc, không thể rút");
        if (!isProposer) return forbidden("Chỉ cán bộ đề xuất của đơn vị đề nghị được rút tờ trình");
        break;
      case Action::Approve:
      case Action::Decide:
      case Action::Reject:
        if (!inReview) return invalid("Tờ trình không ở trạng thái đang xét duyệt");
        if (!isOwner || !actor.hasRole(Role::PheDuyet))
          return forbidden("Chỉ lãnh đạo của đơn vị xử lý bước hiện tại được thực hiện thao tác này");
        if (req.action != Action::Reject && actor.id == s.createdBy)
          return forbidden("Người lập tờ trình không được tự phê duyệt");
        if (req.action == Action::Approve && s.currentStep == last)
          return invalid("Bước cuối cùng phải ra quyết định khen thưởng, không chuyển tiếp");
        if (req.action == Action::Decide && s.currentStep != last)
          return invalid("Chỉ cấp có thẩm quyền ở bước cuối cùng được quyết định");
        break;
      case Action::Return:
      case Action::RecordVote:
        if (!inReview) return invalid("Tờ trình không ở trạng thái đang xét duyệt");
        if (!isOwner || !reviewer)
          return forbidden("Chỉ cán bộ thẩm định hoặc lãnh đạo của đơn vị xử lý bước hiện tại được thực hiện");
        break;
      case Action::RemoveCandidate:
        if (inReview) {
          if (!isOwner || !reviewer)
            return forbidden("Chỉ cán bộ thẩm định hoặc lãnh đạo của đơn vị xử lý bước hiện tại được loại đối tượng");
        } else if (s.state == SubmissionState::Draft || s.state == SubmissionState::Returned) {
          if (!isProposer) return forbidden("Chỉ cán bộ đề xuất của đơn vị đề nghị được sửa tờ trình");
        } else {
          return invalid("Tờ trình đã kết thúc");
        }
        break;
    }
    if (req.expectedVersion != stored)
      return makeError(ErrorCode::StaleVersion,
                       "Tờ trình đã được thay đổi (phiên bản hiện tại " + std::to_string(stored) +
                           "); hãy tải lại rồi thực hiện lại",
                       "expectedVersion");

    const TimePoint now = clock.now();
    switch (req.action) {
      case Action::Submit: {
        if (s.stepOwners.empty()) {
          Result<std::vector<std::string>> owners = resolveStepOwners(tx, *route, s.proposerUnitId);
          if (!owners.ok()) return owners.error();
          s.stepOwners = owners.value();
        }
        if (s.submittedAt == 0) {
          // Dossiers sent before 01/07/2025 stay under NĐ 98/2023/NĐ-CP; later ones follow NĐ 152/2025/NĐ-CP:
          // the legal basis in force on the submission date is recorded once.
          const Date d = today();
          for (const LegalBasis& b : tx.listLegalBases())
            if (b.effectiveFrom <= d && (!b.effectiveTo.valid() || d <= b.effectiveTo)) s.legalBasis = b.code;
          s.submittedAt = now;
        }
        // A resubmission comes back to the step that returned it.
        const int target = s.state == SubmissionState::Returned && s.returnedFromStep >= 0 ? s.returnedFromStep : 0;
        s.returnedFromStep = -1;
        s.state = SubmissionState::InReview;
        enterStep(tx, s, *route, target);
        break;
      }
      case Action::Approve: {
        if (Status v = voteSatisfied(tx, s, *route); !v.ok()) return v.error();
        int next = s.currentStep + 1;
        while (next < last && s.stepOwners.at(next).empty()) ++next;  // optional step without owner: skipped
        if (s.returnedFromStep > s.currentStep) next = s.returnedFromStep;  // back to the step that returned it
        s.returnedFromStep = -1;
        enterStep(tx, s, *route, next);
        break;
      }
      case Action::Return: {
        // A dossier that does not comply is returned with its reasons (Luật TĐKT 06/2022/QH15 with
        // NĐ 98/2023/NĐ-CP, from 01/07/2025 NĐ 152/2025/NĐ-CP: return within 10 working days, stating why).
        if (comment.empty()) return validation("Phải nêu lý do trả lại", "comment");
        if (req.toStep >= s.currentStep || req.toStep < -1)
          return validation("Chỉ trả lại cho đơn vị đề nghị hoặc một bước trước", "toStep");
        if (req.toStep >= 0 && s.stepOwners.at(req.toStep).empty())
          return validation("Bước này không áp dụng cho tờ trình (đã được bỏ qua)", "toStep");
        s.returnedFromStep = s.currentStep;
        if (req.toStep == -1) {
          s.state = SubmissionState::Returned;
          s.currentOwnerUnitId = s.proposerUnitId;
          s.stepArrivedAt = now;
          s.stepDueDate = Date{};
        } else {
          enterStep(tx, s, *route, req.toStep);
        }
        break;
      }
      case Action::Reject:
        // A refusal states its reasons, like a return (same basis as Return above).
        if (comment.empty()) return validation("Phải nêu lý do không đồng ý", "comment");
        s.state = SubmissionState::Rejected;
        s.currentOwnerUnitId.clear();
        s.stepDueDate = Date{};
        break;
      case Action::Withdraw:
        // No legal text governs withdrawal; the proposing body may take back its own proposal until a
        // decision exists (after it, only the deciding authority can revoke — Luật TĐKT 06/2022/QH15).
        s.state = SubmissionState::Withdrawn;
        s.currentOwnerUnitId.clear();
        s.stepDueDate = Date{};
        break;
      case Action::RemoveCandidate: {
        // Each level appraises every candidate and may drop those who do not meet the criteria, with a
        // reason (Luật TĐKT 06/2022/QH15; e.g. nomination is suspended while under discipline/inspection).
        if (comment.empty()) return validation("Phải nêu lý do loại đối tượng", "comment");
        Candidate* target = nullptr;
        int active = 0;
        for (Candidate& c : s.candidates) {
          if (c.id == req.candidateId) target = &c;
          if (c.status == CandidateStatus::Active) ++active;
        }
        if (!target) return notFound("Không tìm thấy đối tượng đề nghị trong tờ trình");
        if (target->status != CandidateStatus::Active) return invalid("Đối tượng này đã bị loại");
        if (active <= 1)
          return invalid("Không thể loại đối tượng cuối cùng; hãy trả lại hoặc không đồng ý tờ trình");
        target->status = CandidateStatus::Removed;
        target->removedReason = comment;
        target->removedAtStep = s.currentStep;
        tx.updateCandidate(s.id, *target);
        comment = "Loại đối tượng \"" + target->name + "\": " + comment;
        break;
      }
      case Action::RecordVote: {
        if (!route->steps.at(s.currentStep).requiresVote)
          return invalid("Bước này không yêu cầu biểu quyết của Hội đồng");
        VoteRecord v = req.vote;
        v.step = s.currentStep;
        if (v.membersTotal <= 0) return validation("Tổng số thành viên Hội đồng phải lớn hơn 0", "vote.membersTotal");
        if (v.inFavour < 0 || v.against < 0 || v.inFavour + v.against > v.membersTotal)
          return validation("Số phiếu không hợp lệ so với tổng số thành viên", "vote.inFavour");
        if (!v.meetingDate.valid()) v.meetingDate = today();
        tx.insertVote(s.id, v);
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.1f", v.percentInFavour());
        comment = "Biểu quyết: " + std::to_string(v.inFavour) + "/" + std::to_string(v.membersTotal) +
                  " thành viên đồng ý (" + pct + "%)" + (comment.empty() ? "" : "; " + comment);
        break;
      }
      case Action::Decide: {
        if (Status v = voteSatisfied(tx, s, *route); !v.ok()) return v.error();
        std::optional<Unit> issuer = tx.findUnit(s.currentOwnerUnitId);
        if (!issuer) throw std::runtime_error("issuer unit missing: " + s.currentOwnerUnitId);
        const Date day = today();
        // Numbering per issuing body and calendar year, restarting on 01/01 (NĐ 30/2020/NĐ-CP Phụ lục I).
        Decision d;
        d.year = day.year;
        d.number = tx.allocateDecisionNumber(issuer->id, d.year);
        d.code = "QĐ-" + issuer->docCode;
        d.text = decisionText(d.number, d.code);
        d.issuerUnitId = issuer->id;
        d.date = day;
        s.decision = d;
        for (Candidate& c : s.candidates) {
          // The decision awards the candidates still proposed; those removed along the route are not
          // awarded (partial awards), and the decision's annex lists only the former (Luật TĐKT 06/2022/QH15).
          c.status = c.status == CandidateStatus::Active ? CandidateStatus::Awarded : CandidateStatus::NotAwarded;
          tx.updateCandidate(s.id, c);
          if (c.status != CandidateStatus::Awarded) continue;
          tx.insertAward(Award{s.id, c.id, c.name, c.kind, c.unitName, s.proposerUnitId, s.awardFormId,
                               s.campaignId, s.roundId, d.year, d.text, d.date, d.issuerUnitId});
        }
        s.state = SubmissionState::Decided;
        s.currentOwnerUnitId.clear();
        s.stepDueDate = Date{};
        comment = "Quyết định số " + d.text + (comment.empty() ? "" : "; " + comment);
        break;
      }
    }
    s.version = stored + 1;
    if (!tx.updateSubmission(s, stored))
      return makeError(ErrorCode::StaleVersion, "Tờ trình đã được thay đổi; hãy tải lại", "expectedVersion");
    audit(tx, actor, s, actionName(req.action), fromState, fromStep, comment);
    return s;
  }
};

Engine::Engine(Store& store, const Clock& clock, EngineLimits limits)
    : impl_(std::make_unique<Impl>(store, clock, limits)) {}

Engine::~Engine() = default;

ActionOutcome Engine::create(const User& actor, const NewSubmission& draft, const Idempotency* idem) {
  return impl_->run(actor, idem, [&](Transaction& tx) -> Result<Submission> {
    if (!actor.hasRole(Role::DeXuat)) return forbidden("Chỉ cán bộ đề xuất được lập tờ trình");
    NewSubmission content;
    if (Status v = impl_->validateContent(tx, draft, draft.campaignId, draft.roundId, draft.awardFormId, content);
        !v.ok())
      return v.error();
    std::optional<Route> route = tx.findRouteInForce(draft.awardFormId, impl_->today());
    if (!route) return validation("Hình thức khen thưởng chưa có quy trình xét duyệt có hiệu lực", "awardFormId");
    Submission s;
    s.proposerUnitId = actor.unitId;
    s.createdBy = actor.id;
    s.campaignId = draft.campaignId;
    s.roundId = draft.roundId;
    s.awardFormId = draft.awardFormId;
    s.routeVersion = route->version;  // a submission keeps the route version it started with
    s.title = content.title;
    s.state = SubmissionState::Draft;
    s.currentOwnerUnitId = actor.unitId;
    s.version = 1;
    s.createdAt = impl_->clock.now();
    s.stepArrivedAt = s.createdAt;
    tx.insertSubmission(s);
    for (Candidate& c : content.candidates) {
      tx.insertCandidate(s.id, c);
      s.candidates.push_back(c);
    }
    impl_->audit(tx, actor, s, "create", s.state, -1, s.title);
    return s;
  });
}

Result<Submission> Engine::updateDraft(const User& actor, std::int64_t submissionId, std::int64_t expectedVersion,
                                       const NewSubmission& content) {
  return impl_->run(actor, nullptr, [&](Transaction& tx) -> Result<Submission> {
    Result<Submission> loaded = impl_->loadForAction(tx, actor, submissionId, false);
    if (!loaded.ok()) return loaded;
    Submission s = std::move(loaded).value();
    if (s.state != SubmissionState::Draft && s.state != SubmissionState::Returned)
      return invalid("Chỉ sửa được tờ trình đang soạn hoặc bị trả lại");
    if (actor.unitId != s.proposerUnitId || !actor.hasRole(Role::DeXuat))
      return forbidden("Chỉ cán bộ đề xuất của đơn vị đề nghị được sửa tờ trình");
    if (s.version != expectedVersion)
      return makeError(ErrorCode::StaleVersion, "Tờ trình đã được thay đổi; hãy tải lại", "expectedVersion");
    NewSubmission clean;
    if (Status v = impl_->validateContent(tx, content, s.campaignId, s.roundId, s.awardFormId, clean); !v.ok())
      return v.error();
    s.title = clean.title;
    tx.deleteCandidates(s.id);
    for (Candidate& c : clean.candidates) {
      tx.insertCandidate(s.id, c);
      s.candidates.push_back(c);
    }
    const std::int64_t stored = s.version;
    s.version = stored + 1;
    if (!tx.updateSubmission(s, stored)) return makeError(ErrorCode::StaleVersion, "Tờ trình đã được thay đổi");
    impl_->audit(tx, actor, s, "update", s.state, s.currentStep, "");
    return *tx.findSubmission(s.id, true);
  }).result;
}

Result<AttachmentInfo> Engine::addAttachment(const User& actor, std::int64_t submissionId, std::int64_t candidateId,
                                             const std::string& fileName, const std::string& mediaType,
                                             const std::string& bytes) {
  if (static_cast<std::int64_t>(bytes.size()) > impl_->limits.maxAttachmentBytes)
    return makeError(ErrorCode::TooLarge,
                     "Tệp đính kèm vượt quá " + std::to_string(impl_->limits.maxAttachmentBytes / (1024 * 1024)) + " MB",
                     "file");
  auto name = nfc(trimmed(fileName));
  if (!name || name->empty()) return validation("Tên tệp không hợp lệ", "fileName");
  AttachmentInfo info;
  ActionOutcome out = impl_->run(actor, nullptr, [&](Transaction& tx) -> Result<Submission> {
    Result<Submission> loaded = impl_->loadForAction(tx, actor, submissionId, candidateId != 0);
    if (!loaded.ok()) return loaded;
    Submission s = std::move(loaded).value();
    const bool editable = s.state == SubmissionState::Draft || s.state == SubmissionState::Returned;
    if (editable) {
      if (actor.unitId != s.proposerUnitId || !actor.hasRole(Role::DeXuat))
        return forbidden("Chỉ cán bộ đề xuất của đơn vị đề nghị được đính kèm hồ sơ");
    } else if (s.state == SubmissionState::InReview) {
      if (actor.unitId != s.currentOwnerUnitId || !(actor.hasRole(Role::ThamDinh) || actor.hasRole(Role::PheDuyet)))
        return forbidden("Chỉ đơn vị xử lý bước hiện tại được đính kèm hồ sơ");
    } else {
      return invalid("Tờ trình đã kết thúc");
    }
    if (candidateId != 0 && std::none_of(s.candidates.begin(), s.candidates.end(),
                                         [&](const Candidate& c) { return c.id == candidateId; }))
      return notFound("Không tìm thấy đối tượng đề nghị trong tờ trình");
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(bytes);
    info.submissionId = s.id;
    info.candidateId = candidateId;
    info.fileName = *name;
    info.mediaType = mediaType.empty() ? "application/octet-stream" : mediaType;
    info.size = static_cast<std::int64_t>(bytes.size());
    info.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
    info.createdAt = impl_->clock.now();
    tx.insertAttachment(info, bytes);
    const std::int64_t stored = s.version;
    s.version = stored + 1;
    if (!tx.updateSubmission(s, stored)) return makeError(ErrorCode::StaleVersion, "Tờ trình đã được thay đổi");
    impl_->audit(tx, actor, s, "attach", s.state, s.currentStep, info.fileName + " sha256=" + info.sha256);
    return s;
  });
  if (!out.result.ok()) return out.result.error();
  return info;
}

ActionOutcome Engine::act(const User& actor, const ActionRequest& request, const Idempotency* idem) {
  return impl_->run(actor, idem, [&](Transaction& tx) { return impl_->perform(tx, actor, request); });
}

Result<Submission> Engine::get(const User& actor, std::int64_t submissionId) {
  auto tx = impl_->store.begin(TxMode::Read);
  std::optional<Submission> s = tx->findSubmission(submissionId, true);
  if (!s) return notFound("Không tìm thấy tờ trình số " + std::to_string(submissionId));
  if (!visibleTo(actor, *s)) return forbidden("Bạn không có quyền xem tờ trình này");
  return *s;
}

Result<Attachment> Engine::getAttachment(const User& actor, std::int64_t attachmentId) {
  auto tx = impl_->store.begin(TxMode::Read);
  std::optional<Attachment> a = tx->findAttachment(attachmentId);
  if (!a) return notFound("Không tìm thấy tệp đính kèm");
  std::optional<Submission> s = tx->findSubmission(a->info.submissionId, false);
  if (!s || !visibleTo(actor, *s)) return forbidden("Bạn không có quyền xem tệp này");
  return *a;
}

Result<std::vector<AuditEvent>> Engine::history(const User& actor, std::int64_t submissionId) {
  auto tx = impl_->store.begin(TxMode::Read);
  std::optional<Submission> s = tx->findSubmission(submissionId, false);
  if (!s) return notFound("Không tìm thấy tờ trình số " + std::to_string(submissionId));
  if (!visibleTo(actor, *s)) return forbidden("Bạn không có quyền xem tờ trình này");
  return tx->listAuditEventsOf(submissionId);
}

std::vector<InboxItem> Engine::inbox(const User& actor) {
  auto tx = impl_->store.begin(TxMode::Read);
  const Date today = impl_->today();
  std::vector<InboxItem> out;
  for (Submission& s : tx->listSubmissionsOwnedBy(actor.unitId)) {
    const bool overdue = s.state == SubmissionState::InReview && s.stepDueDate.valid() && s.stepDueDate < today;
    out.push_back(InboxItem{std::move(s), overdue});
  }
  return out;
}

std::vector<InboxItem> Engine::overdue() {
  auto tx = impl_->store.begin(TxMode::Read);
  std::vector<InboxItem> out;
  for (Submission& s : tx->listOverdue(impl_->today())) out.push_back(InboxItem{std::move(s), true});
  return out;
}

std::vector<Award> Engine::searchAwards(const AwardQuery& query) {
  auto tx = impl_->store.begin(TxMode::Read);
  return tx->searchAwards(query);
}

}  // namespace thidua::wf
