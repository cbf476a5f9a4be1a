#pragma once
// The approval engine: nominations (tờ trình) climb their award form's route step by step
// (Luật TĐKT 06/2022/QH15; NĐ 98/2023/NĐ-CP until 30/06/2025, NĐ 152/2025/NĐ-CP from 01/07/2025).
// Each action is one write transaction that checks permission, version and state, changes the
// submission and appends one audit event. Knows no HTTP and no SQL.

#include "workflow/clock.h"
#include "workflow/model.h"
#include "workflow/result.h"
#include "workflow/store.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace thidua::wf {

enum class Action {
  Submit,           ///< "submit": draft/returned -> in_review (proposer, de_xuat)
  Approve,          ///< "approve": forward to the next step (step owner, phe_duyet)
  Return,           ///< "return": back to the proposer (toStep = -1) or an earlier step (tham_dinh|phe_duyet)
  Reject,           ///< "reject": closes as rejected, reason required (phe_duyet)
  Withdraw,         ///< "withdraw": proposer takes it back, not after decided (de_xuat)
  RemoveCandidate,  ///< "remove_candidate": reason required (tham_dinh|phe_duyet of the current step)
  RecordVote,       ///< "record_vote": council vote at a step that requires it (tham_dinh|phe_duyet)
  Decide,           ///< "decide": last step only; allocates the decision number (phe_duyet)
};
const char* actionName(Action a);
std::optional<Action> parseAction(const std::string& name);

/// One action on a submission.
struct ActionRequest {
  Action action = Action::Approve;
  std::int64_t submissionId = 0;
  std::int64_t expectedVersion = 0;  ///< must equal the stored version, else StaleVersion
  std::string comment;               ///< reason (required for return, reject, remove_candidate)
  int toStep = -1;                   ///< return: -1 = to the proposer, else an earlier step index
  std::int64_t candidateId = 0;      ///< remove_candidate
  VoteRecord vote;                   ///< record_vote (vote.step is set by the engine)
};

/// A new draft (or the new content of a draft).
struct NewSubmission {
  std::string campaignId;
  std::string roundId;
  std::string awardFormId;
  std::string title;
  std::vector<Candidate> candidates;  ///< id/status ignored
};

/// What the server recorded as the answer of an action (opaque to the engine).
struct StoredResponse {
  int status = 0;
  std::string body;
};

/// Idempotency of one request: on success the engine calls render(submission) inside the action's
/// transaction and stores (actor, key, fingerprint, response). A later request with the same key and
/// fingerprint is answered with the stored response and changes nothing; the same key with another
/// fingerprint gets Conflict. Failed actions store nothing (a retry is evaluated afresh).
struct Idempotency {
  std::string key;
  std::string fingerprint;
  std::function<StoredResponse(const Submission&)> render;
};

/// The outcome of an action. When replayed, `result` holds the submission as it is now and `response`
/// the stored answer; when an Idempotency was given and the action succeeded, `response` holds what
/// render() produced.
struct ActionOutcome {
  Result<Submission> result;
  std::optional<StoredResponse> response;
  bool replayed = false;
};

/// A submission in someone's inbox.
struct InboxItem {
  Submission submission;  ///< header only
  bool overdue = false;   ///< due date before today
};

/// Limits (NĐ 30/2020 electronic documents; a practical bound for the dossier).
struct EngineLimits {
  std::int64_t maxAttachmentBytes = 10 * 1024 * 1024;
  int maxCandidates = 500;
};

/// Thread-safe: one Engine may serve every thread (it holds only caches behind a mutex: route versions,
/// which never change, and the holiday calendar, re-read at most 30 s after a configuration load).
/// `store` and `clock` must outlive it.
class Engine {
 public:
  Engine(Store& store, const Clock& clock, EngineLimits limits = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Creates a draft in the actor's unit (role de_xuat). Validates campaign, round, award form allowed by
  /// the round, candidate kinds accepted by the form, at least one candidate, and that a route is in force
  /// (its version is kept). Errors: Forbidden, NotFound (campaign …), Validation (field named).
  ActionOutcome create(const User& actor, const NewSubmission& draft, const Idempotency* idem = nullptr);

  /// Replaces title and candidates of a draft or returned submission (proposer unit, de_xuat).
  Result<Submission> updateDraft(const User& actor, std::int64_t submissionId, std::int64_t expectedVersion,
                                 const NewSubmission& content);

  /// Stores a file for the submission (or one of its candidates); SHA-256 computed here. Allowed to the
  /// proposer unit while draft/returned, and to the current step owner while in review.
  /// Errors: TooLarge, Validation (empty name), Forbidden, NotFound. Increments the version.
  Result<AttachmentInfo> addAttachment(const User& actor, std::int64_t submissionId, std::int64_t candidateId,
                                       const std::string& fileName, const std::string& mediaType,
                                       const std::string& bytes);

  /// Performs one action (see Action). Errors: NotFound, Forbidden, StaleVersion, InvalidTransition,
  /// Validation (missing reason, bad vote), Conflict (idempotency key reuse).
  ActionOutcome act(const User& actor, const ActionRequest& request, const Idempotency* idem = nullptr);

  /// The submission with details, if the actor may see it (their unit proposed it or owns a step of it,
  /// or they are quan_tri). Errors: NotFound, Forbidden.
  Result<Submission> get(const User& actor, std::int64_t submissionId);

  /// An attachment with bytes, under the same visibility as get().
  Result<Attachment> getAttachment(const User& actor, std::int64_t attachmentId);

  /// Audit events of a submission, under the same visibility as get().
  Result<std::vector<AuditEvent>> history(const User& actor, std::int64_t submissionId);

  /// What waits for the actor's unit: drafts and returned ones of the proposer unit, in_review ones whose
  /// current step the unit owns. Overdue flag computed against the clock's Vietnamese date.
  std::vector<InboxItem> inbox(const User& actor);

  /// Every in_review submission past its step's due date (as of the clock's Vietnamese date).
  std::vector<InboxItem> overdue();

  /// Decided awards (public record).
  std::vector<Award> searchAwards(const AwardQuery& query);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace thidua::wf
