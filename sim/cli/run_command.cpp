// `parley run [SCENARIO]`: Monte Carlo over episodes of talks and fighting (DESIGN 1.1, 2, 4).
// The summary says how the war ends and when, what each party can expect, and what a typical
// settlement looks like; `--trace` narrates one episode period by period instead. The options
// and the dispatch are here; the report and its writers are in io/report.
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "command_robustness.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/progress_bar.hpp"
#include "parley/io/report/episode_narrator.hpp"
#include "parley/io/report/robustness_findings.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "robustness_check.hpp"
#include "scenario_options.hpp"

namespace parley::cli {
namespace {

namespace po = boost::program_options;

int run_command(const std::vector<std::string>& args) {
  ScenarioOptionsConfig config;
  config.seed = true;
  config.runs = true;
  config.threads = true;
  ScenarioCommandLine cli("run",
                          "Simulates a scenario many times: how often and when the talks settle, on what terms, "
                          "and what each party can expect (DESIGN 1.1, 2). With --trace, narrates one episode "
                          "period by period instead.",
                          config);
  bool trace_episode = false;
  bool robustness = false;
  cli.options().add_options()("trace", po::bool_switch(&trace_episode),
                              "narrate one episode (run 0 of --seed): the front, each side's reservation value and "
                              "demand, every offer and every answer with its reason")(
      "robustness", po::bool_switch(&robustness), robustness_help);
  if (const auto exit_code = cli.parse(args)) return *exit_code;
  const ScenarioOptions& options = cli.values();
  if (trace_episode && options.format == OutputFormat::csv) {
    std::cerr << "parley run: --trace writes text or JSON, not CSV\n";
    return 2;
  }
  if (robustness && (trace_episode || options.format == OutputFormat::csv)) {
    std::cerr << "parley run: --robustness writes a table or JSON of the summary, not CSV or a trace\n";
    return 2;
  }
  const auto scenario = cli.load_scenario();
  if (!scenario) return 1;
  std::optional<Simulation> simulation;
  try {
    simulation.emplace(*scenario);
  } catch (const std::invalid_argument& e) {
    std::cerr << "parley run: " << scenario->id << ": " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  std::ostream* out = cli.output();
  if (!out) return 1;
  if (trace_episode) {
    io::write_episode_trace(*out, *simulation, options.seed,
                            options.format == OutputFormat::json ? io::TraceFormat::json : io::TraceFormat::text);
    return 0;
  }

  RunOptions run;
  run.runs = options.runs;
  run.seed = options.seed;
  run.threads = options.threads;
  io::ProgressBar progress(std::cerr, isatty(STDERR_FILENO) != 0, "runs");
  run.progress = [&](std::int64_t done, std::int64_t total) { progress.update({done, total}); };
  const RunSummary summary = simulate(*simulation, run);
  progress.finish();
  const io::RunReport report(*simulation, summary);
  std::optional<io::RobustnessCheck> check;
  if (robustness) check = run_robustness(options, *scenario, summary, run);  // common random numbers for the fronts
  switch (options.format) {
    case OutputFormat::table:
      io::write_run_table(*out, report);
      if (check) io::write_robustness_table(*out, *check);
      break;
    case OutputFormat::json: io::write_run_json(*out, report, check ? &*check : nullptr); break;
    case OutputFormat::csv: io::write_run_csv(*out, report); break;
  }
  out->flush();
  return 0;
}

const CommandRegistration run_registration{
    {"run", "simulate a scenario: outcome probabilities, durations, payoffs, settlement terms", run_command}};

}  // namespace
}  // namespace parley::cli
