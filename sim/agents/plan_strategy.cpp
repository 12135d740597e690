#include "parley/agents/plan_strategy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

namespace {

// The nearest point of a continuous issue's offer grid lo + k (hi - lo) / steps.
double on_grid(const Issue& issue, double x) {
  x = std::clamp(x, issue.lo, issue.hi);
  if (!issue.steps) return x;
  const double width = (issue.hi - issue.lo) / static_cast<double>(*issue.steps);
  return issue.lo + std::round((x - issue.lo) / width) * width;
}

}  // namespace

void drift_package(const Scenario& scenario, const Agreement& from, const Agreement& to, double f,
                   std::span<const std::size_t> order, Agreement& out) {
  out.amounts = from.amounts;
  out.clauses = from.clauses;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const double x = from.amounts[k] + f * (to.amounts[k] - from.amounts[k]);
    if (issue.kind == IssueKind::continuous) out.amounts[k] = on_grid(issue, x);
    else if (issue.kind == IssueKind::ordinal) out.amounts[k] = std::round(x);
  }
  std::size_t differing = 0;
  for (std::size_t c = 0; c < from.clauses.size(); ++c) differing += from.clauses[c] != to.clauses[c] ? 1 : 0;
  auto switches = static_cast<std::size_t>(std::floor(f * static_cast<double>(differing) + 0.5));
  for (const std::size_t c : order) {
    if (switches == 0) break;
    if (from.clauses[c] == to.clauses[c]) continue;
    out.clauses[c] = to.clauses[c];
    --switches;
  }
}

PlanStrategy::PlanStrategy(const Scenario& scenario, Agreement plan, double drift)
    : plan_(std::move(plan)), drift_(drift) {
  if (!(drift >= 0.0 && drift <= 1.0)) throw std::invalid_argument("plan strategy: drift must be in [0, 1]");
  if (plan_.amounts.size() != scenario.issues.size() || plan_.clauses.size() != scenario.clause_count())
    throw std::invalid_argument("plan strategy: the plan does not have the scenario's issues and clauses");
  // Gain to the veto parties of switching each clause away from the plan:
  // sum_j w_jk a_jc / (max_jk - min_jk), with the sign of the switch (DESIGN 1.2).
  std::vector<double> gain(plan_.clauses.size(), 0.0);
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (issue.kind != IssueKind::clauses) continue;
    for (std::size_t c = 0; c < issue.clauses.size(); ++c) {
      const std::size_t flat = issue.clause_offset + c;
      double g = 0.0;
      for (const std::size_t j : scenario.veto_parties()) {
        const IssueValuation& v = scenario.parties[j].values[k];
        const double range = v.clause_max - v.clause_min;
        if (range > 0.0 && c < v.clause_values.size()) g += scenario.parties[j].weights[k] * v.clause_values[c] / range;
      }
      gain[flat] = plan_.clauses[flat] ? -g : g;
    }
  }
  clause_order_.resize(plan_.clauses.size());
  for (std::size_t c = 0; c < clause_order_.size(); ++c) clause_order_[c] = c;
  std::stable_sort(clause_order_.begin(), clause_order_.end(),
                   [&](std::size_t a, std::size_t b) { return gain[a] > gain[b]; });
}

bool PlanStrategy::propose(const StrategyView& view, Agreement& offer) {
  const int k = proposals_++;
  const Agreement* target = (k > 0 && drift_ > 0.0) ? nash_.find(view) : nullptr;
  if (!target) {
    offer.amounts = plan_.amounts;
    offer.clauses = plan_.clauses;
  } else {
    while (fractions_.size() <= static_cast<std::size_t>(k))
      fractions_.push_back(1.0 - std::pow(1.0 - drift_, static_cast<double>(fractions_.size())));
    drift_package(view.scenario(), plan_, *target, fractions_[static_cast<std::size_t>(k)], clause_order_, offer);
  }
  return !binds_below_reservation(view, offer);
}

Answer PlanStrategy::respond(const StrategyView& view, const Offer& offer) {
  return answer_by_threshold(offer.utilities[view.self()], view.reservation(), view.reservation());
}

double PlanStrategy::aspiration(const StrategyView& view) const { return view.reservation(); }

namespace {

StrategyMaker prepare_plan(const BargainingSetting& setting, std::size_t party, const StrategySpec& spec) {
  const Party& p = setting.scenario().parties.at(party);
  if (!p.proposal)
    throw std::invalid_argument("strategy plan: party '" + p.id + "' has no proposal to table");
  // The clause order is computed once and copied into each instance.
  return copies_of(PlanStrategy(setting.scenario(), *p.proposal, spec.params.at("drift")));
}

}  // namespace

PARLEY_REGISTER_STRATEGY(
    plan, 90,
    {"plan", false, true, "proposes a fixed package (the plan as tabled), optionally drifting toward the Nash point",
     "mediator tabling a single negotiating text (Raiffa 1982)",
     {{"drift", 0.0, 0.0, 1.0, "fraction of the way from the plan toward the Nash package moved per round"}}},
    &prepare_plan);

}  // namespace parley
