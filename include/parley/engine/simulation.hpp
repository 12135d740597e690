#pragma once
/// \file simulation.hpp
/// A scenario prepared for simulation: the shared setting, every party's prepared strategy and
/// the payoff accounting of DESIGN 1.1, built once and read by every thread.

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/battlefield/front_sampler.hpp"
#include "parley/engine/package_utilities.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief Everything an episode reads and never writes.
///
/// Payoffs (DESIGN 1.1), with C_i(t) = sum_{tau < t} delta_i^tau c_i:
/// - settlement on x at t: delta_i^t u_i(x) - C_i(t);
/// - collapse in period t's fighting: delta_i^{t+1} u_i(collapse terms) - C_i(t + 1);
/// - freeze at T: delta_i^T u_i(frozen(s_T)) - C_i(T); without a battlefield,
///   delta_i^T reservation_i - C_i(T).
/// delta_i^t and C_i(t) are tabulated for t = 0..T, the war outcomes' packages and utilities
/// per state, so that an episode's accounting is O(parties).
class Simulation {
 public:
  /// Builds the setting and prepares every party's own strategy (Party::strategy).
  /// \throws std::invalid_argument for an unknown strategy or invalid parameters.
  explicit Simulation(const Scenario& scenario);
  /// Reuses a setting (its agreement space and war tables) with the scenario's strategies.
  explicit Simulation(std::shared_ptr<const BargainingSetting> setting);
  /// Reuses a setting with other strategies, one per party (the meta-game compares strategy
  /// profiles of one scenario this way without rebuilding the setting).
  Simulation(std::shared_ptr<const BargainingSetting> setting, std::span<const StrategySpec> strategies);

  [[nodiscard]] const BargainingSetting& setting() const { return *setting_; }
  [[nodiscard]] const std::shared_ptr<const BargainingSetting>& shared_setting() const { return setting_; }
  [[nodiscard]] const Scenario& scenario() const { return setting_->scenario(); }
  /// The strategy of each party with every parameter filled in.
  [[nodiscard]] const StrategySpec& strategy(std::size_t party) const { return strategies_[party]; }
  /// A fresh instance of party `party`'s strategy.
  [[nodiscard]] std::unique_ptr<Strategy> make_strategy(std::size_t party) const { return makers_[party](); }
  /// Every party's utility of a package in one pass (the offers' utilities).
  [[nodiscard]] const PackageUtilities& utilities() const { return utilities_; }
  /// The sampler of the true front, or nullptr without a battlefield.
  [[nodiscard]] const FrontSampler* sampler() const { return sampler_.get(); }

  /// delta_i^t, 0 <= t <= T.
  [[nodiscard]] double discount_power(std::size_t party, int t) const { return table(discount_powers_, party, t); }
  /// C_i(t) = sum_{tau < t} delta_i^tau c_i, 0 <= t <= T.
  [[nodiscard]] double accumulated_cost(std::size_t party, int t) const { return table(costs_, party, t); }
  /// D_i(t) = sum_{tau < t} delta_i^tau, 0 <= t <= T: the weight of a constant flow from 0 to t
  /// (a renewed war's extra cost per period, DESIGN 1.10).
  [[nodiscard]] double discounted_periods(std::size_t party, int t) const { return table(discount_sums_, party, t); }
  /// Whether settlements may break (DESIGN 1.10): a durability section and a battlefield to
  /// renew the war on. False: every settlement is final, as in DESIGN 1.1.
  [[nodiscard]] bool durable() const { return durable_; }
  /// delta_i^t u - C_i(t): what a package worth u to party i is worth when it takes effect at t.
  [[nodiscard]] double payoff(std::size_t party, int t, double utility) const {
    return discount_power(party, t) * utility - accumulated_cost(party, t);
  }

  /// frozen(s) (the status quo without a battlefield), 0 <= s < state_count.
  [[nodiscard]] const Agreement& frozen_terms(int state) const { return frozen_terms_[static_cast<std::size_t>(state)]; }
  /// The terms imposed when side A (B) collapses (frozen at the threshold if none are given).
  [[nodiscard]] const Agreement& collapse_a_terms() const { return collapse_a_terms_; }
  [[nodiscard]] const Agreement& collapse_b_terms() const { return collapse_b_terms_; }
  /// u_i(frozen(s)), or reservation_i without a battlefield (war_payoffs).
  [[nodiscard]] double frozen_utility(std::size_t party, int state) const {
    return payoffs_[party].frozen[static_cast<std::size_t>(state)];
  }
  [[nodiscard]] double collapse_a_utility(std::size_t party) const { return payoffs_[party].collapse_a; }
  [[nodiscard]] double collapse_b_utility(std::size_t party) const { return payoffs_[party].collapse_b; }

 private:
  void prepare(std::span<const StrategySpec> strategies);
  [[nodiscard]] double table(const std::vector<double>& values, std::size_t party, int t) const {
    return values[party * static_cast<std::size_t>(scenario().horizon + 1) + static_cast<std::size_t>(t)];
  }

  std::shared_ptr<const BargainingSetting> setting_;
  std::vector<StrategySpec> strategies_;
  std::vector<StrategyMaker> makers_;
  std::shared_ptr<const FrontSampler> sampler_;
  PackageUtilities utilities_;
  std::vector<double> discount_powers_;  ///< party-major, T + 1 per party
  std::vector<double> costs_;
  std::vector<double> discount_sums_;
  bool durable_ = false;
  std::vector<WarPayoffs> payoffs_;
  std::vector<Agreement> frozen_terms_;
  Agreement collapse_a_terms_;
  Agreement collapse_b_terms_;
};

}  // namespace parley
