#include "command_robustness.hpp"

#include <array>
#include <memory>

#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/io/report/robustness_findings.hpp"
#include "parley/io/scenario/robustness_variants.hpp"
#include "robustness_check.hpp"

namespace parley::cli {

io::RobustnessCheck run_robustness(const ScenarioOptions& options, const Scenario& scenario, const RunSummary& summary,
                                   const RunOptions& run) {
  RunOptions quiet = run;
  quiet.progress = nullptr;
  return check_robustness(options, scenario, io::run_findings(scenario, summary), io::PlanningHorizons::scenario,
                          [&](const Scenario& variant, const io::RobustnessVariant&) {
                            return io::run_findings(variant, simulate(variant, quiet));
                          });
}

io::RobustnessCheck solve_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                     const BargainingEquilibrium& equilibrium, const EquilibriumOptions& solver) {
  return check_robustness(options, scenario, io::solve_findings(scenario, equilibrium), io::PlanningHorizons::ignored,
                          [&](const Scenario& variant, const io::RobustnessVariant&) {
                            const AgreementSpace variant_space(variant);
                            return io::solve_findings(variant,
                                                      BargainingEquilibrium::solve(variant, variant_space, solver));
                          });
}

io::RobustnessCheck compare_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                       const io::CompareReport& report, const std::vector<std::string>& strategy_args,
                                       const RunOptions& run, const AdaptiveOptions& adaptive) {
  // Strategies keep the base's labels under every change: a candidate whose planning horizon
  // is scaled is the same strategy, planned over another horizon.
  const std::array<std::vector<std::string>, 2> labels{report.game.strategy_labels(0), report.game.strategy_labels(1)};
  return check_robustness(
      options, scenario, io::compare_findings(report, labels), io::PlanningHorizons::scenario_and_candidates,
      [&](const Scenario& variant, const io::RobustnessVariant& change) {
        MetaGameSpec variant_spec = io::meta_game_players(variant, strategy_args);
        for (auto& candidates : variant_spec.strategies)
          for (StrategySpec& candidate : candidates)
            candidate = io::scaled_planning_horizon(candidate, change.planning_factor);
        variant_spec.labels = labels;
        const AdaptiveMetaGame game =
            play_adaptive_meta_game(std::make_shared<const BargainingSetting>(variant), variant_spec, run, adaptive);
        return io::compare_findings(io::make_compare_report(variant, game), labels);
      });
}

}  // namespace parley::cli
