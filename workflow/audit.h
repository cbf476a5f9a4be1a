#pragma once
// The audit hash chain. Every change appends one event; hash = SHA-256 hex of prevHash followed by a
// canonical serialisation of the other fields, so altering, inserting or deleting any event breaks the
// chain (Luật TĐKT 06/2022/QH15: publicity and transparency of commendation work).

#include "workflow/model.h"
#include "workflow/store.h"

#include <cstdint>
#include <string>

namespace thidua::wf {

/// The hash of `e` given its prevHash (e.hash is ignored). Deterministic; thread-safe.
std::string computeAuditHash(const AuditEvent& e);

/// Fills e.seq, e.prevHash and e.hash from the locked chain head and appends it. Must run inside a
/// write transaction (the head stays locked until commit).
void appendAudit(Transaction& tx, AuditEvent& e);

struct AuditVerification {
  bool ok = true;
  std::int64_t events = 0;        ///< events checked
  std::int64_t badSeq = 0;        ///< first bad event (0 if ok)
  std::int64_t submissionId = 0;  ///< its submission (0 if none)
  std::string reason;             ///< Vietnamese: why the chain is broken at badSeq
};

/// Walks the whole chain in one read transaction: each event's seq must follow the previous one,
/// its prevHash must equal the previous hash, its hash must match its content, and the stored head
/// must point at the last event. Reports the first failure: an altered event (hash mismatch), an
/// inserted or deleted one (seq gap, prevHash mismatch, head mismatch). Throws on storage faults.
AuditVerification verifyAudit(Store& store);

}  // namespace thidua::wf
