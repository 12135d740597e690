// `parley sweep`: a parameter sweep of a scenario over a design (DESIGN 2), into a tidy CSV with
// a manifest; resumable, sharded for job arrays, spread over MPI ranks. And
// `parley sweep --analyze sobol results.csv --metric M`: Sobol' indices of a Saltelli sweep.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/progress_bar.hpp"
#include "parley/io/report/sobol_report.hpp"
#include "parley/io/sweep/sobol_report_inputs.hpp"
#include "parley/io/sweep/sweep_request.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/io/sweep/sweep_summary.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/process_group.hpp"
#include "parley/sweep/sobol_indices.hpp"
#include "scenario_options.hpp"
#include "unsigned_option.hpp"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

constexpr const char* usage_text =
    "Usage: parley sweep [SCENARIO] --vary PATH=SPEC... -o results.csv [options]\n"
    "       parley sweep [SCENARIO] --plan sweep.yaml -o results.csv [options]\n"
    "       parley sweep --analyze sobol results.csv --metric M [--bootstrap B] [--confidence C]\n"
    "\n"
    "Runs the Monte Carlo simulation of SCENARIO (a file or a built-in name; default\n"
    "ukraine-2025) at every point of a design and writes one CSV row per point as it finishes:\n"
    "point, the varied parameters, seed, status, message, then the metrics. A manifest\n"
    "(results.csv.json) records the program, scenario hash, sweep, times and rows done.\n"
    "\n"
    "PATH is any --set path (battlefield.advantage, parties.russia.cost,\n"
    "parties.ukraine.strategy). SPEC is lo:hi:n (n evenly spaced values), v1,v2,... (a list\n"
    "of YAML values, e.g. prolonged,quick) or lo:hi (a range, for random, lhs and sobol).\n"
    "Before any point runs, every value (a range's ends and an interior point) is applied\n"
    "alone to the scenario and validated; combinations that do not validate become rows with\n"
    "status invalid. Point p, run k use the random stream of (seed, p, k): results do not\n"
    "depend on --threads, --shard or MPI. Under mpirun, rank 0 writes the one file.\n"
    "\n"
    "--analyze sobol reads a --design sobol results file and prints first-order and total\n"
    "Sobol indices (Saltelli 2010, Jansen 1999) with percentile bootstrap intervals.\n";

struct Arguments {
  io::SweepRequestOptions request;
  Unsigned<std::uint64_t> samples;
  Unsigned<std::uint64_t> runs{1000};
  Unsigned<std::uint64_t> seed{1};
  Unsigned<std::uint64_t> max_points;
  std::string output;
  bool resume = false;
  bool force = false;
  int threads = 0;
  std::string shard;
  bool quiet = false;
  std::string analyze;
  std::string metric;
  int bootstrap = 1000;
  double confidence = 0.95;
  std::string format = "table";
};

// Splits comma-separated option values (`--metrics a,b --metrics c`).
std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::stringstream in(value);
    for (std::string item; std::getline(in, item, ',');)
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

