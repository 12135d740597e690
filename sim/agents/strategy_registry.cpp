#include "parley/agents/strategy_registry.hpp"

#include <algorithm>
#include <vector>
#include <stdexcept>
#include <string>

#include "parley/agents/contingent_strategy.hpp"
#include "parley/agents/equilibrium_strategy.hpp"
#include "parley/agents/nash_strategy.hpp"
#include "parley/agents/passive_strategy.hpp"
#include "parley/agents/plan_strategy.hpp"
#include "parley/agents/stall_strategy.hpp"
#include "parley/agents/tit_for_tat_strategy.hpp"
#include "parley/agents/time_dependent_strategy.hpp"

namespace parley {

namespace {

double parameter(const StrategySpec& spec, const char* name) { return spec.params.at(name); }

StrategyMaker prepare_time_dependent(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  const double e = parameter(spec, "e");
  (void)TimeDependentStrategy(e);  // checks e once, here, rather than in every thread
  return [e] { return std::make_unique<TimeDependentStrategy>(e); };
}

StrategyMaker prepare_hardline(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return [] { return std::make_unique<TimeDependentStrategy>(TimeDependentStrategy::hardline()); };
}

StrategyMaker prepare_contingent(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  const double beta = parameter(spec, "beta");
  (void)ContingentStrategy(beta);
  return [beta] { return std::make_unique<ContingentStrategy>(beta); };
}

StrategyMaker prepare_stall(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  const double beta = parameter(spec, "beta");
  (void)StallStrategy(beta);
  return [beta] { return std::make_unique<StallStrategy>(beta); };
}

StrategyMaker prepare_tit_for_tat(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  const double reciprocity = parameter(spec, "reciprocity");
  (void)TitForTatStrategy(reciprocity);
  return [reciprocity] { return std::make_unique<TitForTatStrategy>(reciprocity); };
}

StrategyMaker prepare_plan(const BargainingSetting& setting, std::size_t party, const StrategySpec& spec) {
  const Party& p = setting.scenario().parties.at(party);
  if (!p.proposal)
    throw std::invalid_argument("strategy plan: party '" + p.id + "' has no proposal to table");
  const double drift = parameter(spec, "drift");
  // The clause order is computed once and copied into each instance.
  const auto prototype = std::make_shared<const PlanStrategy>(setting.scenario(), *p.proposal, drift);
  return [prototype] { return std::make_unique<PlanStrategy>(*prototype); };
}

StrategyMaker prepare_nash(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return [] { return std::make_unique<NashStrategy>(); };
}

StrategyMaker prepare_none(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return [] { return std::make_unique<PassiveStrategy>(); };
}

// The registry. A new strategy adds one line here (and its catalog entry).
const std::vector<StrategyRegistration>& table() {
  static const std::vector<StrategyRegistration> all = {
      {"prolonged", find_strategy("prolonged"), &prepare_time_dependent},
      {"quick", find_strategy("quick"), &prepare_time_dependent},
      {"linear", find_strategy("linear"), &prepare_time_dependent},
      {"hardline", find_strategy("hardline"), &prepare_hardline},
      {"contingent", find_strategy("contingent"), &prepare_contingent},
      {"stall", find_strategy("stall"), &prepare_stall},
      {"tit_for_tat", find_strategy("tit_for_tat"), &prepare_tit_for_tat},
      {"equilibrium", find_strategy("equilibrium"), &prepare_equilibrium_strategy},
      {"plan", find_strategy("plan"), &prepare_plan},
      {"nash", find_strategy("nash"), &prepare_nash},
      {"none", &PassiveStrategy::info(), &prepare_none},
  };
  return all;
}

}  // namespace

std::span<const StrategyRegistration> registered_strategies() { return table(); }

const StrategyRegistration* find_registered_strategy(std::string_view name) {
  if (name.empty()) name = "none";
  for (const auto& entry : table())
    if (entry.name == name) return &entry;
  return nullptr;
}

StrategySpec complete_strategy_spec(const StrategySpec& spec) {
  const StrategyRegistration* entry = find_registered_strategy(spec.name);
  if (!entry || !entry->info)
    throw std::invalid_argument("unknown strategy '" + spec.name + "'");
  StrategySpec out;
  out.name = std::string(entry->name);
  for (const auto& [name, value] : spec.params) {
    const auto it = std::find_if(entry->info->params.begin(), entry->info->params.end(),
                                 [&](const StrategyParam& p) { return p.name == name; });
    if (it == entry->info->params.end())
      throw std::invalid_argument("strategy " + out.name + " has no parameter '" + name + "'");
    if (!(value >= it->lo && value <= it->hi))
      throw std::invalid_argument("strategy " + out.name + ": parameter " + name + " = " + std::to_string(value) +
                                  " is outside [" + std::to_string(it->lo) + ", " + std::to_string(it->hi) + "]");
  }
  for (const StrategyParam& p : entry->info->params) {
    const auto it = spec.params.find(p.name);
    out.params[p.name] = it == spec.params.end() ? p.default_value : it->second;
  }
  return out;
}

StrategyMaker prepare_strategy(const BargainingSetting& setting, std::size_t party, const StrategySpec& spec) {
  const StrategySpec complete = complete_strategy_spec(spec);
  return find_registered_strategy(complete.name)->prepare(setting, party, complete);
}

}  // namespace parley
