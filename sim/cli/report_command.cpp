// `parley report [SCENARIO] -o report.html` (issue 17, item 3): one self-contained HTML page
// with what analyze, solve, run and compare say of a scenario, the regime map over the
// battlefield advantage and the robustness checks, each with the command that reproduces it.
// This file computes each part as its own command does and hands them to
// io/report/html_report.hpp, which writes the page.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "command.hpp"
#include "command_robustness.hpp"
#include "compare_across.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/html_report.hpp"
#include "parley/io/report/robustness_findings.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "robustness_check.hpp"
#include "scenario_options.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

// One word of a shell command as a POSIX shell reads it back: bare when it holds only safe
// characters, otherwise in single quotes.
std::string shell_word(const std::string& word) {
  const bool bare = !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                           "0123456789-_./=:,+@%") == std::string::npos;
  if (bare) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string shell_line(const std::vector<std::string>& words) {
  std::string line;
  for (const std::string& w : words) line += (line.empty() ? "" : " ") + shell_word(w);
  return line;
}

// The text of the scenario the user named: the file, or the built-in scenario's YAML.
std::string scenario_text(const std::string& argument) {
  std::error_code error;
  if (std::filesystem::is_regular_file(argument, error)) {
    std::ifstream in(argument);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string name = argument;
  if (name.size() > 5 && name.ends_with(".yaml")) name.resize(name.size() - 5);
  for (const io::BuiltinScenario& b : io::builtin_scenarios())
    if (b.name == name) return std::string(b.yaml);
  return {};
}

// The field the regime map varies by default: the battlefield advantage at the start, in the
// shape the scenario gives it (a constant's value, a schedule's starting value).
std::optional<std::string> advantage_path(const Scenario& scenario) {
  if (!scenario.battlefield) return std::nullopt;
  return scenario.battlefield->advantage.kind == AdvantageSchedule::Kind::constant ? "battlefield.advantage.value"
                                                                                   : "battlefield.advantage.from";
}

int run_report(const std::vector<std::string>& args) {
  ScenarioOptionsConfig config;
  config.seed = true;
  config.runs = true;
  config.default_runs = 2000;
  config.threads = true;
  config.formats = {};
  ScenarioCommandLine cli("report",
                          "One self-contained HTML page on a scenario, to read in a browser or to mail: the scenario "
                          "in words with its stated assumptions, the bargaining range and its packages on the Pareto "
                          "frontier, the subgame-perfect equilibrium, the simulated outcomes, the regime map of the "
                          "strategy meta-game over the battlefield advantage, the robustness of each conclusion, and "
                          "the command that reproduces each part. Figures are inline SVG: no files, no scripts.",
                          config);
  std::string across;
  std::vector<std::string> strategy_args;
  double tolerance = -1.0;
  bool no_robustness = false;
  cli.options().add_options()(
      "across", po::value(&across),
      "PATH=SPEC: the regime map's parameter and grid (default: the battlefield advantage at the start, "
      "-0.5:0.5:11; 'none' for no map)")("strategies", po::value(&strategy_args)->composing(),
                                         "PARTY=S1,S2,...: the meta-game's players and strategies, as for compare "
                                         "(default: both sides of the battlefield with prolonged,quick)")(
      "tolerance", po::value(&tolerance)->default_value(-1.0),
      "the width to which the map's boundaries are bracketed (default: the grid step / 8)")(
      "no-robustness", po::bool_switch(&no_robustness), "skip the robustness checks (faster)");
  if (const auto code = cli.parse(args)) return *code;
  const ScenarioOptions& options = cli.values();
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;

  // The words every reproducing command shares: the scenario and the user's --set's.
  std::vector<std::string> scenario_words{options.scenario};
  for (const std::string& set : options.sets) scenario_words.insert(scenario_words.end(), {"--set", set});
  std::vector<std::string> report_words{"parley", "report"};
  report_words.insert(report_words.end(), args.begin(), args.end());

  // analyze
  const ScenarioAnalysis analysis = analyze_scenario(*scenario);

  // solve
  const AgreementSpace& space = analysis.space;
  std::optional<BargainingEquilibrium> equilibrium;
  std::optional<io::SolveReport> solve;
  std::string solve_error;
  try {
    equilibrium.emplace(BargainingEquilibrium::solve(*scenario, space, EquilibriumOptions{}));
    solve.emplace(io::make_solve_report(*scenario, space, *equilibrium, -1));
  } catch (const std::invalid_argument& e) {
    solve_error = io::printable_text(e.what());
  }

  // run
  std::optional<Simulation> simulation;
  try {
    simulation.emplace(*scenario);
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley report: " << scenario->id << ": " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  RunOptions run;
  run.runs = options.runs;
  run.seed = options.seed;
  run.threads = options.threads;
  const RunSummary summary = simulate(*simulation, run);
  const io::RunReport run_report(*simulation, summary);

  std::vector<std::string> strategy_words;
  for (const std::string& s : strategy_args) strategy_words.insert(strategy_words.end(), {"--strategies", s});

  // compare at the scenario's own set-up
  AdaptiveOptions adaptive;
  MetaGameSpec spec;
  try {
    spec = io::meta_game_players(*scenario, strategy_args);
  } catch (const std::exception& e) {
    std::cerr << "parley report: --strategies: " << io::printable_text(e.what()) << "\n";
    return 2;
  }
  std::optional<AdaptiveMetaGame> played;
  std::optional<io::CompareReport> compare;
  try {
    played.emplace(play_adaptive_meta_game(std::make_shared<const BargainingSetting>(*scenario), spec, run, adaptive));
    compare.emplace(io::make_compare_report(*scenario, *played));
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley report: the meta-game: " << io::printable_text(e.what()) << "\n";
    return 1;
  }

  // the regime map
  std::optional<io::RegimeMapReport> regime;
  std::string regime_note, regime_arguments;
  if (across.empty()) {
    if (const auto path = advantage_path(*scenario))
      across = *path + "=-0.5:0.5:11";
    else
      regime_note = "The scenario has no battlefield, so there is no advantage to map (give --across PATH=SPEC to map "
                    "another field).";
  } else if (across == "none") {
    across.clear();
    regime_note = "Not drawn (the page was made with --across none).";
  }
  if (!across.empty()) {
    int exit_code = 0;
    regime = play_regime_map(cli, "report", strategy_args, across, tolerance, run, adaptive, exit_code);
    if (!regime) return exit_code;
    std::vector<std::string> words{"--across", across, "--runs", std::to_string(run.runs), "--seed",
                                   std::to_string(run.seed)};
    if (tolerance >= 0.0) words.insert(words.end(), {"--tolerance", io::format_shortest(tolerance)});
    regime_arguments = shell_line(words);
  }

  std::vector<io::ReportRobustness> robustness;
  // The conclusions of run, solve and compare, and with robustness each under every change of
  // set-up, as their --robustness asks.
  if (no_robustness) {
    robustness.push_back({"run", {io::run_findings(*scenario, summary), {}}});
    if (equilibrium) robustness.push_back({"solve", {io::solve_findings(*scenario, *equilibrium), {}}});
    robustness.push_back({"compare", {io::compare_findings(*compare, {compare->game.strategy_labels(0),
                                                                      compare->game.strategy_labels(1)}),
                                      {}}});
  } else {
    robustness.push_back({"run", run_robustness(options, *scenario, summary, run)});
    if (equilibrium) robustness.push_back({"solve", solve_robustness(options, *scenario, *equilibrium, {})});
    robustness.push_back({"compare", compare_robustness(options, *scenario, *compare, strategy_args, run, adaptive)});
  }

  std::ostringstream described;
  io::write_description_table(described, *scenario);
  const io::ReportPage page{.scenario = *scenario,
                            .analysis = analysis,
                            .solve = solve ? &*solve : nullptr,
                            .solve_error = solve_error,
                            .run = run_report,
                            .compare = &*compare,
                            .regime = regime ? &*regime : nullptr,
                            .regime_note = regime_note,
                            .robustness = std::move(robustness),
                            .version = PARLEY_VERSION,
                            .scenario_arguments = shell_line(scenario_words),
                            .report_command = shell_line(report_words),
                            .strategy_arguments = shell_line(strategy_words),
                            .regime_arguments = regime_arguments,
                            .runs = run.runs,
                            .seed = run.seed,
                            .scenario_in_words = described.str(),
                            .stated_assumptions = io::opening_comment(scenario_text(options.scenario))};
  std::ostream* out = cli.output();
  if (!out) return 1;
  io::write_report_html(*out, page);
  out->flush();
  return 0;
}

const CommandRegistration report_registration{
    {"report", "one self-contained HTML page: range, equilibrium, outcomes, regime map, robustness", run_report}};

}  // namespace
}  // namespace parley::cli
