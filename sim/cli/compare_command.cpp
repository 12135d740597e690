// `parley compare [SCENARIO] --strategies russia=prolonged,quick,stall --strategies
// ukraine=prolonged,quick,contingent`: the strategy meta-game (DESIGN 1.7). Every profile is
// simulated by Monte Carlo with common random numbers; the expected payoffs, with standard
// errors (paired, for the differences that decide best replies), form a bimatrix game whose
// every Nash equilibrium is reported, with supports, probabilities and payoffs, and in words.
// The payoffs are estimates: best replies within the confidence (`--confidence`, 0.95) are
// ties, and the runs start at `--runs` and double (the runs done kept) until the equilibrium set
// at that confidence is the same at two successive sizes or `--max-runs` (16 x --runs) is spent
// (solve/adaptive_meta_game.hpp); `--fixed-runs` plays `--runs` only. `--export-nfg FILE` writes
// the game in Gambit's .nfg format. The players come from io/scenario/meta_game_players.hpp, the writers from
// io/report/compare_report.hpp.
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "command_robustness.hpp"
#include "compare_across.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/compare_report.hpp"
#include "parley/io/report/robustness_findings.hpp"
#include "parley/io/scenario/robustness_variants.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "parley/solve/meta_game.hpp"
#include "robustness_check.hpp"
#include "scenario_options.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_compare(const std::vector<std::string>& args) {
  ScenarioOptionsConfig config;
  config.seed = true;
  config.runs = true;
  config.default_runs = 2000;
  config.threads = true;
  ScenarioCommandLine cli("compare",
                          "The strategy meta-game: every profile of the listed strategies simulated with common "
                          "random numbers, the expected payoffs with their standard errors, every Nash "
                          "equilibrium of the resulting game, and best replies in words, those within the "
                          "confidence marked as ties. The runs start at --runs and double until the equilibrium "
                          "set at the confidence is the same at two successive sizes or --max-runs is spent. "
                          "Strategies are catalog names, optionally with parameters: prolonged:e=0.1.",
                          config);
  std::vector<std::string> strategy_args;
  std::string nfg_path;
  AdaptiveOptions adaptive;
  bool fixed_runs = false;
  bool robustness = false;
  std::vector<std::string> across;
  double tolerance = -1.0;
  cli.options().add_options()(
      "strategies", po::value(&strategy_args)->composing(),
      "PARTY=S1,S2,...: a player and its strategies; give it once per player (default: both sides of the "
      "battlefield with prolonged,quick)")("export-nfg", po::value(&nfg_path),
                                           "also write the meta-game to FILE in Gambit's .nfg format")(
      "confidence", po::value(&adaptive.confidence)->default_value(0.95),
      "confidence level, in (0, 1): a best reply whose margin is within the normal quantile of this level "
      "(1.96 for 0.95) times its paired standard error is a tie")(
      "max-runs", po::value(&adaptive.max_runs)->default_value(0),
      "budget of runs per profile for the doubling (>= --runs; 0: 16 x --runs)")(
      "fixed-runs", po::bool_switch(&fixed_runs), "play --runs runs only: no doubling, no check of stability")(
      "robustness", po::bool_switch(&robustness), robustness_help)(
      "across", po::value(&across)->composing(),
      "PATH=SPEC: the meta-game at every value of a numeric field (lo:hi:n or v1,v2,...), with the boundaries "
      "where the equilibrium set or a best reply changes, located by bisection (a regime map); given twice, one "
      "map along the first at each value of the second, and the boundary curves")(
      "tolerance", po::value(&tolerance)->default_value(-1.0),
      "with --across: the width to which a boundary is bracketed (default: the smallest grid step / 8; 0: the grid)");
  if (const auto code = cli.parse(args)) return *code;
  const auto usage_error = [](const std::string& message) {
    std::cerr << "parley compare: " << message << "\n(parley compare --help lists the options)\n";
    return 2;
  };
  if (!(adaptive.confidence > 0.0 && adaptive.confidence < 1.0))
    return usage_error("--confidence must lie strictly between 0 and 1");
  if (adaptive.max_runs < 0 || (adaptive.max_runs > 0 && adaptive.max_runs < cli.values().runs))
    return usage_error("--max-runs must be 0 (16 x --runs) or at least --runs");
  adaptive.doubling = !fixed_runs;
  if (robustness && cli.values().format == OutputFormat::csv)
    return usage_error("--robustness writes a table or JSON, not CSV");
  if (across.size() > 2) return usage_error("--across takes one or two parameters");
  if (!across.empty()) {
    if (robustness) return usage_error("--across and --robustness are separate questions: ask one at a time");
    if (!nfg_path.empty()) return usage_error("--export-nfg writes one game, not a map over --across");
    if (cli.values().format == OutputFormat::csv) return usage_error("--across writes a table or JSON, not CSV");
    RunOptions map_options;
    map_options.runs = cli.values().runs;
    map_options.seed = cli.values().seed;
    map_options.threads = cli.values().threads;
    return compare_across(cli, strategy_args, across, tolerance, map_options, adaptive);
  }
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;

  MetaGameSpec spec;
  try {
    spec = io::meta_game_players(*scenario, strategy_args);
  } catch (const std::exception& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 2;
  }

  RunOptions options;
  options.runs = cli.values().runs;
  options.seed = cli.values().seed;
  options.threads = cli.values().threads;
  std::optional<AdaptiveMetaGame> played;
  try {
    played.emplace(play_adaptive_meta_game(std::make_shared<const BargainingSetting>(*scenario), spec, options, adaptive));
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  try {
    if (!nfg_path.empty()) io::write_nfg_file(nfg_path, played->meta.game());
  } catch (const std::exception& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 1;
  }

  const io::CompareReport report = io::make_compare_report(*scenario, *played);
  std::optional<io::RobustnessCheck> check;
  if (robustness) check = compare_robustness(cli.values(), *scenario, report, strategy_args, options, adaptive);
  std::ostream* out = cli.output();
  if (!out) return 1;
  switch (cli.values().format) {
    case OutputFormat::json: io::write_compare_json(*out, report, check ? &*check : nullptr); break;
    case OutputFormat::csv: io::write_compare_csv(*out, report); break;
    case OutputFormat::table:
      io::write_compare_table(*out, report);
      if (check) io::write_robustness_table(*out, *check);
      break;
  }
  return 0;
}

const CommandRegistration compare_registration{
    {"compare", "strategy meta-game: payoffs of every profile, Nash equilibria, best replies", run_compare}};

}  // namespace
}  // namespace parley::cli
