#include "parley/engine/simulation.hpp"

#include <stdexcept>

#include "parley/battlefield/war_value.hpp"

namespace parley {

Simulation::Simulation(const Scenario& scenario)
    : Simulation(std::make_shared<const BargainingSetting>(scenario)) {}

Simulation::Simulation(std::shared_ptr<const BargainingSetting> setting) : setting_(std::move(setting)) {
  std::vector<StrategySpec> own;
  own.reserve(scenario().parties.size());
  for (const Party& p : scenario().parties) own.push_back(p.strategy);
  prepare(own);
}

Simulation::Simulation(std::shared_ptr<const BargainingSetting> setting, std::span<const StrategySpec> strategies)
    : setting_(std::move(setting)) {
  prepare(strategies);
}

void Simulation::prepare(std::span<const StrategySpec> strategies) {
  const Scenario& sc = scenario();
  const std::size_t n = sc.parties.size();
  if (strategies.size() != n) throw std::invalid_argument("simulation: one strategy per party expected");
  for (std::size_t i = 0; i < n; ++i) {
    strategies_.push_back(complete_strategy_spec(strategies[i]));
    makers_.push_back(prepare_strategy(*setting_, i, strategies_.back()));
  }
  utilities_ = PackageUtilities(sc);
  durable_ = sc.durability.has_value() && sc.battlefield.has_value();
  if (const BattlefieldChain* chain = setting_->chain())
    sampler_ = std::make_shared<const FrontSampler>(*chain, sc.horizon);

  const auto periods = static_cast<std::size_t>(sc.horizon) + 1;
  discount_powers_.resize(n * periods);
  costs_.resize(n * periods);
  discount_sums_.resize(n * periods);
  for (std::size_t i = 0; i < n; ++i) {
    const Party& p = sc.parties[i];
    double power = 1.0;
    double cost = 0.0;
    double sum = 0.0;
    for (std::size_t t = 0; t < periods; ++t) {
      discount_powers_[i * periods + t] = power;
      costs_[i * periods + t] = cost;
      discount_sums_[i * periods + t] = sum;
      cost += power * p.cost;  // C_i(t + 1) = C_i(t) + delta_i^t c_i
      sum += power;
      power *= p.discount;
    }
    payoffs_.push_back(war_payoffs(sc, i));
  }
  const int states = setting_->state_count();
  for (int s = 0; s < states; ++s) frozen_terms_.push_back(sc.frozen(s));
  const auto shaped = [&](const Agreement& terms) { return terms.amounts.size() == sc.issues.size(); };
  if (sc.battlefield) {
    collapse_a_terms_ = shaped(sc.collapse_a_terms) ? sc.collapse_a_terms : sc.frozen(sc.battlefield->collapse_a);
    collapse_b_terms_ = shaped(sc.collapse_b_terms) ? sc.collapse_b_terms : sc.frozen(sc.battlefield->collapse_b);
  } else {
    collapse_a_terms_ = collapse_b_terms_ = sc.status_quo();
  }
}

}  // namespace parley
