#pragma once
// The robustness checks of `run`, `solve` and `compare` (issue 16): each command's question
// asked again under every change of set-up (robustness_check.hpp). The commands' --robustness
// and `parley report` call the same functions, so a page and a command line never disagree.

#include <string>
#include <vector>

#include "parley/engine/monte_carlo.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/report/compare_report.hpp"
#include "parley/io/report/robustness_report.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "scenario_options.hpp"

namespace parley::cli {

/// `run --robustness`: the most likely end and each veto party's gain (run_findings) of
/// `summary`, then of each variant simulated with the same `run` options (common random numbers).
[[nodiscard]] io::RobustnessCheck run_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                                 const RunSummary& summary, const RunOptions& run);

/// `solve --robustness`: when agreement comes and who gains (solve_findings) in `equilibrium`,
/// then in each variant's equilibrium under `solver`. The planning horizons are not varied: the
/// equilibrium does not use the strategies.
[[nodiscard]] io::RobustnessCheck solve_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                                   const BargainingEquilibrium& equilibrium,
                                                   const EquilibriumOptions& solver);

/// `compare --robustness`: the equilibrium set and best replies (compare_findings) of `report`,
/// then of each variant's meta-game over the players of `strategy_args`, whose candidates' planning
/// horizons are scaled with the variant's and keep the base's labels.
[[nodiscard]] io::RobustnessCheck compare_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                                     const io::CompareReport& report,
                                                     const std::vector<std::string>& strategy_args,
                                                     const RunOptions& run, const AdaptiveOptions& adaptive);

}  // namespace parley::cli
