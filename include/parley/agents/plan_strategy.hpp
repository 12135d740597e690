#pragma once
/// \file plan_strategy.hpp
/// The mediator's `plan` built-in: a single negotiating text, optionally revised toward the
/// Nash package round by round (DESIGN 1.6; Raiffa 1982 on the single-text procedure).

#include <cstddef>
#include <span>
#include <vector>

#include "parley/agents/nash_target.hpp"
#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief The package a fraction `f` in [0, 1] of the way from `from` to `to`, issue by issue.
///
/// Continuous issue: from + f (to - from), moved to the nearest point of its grid if it has
/// `steps`; ordinal: the level nearest to from + f (to - from); clauses: of the n clauses on
/// which the two packages differ, the round(f n) whose switch most raises the veto parties'
/// summed utility are switched to `to` (`order` lists every clause of the scenario by that
/// gain, best first; see PlanStrategy). f = 0 gives `from`, f = 1 gives `to`.
void drift_package(const Scenario& scenario, const Agreement& from, const Agreement& to, double f,
                   std::span<const std::size_t> order, Agreement& out);

/// \brief Tables a fixed package (Party::proposal), drifting toward the Nash package.
///
/// In its k-th proposal of an episode (k = 0, 1, ...) it offers
/// drift_package(plan, nash, 1 - (1 - drift)^k): each round it moves the fraction `drift`
/// of the remaining way toward the Nash package of its estimates (NashTarget, recomputed at
/// the current state). With drift = 0 it repeats the plan as tabled. If the zone of possible
/// agreement is empty it tables the plan. As a mediator it has no veto; given one, it passes
/// rather than table a package worth less to itself than its reservation value, and accepts
/// any offer worth at least that.
class PlanStrategy final : public Strategy {
 public:
  /// \param plan the package it tables (shaped like the scenario's agreements).
  /// \param drift in [0, 1].
  /// \throws std::invalid_argument unless 0 <= drift <= 1 or if the plan has the wrong shape.
  PlanStrategy(const Scenario& scenario, Agreement plan, double drift);
  [[nodiscard]] double drift() const { return drift_; }
  [[nodiscard]] const Agreement& plan() const { return plan_; }

  void reset() override { proposals_ = 0; }
  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;

 private:
  Agreement plan_;
  double drift_;
  std::vector<std::size_t> clause_order_;  ///< clauses by the veto parties' gain of switching
  NashTarget nash_;
  int proposals_ = 0;
  std::vector<double> fractions_;  ///< 1 - (1 - drift)^k by k, grown on first use
};

}  // namespace parley
