#include "parley/model/post_settlement.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

bool contains_term(const Scenario& scenario, const DurabilityTerm& term, const Agreement& x) {
  const Issue& issue = scenario.issues[term.issue];
  if (term.level >= 0) return x.level(term.issue) == term.level;
  return x.clauses[issue.clause_offset + static_cast<std::size_t>(term.clause)] != 0;
}

void contained_terms_into(const Scenario& scenario, const Agreement& x, std::vector<std::size_t>& out) {
  out.clear();
  if (!scenario.durability) return;
  for (std::size_t m = 0; m < scenario.durability->terms.size(); ++m)
    if (contains_term(scenario, scenario.durability->terms[m], x)) out.push_back(m);
}

std::vector<std::size_t> contained_terms(const Scenario& scenario, const Agreement& x) {
  std::vector<std::size_t> out;
  contained_terms_into(scenario, x, out);
  return out;
}

double breakdown_hazard(const Scenario& scenario, std::span<const std::size_t> terms) {
  if (!scenario.durability) return 0.0;
  double h = scenario.durability->base_hazard;
  for (const std::size_t m : terms) h *= scenario.durability->terms[m].hazard_multiplier;
  return std::min(1.0, h);
}

PostSettlementBalance post_settlement_balance(const Scenario& scenario, std::span<const std::size_t> terms) {
  PostSettlementBalance balance;
  post_settlement_balance_into(scenario, terms, balance);
  return balance;
}

void post_settlement_balance_into(const Scenario& scenario, std::span<const std::size_t> terms,
                                  PostSettlementBalance& balance) {
  balance.advantage_shift = 0.0;
  balance.cost_shift.assign(scenario.parties.size(), 0.0);
  if (!scenario.durability) return;
  for (const std::size_t m : terms) {
    const DurabilityTerm& term = scenario.durability->terms[m];
    balance.advantage_shift += term.advantage_shift;
    for (std::size_t i = 0; i < term.cost_shift.size() && i < balance.cost_shift.size(); ++i)
      balance.cost_shift[i] += term.cost_shift[i];
  }
}

double breakdown_hazard(const Scenario& scenario, const Agreement& x) {
  return breakdown_hazard(scenario, contained_terms(scenario, x));
}

PostSettlementBalance post_settlement_balance(const Scenario& scenario, const Agreement& x) {
  return post_settlement_balance(scenario, contained_terms(scenario, x));
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