// Parses the arguments; returns an exit code to stop with (help: 0, usage error: 2).
std::optional<int> parse(const std::vector<std::string>& args, Arguments& a) {
  io::SweepRequestOptions& r = a.request;
  po::options_description sweep_options("Sweep options");
  sweep_options.add_options()
      ("help,h", "show this help")
      ("vary", po::value(&r.vary)->composing(), "PATH=SPEC: a varied field (repeatable)")
      ("plan", po::value(&r.plan), "FILE: a sweep plan (YAML: scenario, design, samples, runs, seed, metrics, "
                                   "set, vary); command-line options override it, --vary adds to it")
      ("design", po::value(&r.design), "grid (default), random, lhs (Latin hypercube) or sobol (Saltelli)")
      ("samples", po::value(&a.samples), "random, lhs: the number of points; sobol: base samples N "
                                         "(N (d + 2) points for d parameters; a power of 2 is best)")
      ("set", po::value(&r.sets)->composing(), "PATH=VALUE: change the scenario before varying it (repeatable)")
      ("runs", po::value(&a.runs)->default_value(Unsigned<std::uint64_t>{1000}), "Monte Carlo runs per point (>= 1)")
      ("seed", po::value(&a.seed)->default_value(Unsigned<std::uint64_t>{1}), "base seed (also of random and lhs designs)")
      ("max-points", po::value(&a.max_points), "N: allow designs of up to N points (default 10^9; lhs: "
                                               "25,000,000 / parameters, 8 bytes per point and parameter)")
      ("metrics", po::value<std::vector<std::string>>()->composing(),
       "metric columns to keep, comma-separated, * matches anything (default: all), "
       "e.g. outcomes.settled,parties.*.utility.mean")
      ("meta-game", po::bool_switch(&r.meta_game),
       "also play the strategy meta-game at every point, with common random numbers across points as "
       "compare --across does: meta.* columns (its equilibria, each best reply, each profile's payoffs)")
      ("strategies", po::value(&r.strategies)->composing(),
       "with --meta-game, PARTY=S1,S2,...: a player and its strategies, as for compare (default: both sides of "
       "the battlefield with prolonged,quick)")
      ("output,o", po::value(&a.output), "the results CSV (required)")
      ("resume", po::bool_switch(&a.resume), "complete an interrupted sweep (or start it if the file is missing)")
      ("force", po::bool_switch(&a.force), "replace an existing results file")
      ("threads", po::value(&a.threads)->default_value(0),
       "worker threads (0: one per hardware thread; under mpirun 0 means 1 per rank)")
      ("shard", po::value(&a.shard), "k/n: run only points p with p mod n = k - 1 (job arrays; join with parley merge)")
      ("quiet,q", po::bool_switch(&a.quiet), "no progress bar or summary");
  po::options_description analysis_options("Analysis options");
  analysis_options.add_options()
      ("analyze", po::value(&a.analyze), "sobol: analyse the results file given as the argument")
      ("metric", po::value(&a.metric), "the metric column to analyse")
      ("bootstrap", po::value(&a.bootstrap)->default_value(1000), "bootstrap resamples for the intervals")
      ("confidence", po::value(&a.confidence)->default_value(0.95), "confidence level of the intervals")
      ("format", po::value(&a.format)->default_value("table"), "analysis output: table, csv or json");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value(&r.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::options_description all;
  all.add(sweep_options).add(analysis_options).add(hidden);
  po::variables_map given;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), given);
    po::notify(given);
  } catch (const po::error& e) {
    std::cerr << "parley sweep: " << io::printable_text(e.what()) << "\n(parley sweep --help lists the options)\n";
    return 2;
  }
  if (given.count("help")) {
    std::cout << usage_text << "\n" << sweep_options << "\n" << analysis_options;
    return 0;
  }
  // Only options given on the command line override the plan, not the options' defaults.
  const auto stated = [&](const char* option) { return given.count(option) && !given[option].defaulted(); };
  if (stated("samples")) r.samples = a.samples.value;
  if (stated("runs")) r.runs = a.runs.value;
  if (stated("seed")) r.seed = a.seed.value;
  if (stated("max-points")) {
    if (a.max_points.value == 0) {
      std::cerr << "parley sweep: --max-points must be at least 1\n";
      return 2;
    }
    r.max_points = a.max_points.value;
  }
  if (given.count("metrics")) r.metrics = split_commas(given["metrics"].as<std::vector<std::string>>());
  return std::nullopt;
}

