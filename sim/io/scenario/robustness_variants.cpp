#include "parley/io/scenario/robustness_variants.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "parley/agents/strategy_registry.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

namespace parley::io {
namespace {

// The catalog parameter of the time-dependent tactics (time_dependent_strategy.hpp).
constexpr const char* kPlanningParam = "horizon";

std::string periods(const Scenario& scenario, int count) {
  return std::to_string(count) + " " + scenario.period_unit + (count == 1 ? "" : "s");
}

int scaled_periods(double value, double factor) {
  return std::max(1, static_cast<int>(std::lround(value * factor)));
}

void add_horizon_variants(const Scenario& scenario, std::vector<RobustnessVariant>& out) {
  const int half = std::max(1, scenario.horizon / 2);
  if (half != scenario.horizon)
    out.push_back({"horizon halved (T = " + periods(scenario, half) + ")", "horizon", {"horizon=" + std::to_string(half)}});
  if (scenario.horizon <= max_horizon / 2) {
    const int twice = 2 * scenario.horizon;
    out.push_back({"horizon doubled (T = " + periods(scenario, twice) + ")", "horizon", {"horizon=" + std::to_string(twice)}});
  }
}

// The parties whose order the protocol's stages follow (ProtocolSchedule::order, without the
// mediator under `mediated`).
std::vector<std::size_t> ordered_proposers(const Scenario& scenario) {
  const ProtocolParams& protocol = scenario.protocol;
  std::vector<std::size_t> order = protocol.order;
  if (order.empty()) {
    for (std::size_t i = 0; i < scenario.parties.size(); ++i)
      if (scenario.parties[i].veto) order.push_back(i);
  }
  if (protocol.kind == ProtocolParams::Kind::mediated)
    order.erase(std::remove(order.begin(), order.end(), protocol.mediator), order.end());
  return order;
}

std::string party_list(const Scenario& scenario, const std::vector<std::size_t>& order, const char* separator) {
  std::string text;
  for (const std::size_t i : order) text += (text.empty() ? "" : separator) + scenario.parties[i].id;
  return text;
}

void add_order_variants(const Scenario& scenario, std::vector<RobustnessVariant>& out) {
  const ProtocolParams& protocol = scenario.protocol;
  const bool ordered = protocol.kind == ProtocolParams::Kind::alternating ||
                       (protocol.kind == ProtocolParams::Kind::mediated && protocol.counter);
  if (!ordered) return;
  const std::vector<std::size_t> given = ordered_proposers(scenario);
  if (given.size() >= 2 && given.size() <= max_permuted_proposers) {
    std::vector<std::size_t> order = given;
    std::sort(order.begin(), order.end());
    do {
      if (order == given) continue;
      out.push_back({"speaking order " + party_list(scenario, order, ", "), "speaking order",
                     {"protocol.order=[" + party_list(scenario, order, ", ") + "]"}});
    } while (std::next_permutation(order.begin(), order.end()));
  }
  // Random recognition (each proposer recognised in proportion to its turns in the cycle,
  // ProtocolSchedule's default) needs no order; it replaces alternation, not a mediator's stage.
  if (protocol.kind == ProtocolParams::Kind::alternating && given.size() >= 2)
    out.push_back({"random recognition in proportion to turns (" + party_list(scenario, given, ", ") + ")", "speaking order",
                   {"protocol.kind=random", "protocol.order=[" + party_list(scenario, given, ", ") + "]"}});
}

void add_planning_variants(const Scenario& scenario, PlanningHorizons planning, std::vector<RobustnessVariant>& out) {
  if (planning == PlanningHorizons::ignored) return;
  std::vector<std::size_t> planners;
  for (std::size_t i = 0; i < scenario.parties.size(); ++i)
    if (has_planning_horizon(scenario.parties[i].strategy)) planners.push_back(i);
  if (planners.empty() && planning == PlanningHorizons::scenario) return;
  for (const double factor : {0.5, 2.0}) {
    RobustnessVariant variant;
    variant.aspect = "planning horizon";
    variant.planning_factor = factor;
    std::string detail;
    for (const std::size_t i : planners) {
      const StrategySpec spec = complete_strategy_spec(scenario.parties[i].strategy);
      const int p = scaled_periods(spec.params.at(kPlanningParam), factor);
      variant.overrides.push_back("parties." + scenario.parties[i].id + ".strategy." + kPlanningParam + "=" +
                                  std::to_string(p));
      detail += (detail.empty() ? "" : ", ") + scenario.parties[i].name + " " + periods(scenario, p);
    }
    variant.label = std::string(factor < 1.0 ? "planning horizons halved" : "planning horizons doubled") +
                    (detail.empty() ? "" : " (" + detail + ")");
    out.push_back(std::move(variant));
  }
}

}  // namespace

bool has_planning_horizon(const StrategySpec& spec) {
  const StrategyRegistration* entry = find_registered_strategy(spec.name);
  if (!entry) return false;
  return std::any_of(entry->info->params.begin(), entry->info->params.end(),
                     [](const StrategyParam& p) { return p.name == kPlanningParam; });
}

StrategySpec scaled_planning_horizon(const StrategySpec& spec, double factor) {
  if (!has_planning_horizon(spec)) return spec;
  StrategySpec scaled = complete_strategy_spec(spec);
  double& p = scaled.params.at(kPlanningParam);
  p = static_cast<double>(scaled_periods(p, factor));
  return scaled;
}

std::vector<RobustnessVariant> robustness_variants(const Scenario& scenario, PlanningHorizons planning) {
  std::vector<RobustnessVariant> out;
  add_horizon_variants(scenario, out);
  add_order_variants(scenario, out);
  add_planning_variants(scenario, planning, out);
  return out;
}

}  // namespace parley::io
