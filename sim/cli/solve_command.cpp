// `parley solve [SCENARIO]`: the subgame-perfect Markov equilibrium under complete information
// (DESIGN 1.7): each party's equilibrium value at the start, whether and when agreement comes,
// the equilibrium offer at the start as a package, and the offers and values over the front's
// states at the first talks (`--format csv` gives that table, one row per state and proposer).
// The writers are io/report/solve_report.hpp; this file reads the options and dispatches.
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_robustness.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/robustness_findings.hpp"
#include "parley/io/report/solve_report.hpp"
#include "robustness_check.hpp"
#include "scenario_options.hpp"
#include "unsigned_option.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_solve(const std::vector<std::string>& args) {
  ScenarioCommandLine cli("solve",
                          "The subgame-perfect Markov equilibrium under complete information, by backward "
                          "induction over (period, front state): each party's equilibrium value, whether and when "
                          "agreement comes, and the equilibrium offers as packages over the front's states.");
  int period = -1;
  Unsigned<std::size_t> quota;
  bool robustness = false;
  cli.options().add_options()(
      "period", po::value(&period)->default_value(-1),
      "the talk period whose offers are reported over the front's states (default: the first talks)")(
      "quota", po::value(&quota)->default_value(Unsigned<std::size_t>{0}),
      "votes of veto parties an offer needs, the proposer's included (default 0: every veto party)")(
      "robustness", po::bool_switch(&robustness), robustness_help);
  if (const auto code = cli.parse(args)) return *code;
  if (robustness && cli.values().format == OutputFormat::csv) {
    std::cerr << "parley solve: --robustness writes a table or JSON, not CSV\n";
    return 2;
  }
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;

  const AgreementSpace space(*scenario);
  EquilibriumOptions options;
  options.quota = quota.value;
  std::optional<BargainingEquilibrium> eq;
  try {
    eq.emplace(BargainingEquilibrium::solve(*scenario, space, options));
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley solve: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  if (period >= scenario->horizon || (period >= 0 && !eq->talks(period))) {
    std::cerr << "parley solve: --period " << period << " is not a talk period before the horizon\n";
    return 2;
  }
  const io::SolveReport report = io::make_solve_report(*scenario, space, *eq, period);
  std::optional<io::RobustnessCheck> check;
  if (robustness) check = solve_robustness(cli.values(), *scenario, *eq, options);
  std::ostream* out = cli.output();
  if (!out) return 1;
  switch (cli.values().format) {
    case OutputFormat::json: io::write_solve_json(*out, report, check ? &*check : nullptr); break;
    case OutputFormat::csv: io::write_solve_csv(*out, report); break;
    case OutputFormat::table:
      io::write_solve_table(*out, report);
      if (check) io::write_robustness_table(*out, *check);
      break;
  }
  return 0;
}

const CommandRegistration solve_registration{
    {"solve", "subgame-perfect equilibrium: values, agreement, offers over the front's states", run_solve}};

}  // namespace
}  // namespace parley::cli
