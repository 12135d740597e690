#pragma once
/// \file robustness_variants.hpp
/// The changes of set-up that `--robustness` tries (issue 16, item 2): the same question with
/// the computational horizon halved and doubled, under every other speaking order (and random
/// recognition where the protocol alternates), and with the time-dependent tactics' planning
/// horizons halved and doubled. None of them is an assumption about the war; an answer worth
/// reporting should not hinge on any of them.

#include <string>
#include <vector>

#include "parley/io/report/robustness_report.hpp"
#include "parley/model/party.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// Whose planning horizons a command's answer depends on.
enum class PlanningHorizons {
  ignored,                  ///< none (`solve`: the equilibrium does not use the scenario's strategies)
  scenario,                 ///< the scenario's parties' (`run`)
  scenario_and_candidates,  ///< theirs and the command's own candidate strategies' (`compare`)
};

/// The largest number of proposers whose orders are all tried (4! = 24 orders).
inline constexpr std::size_t max_permuted_proposers = 4;

/// \brief The variants of `scenario`:
/// - horizon: T halved (rounded down, at least 1) and doubled (when within the format's
///   limit);
/// - speaking order: under `alternating` and under `mediated` with counter-proposals, every
///   distinct order of the proposers other than the scenario's (up to max_permuted_proposers
///   of them), and under `alternating` also random recognition, each proposer recognised in
///   proportion to its turns in the cycle (Baron and Ferejohn 1989); nothing under `random`,
///   which has no order;
/// - planning horizon: every planning horizon P halved and doubled (rounded, at least 1),
///   unless `planning` is `ignored`, or it is `scenario` and no party's strategy has one.
/// The scenario's own set-up is not among them.
[[nodiscard]] std::vector<RobustnessVariant> robustness_variants(const Scenario& scenario, PlanningHorizons planning);

/// `spec` with its planning horizon (the catalog parameter `horizon`, its default filled in)
/// multiplied by `factor` and rounded to a whole period, at least 1; `spec` itself when its
/// strategy has no planning horizon.
[[nodiscard]] StrategySpec scaled_planning_horizon(const StrategySpec& spec, double factor);

/// Whether `spec`'s strategy has a planning horizon (the catalog parameter `horizon`).
[[nodiscard]] bool has_planning_horizon(const StrategySpec& spec);

}  // namespace parley::io
