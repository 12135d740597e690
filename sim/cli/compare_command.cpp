// `parley compare [SCENARIO] --strategies russia=prolonged,quick,stall --strategies
// ukraine=prolonged,quick,contingent`: the strategy meta-game (DESIGN 1.7). Every profile is
// simulated by Monte Carlo with common random numbers; the expected payoffs, with standard
// errors (paired, for the differences that decide best replies), form a bimatrix game whose
// every Nash equilibrium is reported, with supports, probabilities and payoffs, and in words.
// `--export-nfg FILE` writes the game in Gambit's .nfg format. The players come from
// compare_players.hpp, the writers from io/report/compare_report.hpp.
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "compare_players.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/compare_report.hpp"
#include "parley/solve/meta_game.hpp"
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
                          "equilibrium of the resulting game, and best replies in words. Strategies are catalog "
                          "names, optionally with parameters: prolonged:e=0.1.",
                          config);
  std::vector<std::string> strategy_args;
  std::string nfg_path;
  cli.options().add_options()(
      "strategies", po::value(&strategy_args)->composing(),
      "PARTY=S1,S2,...: a player and its strategies; give it once per player (default: both sides of the "
      "battlefield with prolonged,quick)")("export-nfg", po::value(&nfg_path),
                                           "also write the meta-game to FILE in Gambit's .nfg format");
  if (const auto code = cli.parse(args)) return *code;
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;

  MetaGameSpec spec;
  try {
    spec = compare_players(*scenario, strategy_args);
  } catch (const std::exception& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 2;
  }

  RunOptions options;
  options.runs = cli.values().runs;
  options.seed = cli.values().seed;
  options.threads = cli.values().threads;
  std::optional<MetaGame> meta;
  try {
    meta.emplace(play_meta_game(std::make_shared<const BargainingSetting>(*scenario), spec, options));
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  try {
    if (!nfg_path.empty()) io::write_nfg_file(nfg_path, meta->game());
  } catch (const std::exception& e) {
    std::cerr << "parley compare: " << io::printable_text(e.what()) << "\n";
    return 1;
  }

  const io::CompareReport report = io::make_compare_report(*scenario, *meta, options.seed);
  std::ostream* out = cli.output();
  if (!out) return 1;
  switch (cli.values().format) {
    case OutputFormat::json: io::write_compare_json(*out, report); break;
    case OutputFormat::csv: io::write_compare_csv(*out, report); break;
    case OutputFormat::table: io::write_compare_table(*out, report); break;
  }
  return 0;
}

const CommandRegistration compare_registration{
    {"compare", "strategy meta-game: payoffs of every profile, Nash equilibria, best replies", run_compare}};

}  // namespace
}  // namespace parley::cli
