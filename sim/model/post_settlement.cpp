#include "parley/model/post_settlement.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

bool contains_term(const Scenario& scenario, const DurabilityTerm& term, const Agreement& x) {
  const Issue& issue = scenario.issues[term.issue];
  if (term.level >= 0) return x.level(term.issue) == term.level;
  return x.clauses[issue.clause_offset + static_cast<std::size_t>(term.clause)] != 0;
}

double breakdown_hazard(const Scenario& scenario, const Agreement& x) {
  if (!scenario.durability) return 0.0;
  double h = scenario.durability->base_hazard;
  for (const DurabilityTerm& m : scenario.durability->terms)
    if (contains_term(scenario, m, x)) h *= m.hazard_multiplier;
  return std::min(1.0, h);
}

PostSettlementBalance post_settlement_balance(const Scenario& scenario, const Agreement& x) {
  PostSettlementBalance balance;
  balance.cost_shift.assign(scenario.parties.size(), 0.0);
  if (!scenario.durability) return balance;
  for (const DurabilityTerm& m : scenario.durability->terms) {
    if (!contains_term(scenario, m, x)) continue;
    balance.advantage_shift += m.advantage_shift;
    for (std::size_t i = 0; i < m.cost_shift.size() && i < balance.cost_shift.size(); ++i)
      balance.cost_shift[i] += m.cost_shift[i];
  }
  return balance;
}

int renewal_line(const Scenario& scenario, const Agreement& x, int front_state) {
  const int n = scenario.battlefield->states;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (!issue.linked_to_front) continue;
    const double share = issue.hi > issue.lo ? (x.amounts[k] - issue.lo) / (issue.hi - issue.lo) : 0.0;
    return std::clamp(static_cast<int>(std::lround(share * n)), 0, n);
  }
  return front_state;
}

BattlefieldParams renewed_battlefield(const Scenario& scenario) {
  BattlefieldParams params = *scenario.battlefield;
  if (!scenario.durability) return params;
  if (scenario.durability->renewed_tempo) params.tempo = *scenario.durability->renewed_tempo;
  if (scenario.durability->renewed_advantage) params.advantage = *scenario.durability->renewed_advantage;
  return params;
}

}  // namespace parley
