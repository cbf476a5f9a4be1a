#include "workflow/model.h"

#include <algorithm>

namespace thidua::wf {

const std::vector<std::string> kCandidateKinds = {"ca_nhan", "ho_gia_dinh", "dong_ho",
                                                  "tap_the", "doanh_nghiep", "khac"};

const char* roleName(Role r) {
  switch (r) {
    case Role::DeXuat: return "de_xuat";
    case Role::ThamDinh: return "tham_dinh";
    case Role::PheDuyet: return "phe_duyet";
    case Role::QuanTri: return "quan_tri";
  }
  return "";
}

std::optional<Role> parseRole(const std::string& name) {
  for (Role r : {Role::DeXuat, Role::ThamDinh, Role::PheDuyet, Role::QuanTri})
    if (name == roleName(r)) return r;
  return std::nullopt;
}

bool User::hasRole(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

bool AwardForm::accepts(const std::string& candidateKind) const {
  return std::find(candidateKinds.begin(), candidateKinds.end(), candidateKind) != candidateKinds.end();
}

const char* stateName(SubmissionState s) {
  switch (s) {
    case SubmissionState::Draft: return "draft";
    case SubmissionState::InReview: return "in_review";
    case SubmissionState::Returned: return "returned";
    case SubmissionState::Decided: return "decided";
    case SubmissionState::Rejected: return "rejected";
    case SubmissionState::Withdrawn: return "withdrawn";
  }
  return "";
}

std::optional<SubmissionState> parseState(const std::string& name) {
  for (SubmissionState s : {SubmissionState::Draft, SubmissionState::InReview, SubmissionState::Returned,
                            SubmissionState::Decided, SubmissionState::Rejected, SubmissionState::Withdrawn})
    if (name == stateName(s)) return s;
  return std::nullopt;
}

const char* candidateStatusName(CandidateStatus s) {
  switch (s) {
    case CandidateStatus::Active: return "active";
    case CandidateStatus::Removed: return "removed";
    case CandidateStatus::Awarded: return "awarded";
    case CandidateStatus::NotAwarded: return "not_awarded";
  }
  return "";
}

std::optional<CandidateStatus> parseCandidateStatus(const std::string& name) {
  for (CandidateStatus s : {CandidateStatus::Active, CandidateStatus::Removed, CandidateStatus::Awarded,
                            CandidateStatus::NotAwarded})
    if (name == candidateStatusName(s)) return s;
  return std::nullopt;
}

}  // namespace thidua::wf
