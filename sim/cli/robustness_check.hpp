#pragma once
// `--robustness` for `run`, `solve` and `compare` (issue 16, item 2): the command's question
// asked again under each change of set-up of io/scenario/robustness_variants.hpp, each variant
// loaded from the same SCENARIO with the user's `--set`s and then the variant's own.

#include <functional>
#include <string>

#include "parley/io/report/robustness_report.hpp"
#include "parley/io/scenario/robustness_variants.hpp"
#include "parley/model/scenario.hpp"
#include "scenario_options.hpp"

namespace parley::cli {

/// The option's help text, shared by the three commands.
inline constexpr const char* robustness_help =
    "also ask the same question with the horizon halved and doubled, under every other speaking "
    "order (or random recognition), and with the planning horizons halved and doubled, and say "
    "whether the conclusion survives each change (a table, or `robustness` in JSON)";

/// How a command answers its question for one scenario, as findings.
using FindingsOf = std::function<io::RobustnessFindings(const Scenario&, const io::RobustnessVariant&)>;

/// \brief The robustness check: `base` (the findings under the command line as given) and,
/// for every variant of `scenario` (robustness_variants), `evaluate` on the scenario loaded
/// from `options.scenario` with `options.sets` and the variant's overrides. A variant that
/// fails to load or to evaluate becomes a row with its error, not a failure of the command.
[[nodiscard]] io::RobustnessCheck check_robustness(const ScenarioOptions& options, const Scenario& scenario,
                                                   io::RobustnessFindings base, io::PlanningHorizons planning,
                                                   const FindingsOf& evaluate);

}  // namespace parley::cli
