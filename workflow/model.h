#pragma once
// Domain types of the emulation-and-commendation workflow (thi đua, khen thưởng). Plain values, no
// behaviour beyond small helpers; the rules live in the engine. Levels and unit kinds are data (strings
// from configuration) because the organisation changed on 01/07/2025 (Luật Tổ chức chính quyền địa
// phương 72/2025/QH15: two-tier local government) and associations have trees of their own.

#include "workflow/date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace thidua::wf {

/// A node of the organisation tree: a People's Committee, a department, an association branch, a school …
struct Unit {
  std::string id;        ///< stable code, e.g. "bp.xa.tan-tien"
  std::string name;      ///< "UBND xã Tân Tiến"
  std::string level;     ///< trung_uong, bo_nganh, tinh, so_ban_nganh, huyen, xa, co_so, …
  std::string kind;      ///< ubnd, so_noi_vu, so_gddt, hoi_khuyen_hoc, truong, thu_tuong, bo_noi_vu, …
  std::string parentId;  ///< "" for a root
  std::string docCode;   ///< issuing-body code in document numbers: "UBND" in "125/QĐ-UBND"
  std::string place;     ///< place name written before the date of documents: "Bình Phước"
};

/// Roles a person holds in their unit (Luật TĐKT 06/2022/QH15: the proposing level prepares the dossier,
/// the councils and their standing offices appraise, the head of the deciding body decides).
enum class Role {
  DeXuat,    ///< "de_xuat": cán bộ đề xuất — creates, submits, withdraws nominations
  ThamDinh,  ///< "tham_dinh": chuyên viên thẩm định — returns, removes candidates, records votes
  PheDuyet,  ///< "phe_duyet": lãnh đạo phê duyệt — approves, rejects, decides (and what tham_dinh does)
  QuanTri,   ///< "quan_tri": quản trị — administration, reads everything
};
const char* roleName(Role r);
std::optional<Role> parseRole(const std::string& name);

struct User {
  std::string id;
  std::string username;
  std::string fullName;
  std::string unitId;
  std::vector<Role> roles;
  std::string passwordHash;  ///< libsodium crypto_pwhash_str string ("$argon2id$…"); opaque to workflow
  bool hasRole(Role r) const;
};

/// Candidate kinds an award form may accept (Luật TĐKT 06/2022/QH15: cá nhân, tập thể, hộ gia đình;
/// the plan of QĐ 1315/QĐ-TTg adds dòng họ, doanh nghiệp and other subjects).
extern const std::vector<std::string> kCandidateKinds;  // ca_nhan ho_gia_dinh dong_ho tap_the doanh_nghiep khac

/// An award form of the catalogue (Giấy khen, Bằng khen, danh hiệu …).
struct AwardForm {
  std::string id;                          ///< "bk-ttg"
  std::string name;                        ///< "Bằng khen của Thủ tướng Chính phủ"
  std::string category;                    ///< giay_khen, bang_khen, danh_hieu, …
  std::string decidingAuthority;           ///< "Thủ tướng Chính phủ"
  std::vector<std::string> candidateKinds; ///< subset of kCandidateKinds
  int voteThresholdPercent = 0;            ///< of TOTAL council membership; 0 = no vote threshold
  std::string legalBasis;                  ///< "Điều 71 Luật TĐKT 06/2022/QH15"
  bool accepts(const std::string& candidateKind) const;
};

/// Who owns a route step. Either a fixed unit (`unitId` non-empty) or a selector relative to the
/// proposing unit: take the proposer's nearest ancestor-or-self at `scopeLevel`; if its kind is `kind`
/// (or `kind` is empty) it is the owner, otherwise its direct child of kind `kind`.
struct StepOwner {
  std::string unitId;
  std::string scopeLevel;
  std::string kind;
};

