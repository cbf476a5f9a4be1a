#include "workflow/audit.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace thidua::wf {
namespace {

// Length-prefixed fields: no separator inside a value can make two different events serialise alike.
void put(std::string& out, const std::string& name, const std::string& value) {
  out += name;
  out += ':';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

}  // namespace

std::string computeAuditHash(const AuditEvent& e) {
  std::string canon;
  put(canon, "prev", e.prevHash);
  put(canon, "seq", std::to_string(e.seq));
  put(canon, "at", std::to_string(e.at));
  put(canon, "user", e.userId);
  put(canon, "unit", e.unitId);
  put(canon, "submission", std::to_string(e.submissionId));
  put(canon, "action", e.action);
  put(canon, "from_state", e.fromState);
  put(canon, "to_state", e.toState);
  put(canon, "from_step", std::to_string(e.fromStep));
  put(canon, "to_step", std::to_string(e.toStep));
  put(canon, "comment", e.comment);
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(canon);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

void appendAudit(Transaction& tx, AuditEvent& e) {
  const AuditHead head = tx.lockAuditHead();
  e.seq = head.seq + 1;
  e.prevHash = head.hash;
  e.hash = computeAuditHash(e);
  tx.appendAuditEvent(e);
}

AuditVerification verifyAudit(Store& store) {
  AuditVerification v;
  auto tx = store.begin(TxMode::Read);
  const AuditHead head = tx->readAuditHead();
  std::int64_t expectedSeq = 1;
  std::string prevHash;
  constexpr int kBatch = 2000;
  auto fail = [&](const AuditEvent& e, std::string reason) {
    v.ok = false;
    v.badSeq = e.seq;
    v.submissionId = e.submissionId;
    v.reason = std::move(reason);
  };
  for (;;) {
    const std::vector<AuditEvent> batch = tx->listAuditEvents(expectedSeq, kBatch);
    for (const AuditEvent& e : batch) {
      if (e.seq != expectedSeq) {
        fail(e, "thiếu sự kiện số " + std::to_string(expectedSeq) + " (bị xóa) trước sự kiện số " +
                    std::to_string(e.seq));
        return v;
      }
      if (e.prevHash != prevHash) {
        fail(e, "mã băm của sự kiện liền trước không khớp (sự kiện bị chèn, xóa hoặc thay thế)");
        return v;
      }
      if (computeAuditHash(e) != e.hash) {
        fail(e, "nội dung sự kiện đã bị sửa (mã băm không khớp)");
        return v;
      }
      prevHash = e.hash;
      ++expectedSeq;
      ++v.events;
    }
    if (static_cast<int>(batch.size()) < kBatch) break;
  }
  if (head.seq != v.events || head.hash != prevHash) {
    v.ok = false;
    v.badSeq = head.seq > v.events ? v.events + 1 : head.seq;
    v.reason = head.seq > v.events
                   ? "thiếu sự kiện số " + std::to_string(v.events + 1) + " đến " + std::to_string(head.seq) +
                         " ở cuối chuỗi (bị xóa)"
                   : "đầu chuỗi ghi nhận không khớp với sự kiện cuối cùng";
  }
  return v;
}

}  // namespace thidua::wf
