// `parley analyze [SCENARIO]`: the exact analytics of a scenario, with no simulation
// (DESIGN 1.4, 1.8): how a war fought to the end ends, what fighting on is worth to each party,
// the zone of possible agreement that leaves, and the Nash, Kalai-Smorodinsky and
// maximum-welfare packages. `--format csv` gives the plot-ready table of V_i(0, s) over s.
// The writers are io/report/analyze_report.hpp; this file reads the options and dispatches.
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "parley/io/report/analyze_report.hpp"
#include "parley/solve/scenario_analysis.hpp"
#include "scenario_options.hpp"

namespace parley::cli {
namespace {

int run_analyze(const std::vector<std::string>& args) {
  ScenarioCommandLine cli("analyze",
                          "Exact analytics of a scenario: how a war fought to the end ends, each party's value of "
                          "fighting on, the zone of possible agreement, and the Nash, Kalai-Smorodinsky and "
                          "maximum-welfare packages. --format csv writes V_i(0, s) over the front's states.");
  if (const auto code = cli.parse(args)) return *code;
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;
  std::ostream* out = cli.output();
  if (!out) return 1;
  const ScenarioAnalysis analysis = analyze_scenario(*scenario);
  const io::AnalyzeReport report{*scenario, analysis};
  switch (cli.values().format) {
    case OutputFormat::json: io::write_analyze_json(*out, report); break;
    case OutputFormat::csv: io::write_analyze_csv(*out, report); break;
    case OutputFormat::table: io::write_analyze_table(*out, report); break;
  }
  return 0;
}

const CommandRegistration analyze_registration{
    {"analyze", "exact analytics: war values, absorption, bargaining range, Nash and KS packages", run_analyze}};

}  // namespace
}  // namespace parley::cli