struct RouteStep {
  std::string code;         ///< "xa", "huyen", "so-noi-vu", …
  std::string name;         ///< Vietnamese: "UBND cấp xã đề nghị"
  StepOwner owner;
  int dueWorkingDays = 0;   ///< time limit of the step in working days; 0 = none
  bool requiresVote = false;///< the step needs a council vote record before it can decide/approve
  /// Skipped when no unit matches for the proposer (e.g. the district step for a commune of a province
  /// in the two-tier layout since 01/07/2025, Luật 72/2025/QH15). Step 0 and the last step never are.
  bool optional = false;
};

/// The ordered steps from the proposing level (step 0) to the deciding authority (last step).
/// Versioned: a submission keeps the version it was created with; a version never changes once loaded.
struct Route {
  std::string awardFormId;
  int version = 1;
  Date effectiveFrom;
  std::vector<RouteStep> steps;
};

struct CampaignPhase {
  std::string name;
  Date from;
  Date to;
};

/// A review round of a campaign: annual (hang_nam), mid-term (so_ket), final (tong_ket).
struct CampaignRound {
  std::string id;
  std::string name;
  std::string kind;  ///< hang_nam | so_ket | tong_ket
  int year = 0;
  std::vector<std::string> allowedAwardFormIds;
};

/// An emulation movement (phong trào thi đua), e.g. the one of QĐ 1315/QĐ-TTg.
struct Campaign {
  std::string id;
  std::string name;
  std::string basis;  ///< the founding document, "Quyết định số 1315/QĐ-TTg ngày 09/11/2023"
  std::vector<CampaignPhase> phases;
  std::vector<CampaignRound> rounds;
};

/// A legal basis with its period of force, e.g. NĐ 98/2023 until 30/06/2025, NĐ 152/2025 from 01/07/2025.
struct LegalBasis {
  std::string code;    ///< "152/2025/NĐ-CP"
  std::string title;
  Date effectiveFrom;
  Date effectiveTo;    ///< last day in force; invalid Date = open-ended
};

/// A calendar exception: a holiday (working = false) or a compensatory working day (working = true).
/// Saturdays and Sundays are non-working unless listed as working (QĐ 188/1999/QĐ-TTg: 40-hour week;
/// public holidays: Bộ luật Lao động 45/2019/QH14 Điều 112).
struct CalendarDay {
  Date date;
  bool working = false;
  std::string name;
};

enum class SubmissionState { Draft, InReview, Returned, Decided, Rejected, Withdrawn };
/// "draft", "in_review", "returned", "decided", "rejected", "withdrawn".
const char* stateName(SubmissionState s);
std::optional<SubmissionState> parseState(const std::string& name);

enum class CandidateStatus { Active, Removed, Awarded, NotAwarded };
/// "active", "removed", "awarded", "not_awarded".
const char* candidateStatusName(CandidateStatus s);
std::optional<CandidateStatus> parseCandidateStatus(const std::string& name);

struct Candidate {
  std::int64_t id = 0;      ///< assigned by the store
  std::string kind;         ///< one of kCandidateKinds
  std::string name;
  std::string position;     ///< chức vụ
  std::string unitName;     ///< đơn vị công tác / địa chỉ
  std::string achievement;  ///< tóm tắt thành tích
  CandidateStatus status = CandidateStatus::Active;
  std::string removedReason;
  int removedAtStep = -1;
};

/// Metadata of a stored file (bytes are fetched separately).
struct AttachmentInfo {
  std::int64_t id = 0;
  std::int64_t submissionId = 0;
  std::int64_t candidateId = 0;  ///< 0 = the whole submission
  std::string fileName;
  std::string mediaType;
  std::int64_t size = 0;
  std::string sha256;  ///< lowercase hex
  TimePoint createdAt = 0;
};

struct Attachment {
  AttachmentInfo info;
  std::string bytes;
};

/// A council vote (biên bản họp Hội đồng TĐKT). Thresholds are on TOTAL membership, not on those present
/// (Luật TĐKT 06/2022/QH15 with NĐ 98/2023/NĐ-CP, from 01/07/2025 NĐ 152/2025/NĐ-CP).
struct VoteRecord {
  int step = 0;
  int membersTotal = 0;
  int inFavour = 0;
  int against = 0;
  Date meetingDate;
  /// inFavour / membersTotal in percent, for the minutes.
  double percentInFavour() const { return membersTotal > 0 ? 100.0 * inFavour / membersTotal : 0.0; }
};