int run_sweep(const Arguments& a) {
  std::optional<sweep::ProcessGroup> group_storage;
  try {
    group_storage.emplace();
  } catch (const std::exception& e) {
    std::cerr << "parley sweep: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
  const sweep::ProcessGroup& group = *group_storage;
  // Every rank checks the same inputs and reaches the same verdict; only rank 0 says it.
  std::ostringstream muted;
  std::ostream& err = group.is_root() ? std::cerr : muted;
  auto fail = [&](const std::string& message, int code) {
    err << "parley sweep: " << message << "\n";
    return code;
  };

  io::SweepRequest request;
  try {
    request = io::read_sweep_request(a.request);
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, err);
    return 1;
  } catch (const std::invalid_argument& e) {
    return fail(io::printable_text(e.what()), 2);
  }
  if (a.output.empty()) return fail("give the results file with -o FILE", 2);
  if (a.threads < 0) return fail("--threads must be 0 (all) or more", 2);
  sweep::Shard shard;
  if (!a.shard.empty()) {
    try {
      shard = io::parse_shard(a.shard);
    } catch (const std::exception& e) {
      return fail(io::printable_text(e.what()), 2);
    }
  }
  // Checked before any point runs: the spec, the scenario, every varied value, the metrics.
  io::PreparedSweep prepared;
  try {
    prepared = io::prepare_sweep(request);
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, err);
    return 1;
  } catch (const io::SweepRequestProblems& e) {
    for (const auto& p : e.problems()) err << "parley sweep: " << p << "\n";
    return 1;
  }

  const sweep::Design design(request.spec, request.limits);
  io::SweepSessionOptions options;
  options.output = a.output;
  options.resume = a.resume;
  options.overwrite = a.force;
  options.shard = shard;
  options.threads = io::sweep_worker_threads(a.threads, group.size());
  options.scenario = request.scenario;
  options.scenario_sha256 = io::sweep_scenario_sha256(request.scenario);
  io::ProgressBar bar(std::cerr, group.is_root() && !a.quiet && ::isatty(STDERR_FILENO), "points");
  options.progress = [&bar](const io::SweepProgress& p) { bar.update(io::sweep_progress_count(p)); };

  io::SweepProgress final;
  try {
    final = io::run_sweep_session(group, design, prepared.evaluator, options);
  } catch (const io::SweepNotStarted& e) {
    // Every rank got the same verdict before any work: each ends by itself.
    return fail(io::printable_text(e.what()), 1);
  } catch (const std::exception& e) {
    bar.finish();
    err << "parley sweep: " << io::printable_text(e.what()) << "\n";
    // A failure while writing on rank 0 leaves the other ranks waiting: end the whole job.
    if (group.size() > 1 && group.is_root()) group.abort(1);
    return 1;
  }
  bar.finish();
  if (group.is_root() && !a.quiet) std::cerr << "parley sweep: " << io::sweep_summary(final, a.output) << "\n";
  return 0;
}

// A usage error of --analyze: said on standard error, exit code 2.
int usage_error(const std::string& message) {
  std::cerr << "parley sweep: " << message << "\n";
  return 2;
}

int analyze(const Arguments& a) {
  const std::string& results = a.request.scenario;
  if (a.analyze != "sobol") return usage_error("--analyze takes sobol, got '" + a.analyze + "'");
  if (results.empty() || a.metric.empty()) return usage_error("--analyze sobol needs the results file and --metric M");
  if (a.format != "table" && a.format != "csv" && a.format != "json")
    return usage_error("--format must be table, csv or json");
  if (a.bootstrap < 0 || !(a.confidence > 0 && a.confidence < 1))
    return usage_error("--bootstrap must be >= 0 and --confidence in (0, 1)");
  try {
    const auto outputs = io::read_saltelli_outputs(results, a.metric);
    if (const auto note = io::missing_samples_note(outputs)) std::cerr << "parley sweep: " << *note << "\n";
    const io::SobolReport report{
        a.metric, outputs.parameters,
        sweep::sobol_indices(outputs.f_a, outputs.f_b, outputs.f_ab, a.bootstrap, a.confidence, a.seed.value), a.bootstrap,
        a.confidence};
    if (a.format == "json") io::write_sobol_json(std::cout, report);
    else if (a.format == "csv") io::write_sobol_csv(std::cout, report);
    else io::write_sobol_table(std::cout, report);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parley sweep: " << io::printable_text(e.what()) << "\n";
    return 1;
  }
}

int sweep_command(const std::vector<std::string>& args) {
  Arguments a;
  if (const auto code = parse(args, a)) return *code;
  if (!a.analyze.empty()) return analyze(a);
  return run_sweep(a);
}

}  // namespace

static CommandRegistration sweep_registration{
    {"sweep", "parameter sweeps over a design (grid, random, lhs, sobol) into a tidy CSV; Sobol analysis",
     sweep_command}};

}  // namespace parley::cli
