#include "workflow/route_resolver.h"

namespace thidua::wf {

std::string resolveStepOwner(Transaction& tx, const StepOwner& owner, const std::string& proposerUnitId) {
  if (!owner.unitId.empty()) return tx.findUnit(owner.unitId) ? owner.unitId : std::string();
  // Nearest ancestor-or-self of the proposer at the scope level (routes are data since the two-tier
  // reorganisation of 01/07/2025, Luật 72/2025/QH15; the owner is found relative to the proposer).
  std::optional<Unit> scope = tx.findUnit(proposerUnitId);
  for (int guard = 0; scope && scope->level != owner.scopeLevel && guard < 64; ++guard)
    scope = scope->parentId.empty() ? std::nullopt : tx.findUnit(scope->parentId);
  if (!scope || scope->level != owner.scopeLevel) return {};
  if (owner.kind.empty() || scope->kind == owner.kind) return scope->id;
  for (const Unit& child : tx.listChildUnits(scope->id))
    if (child.kind == owner.kind) return child.id;
  return {};
}

Result<std::vector<std::string>> resolveStepOwners(Transaction& tx, const Route& route,
                                                   const std::string& proposerUnitId) {
  std::vector<std::string> owners;
  for (std::size_t i = 0; i < route.steps.size(); ++i) {
    std::string id = resolveStepOwner(tx, route.steps[i].owner, proposerUnitId);
    const bool skippable = route.steps[i].optional && i != 0 && i + 1 != route.steps.size();
    if (id.empty() && !skippable)
      return makeError(ErrorCode::Validation,
                       "Không xác định được đơn vị xử lý bước \"" + route.steps[i].name + "\" cho đơn vị đề nghị",
                       "steps[" + std::to_string(i) + "].owner");
    owners.push_back(std::move(id));
  }
  return owners;
}

}  // namespace thidua::wf