/// The decision (quyết định) closing a submission. Numbering is per issuing body and calendar year,
/// restarting 01/01 (NĐ 30/2020/NĐ-CP, Phụ lục I).
struct Decision {
  int number = 0;
  int year = 0;
  std::string code;          ///< "QĐ-UBND"
  std::string text;          ///< "125/QĐ-UBND" ("05/QĐ-TTg" below 10)
  std::string issuerUnitId;
  Date date;
};

/// A nomination dossier (tờ trình) carrying one or more candidates up the route.
struct Submission {
  std::int64_t id = 0;
  std::string proposerUnitId;
  std::string createdBy;  ///< user id
  std::string campaignId;
  std::string roundId;
  std::string awardFormId;
  int routeVersion = 0;
  std::string title;
  SubmissionState state = SubmissionState::Draft;
  int currentStep = 0;
  int returnedFromStep = -1;            ///< the step that returned it; -1 = none
  std::vector<std::string> stepOwners;  ///< resolved owner unit per route step (fixed on first submit;
                                        ///< "" for a skipped optional step)
  std::string currentOwnerUnitId;       ///< who must act now ("" when closed)
  std::string legalBasis;               ///< code in force on the submission date
  std::int64_t version = 1;             ///< +1 on every change
  TimePoint createdAt = 0;
  TimePoint submittedAt = 0;            ///< 0 = never submitted
  TimePoint stepArrivedAt = 0;
  Date stepDueDate;                     ///< invalid = no due date
  std::optional<Decision> decision;
  // Details (filled by a detailed read):
  std::vector<Candidate> candidates;
  std::vector<VoteRecord> votes;
  std::vector<AttachmentInfo> attachments;
};

/// A decided award, searchable by the public record.
struct Award {
  std::int64_t submissionId = 0;
  std::int64_t candidateId = 0;
  std::string candidateName;
  std::string candidateKind;
  std::string candidateUnitName;
  std::string proposerUnitId;
  std::string awardFormId;
  std::string campaignId;
  std::string roundId;
  int year = 0;               ///< year of the decision
  std::string decisionText;   ///< "125/QĐ-UBND"
  Date decisionDate;
  std::string issuerUnitId;
};

/// Filters of an award search; empty / 0 fields do not filter. `name` matches accent- and
/// case-insensitively anywhere in the candidate name (thidua::searchKey).
struct AwardQuery {
  std::string name;
  std::string unitId;  ///< proposing unit
  std::string campaignId;
  int year = 0;
  int limit = 100;
  int offset = 0;
};

/// One audit event of the global hash chain (Luật TĐKT 06/2022/QH15: publicity and transparency of
/// commendation work).
struct AuditEvent {
  std::int64_t seq = 0;  ///< 1, 2, 3 … gapless
  TimePoint at = 0;
  std::string userId;
  std::string unitId;
  std::int64_t submissionId = 0;  ///< 0 = not about a submission (e.g. configuration load)
  std::string action;
  std::string fromState;
  std::string toState;
  int fromStep = -1;
  int toStep = -1;
  std::string comment;
  std::string prevHash;  ///< hash of event seq-1 ("" for seq 1)
  std::string hash;      ///< SHA-256 hex of prevHash + canonical fields (workflow/audit.h)
};

/// A recorded answer to an action carrying an Idempotency-Key. status/body are opaque to workflow.
struct IdempotencyRecord {
  std::string userId;
  std::string key;
  std::string fingerprint;
  int status = 0;
  std::string body;
  std::int64_t submissionId = 0;
  TimePoint createdAt = 0;
};

/// A login session of the HTTP server. Times are TimePoints (UTC microseconds).
struct Session {
  std::string tokenHash;  ///< hex SHA-256 of the random token
  std::string userId;
  TimePoint createdAt = 0;
  TimePoint expiresAt = 0;
};

}  // namespace thidua::wf
