#pragma once
// Resolves the owner unit of each route step for a given proposing unit (see StepOwner).

#include "workflow/model.h"
#include "workflow/result.h"
#include "workflow/store.h"

#include <string>
#include <vector>

namespace thidua::wf {

/// The owner unit id of every step of `route` for a submission proposed by `proposerUnitId`.
/// A skipped optional step gets "". Validation error (field "steps[i].owner") when a required step has
/// no matching unit in the organisation tree.
/// Throws on storage faults.
Result<std::vector<std::string>> resolveStepOwners(Transaction& tx, const Route& route,
                                                   const std::string& proposerUnitId);

/// The owner of one step, or "" if none matches.
std::string resolveStepOwner(Transaction& tx, const StepOwner& owner, const std::string& proposerUnitId);

}  // namespace thidua::wf
