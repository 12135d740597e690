// `parley sweep`: a parameter sweep of a scenario over a design (DESIGN 2), into a tidy CSV with
// a manifest; resumable, sharded for job arrays, spread over MPI ranks. And
// `parley sweep --analyze sobol results.csv --metric M`: Sobol' indices of a Saltelli sweep.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <boost/program_options.hpp>

#include "command.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/progress_bar.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/sha256.hpp"
#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"
#include "parley/io/sweep/sweep_results.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/process_group.hpp"
#include "parley/sweep/sobol_indices.hpp"
#include "scenario_options.hpp"

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
  std::string scenario;
  std::vector<std::string> sets;
  std::vector<std::string> vary;
  std::string plan;
  std::string design;
  std::uint64_t samples = 0;
  std::uint64_t runs = 1000;
  std::uint64_t seed = 1;
  std::vector<std::string> metrics;
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
  po::variables_map given;
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
  po::options_description sweep_options("Sweep options");
  sweep_options.add_options()
      ("help,h", "show this help")
      ("vary", po::value(&a.vary)->composing(), "PATH=SPEC: a varied field (repeatable)")
      ("plan", po::value(&a.plan), "FILE: a sweep plan (YAML: scenario, design, samples, runs, seed, metrics, "
                                   "set, vary); command-line options override it, --vary adds to it")
      ("design", po::value(&a.design), "grid (default), random, lhs (Latin hypercube) or sobol (Saltelli)")
      ("samples", po::value(&a.samples), "random, lhs: the number of points; sobol: base samples N "
                                         "(N (d + 2) points for d parameters; a power of 2 is best)")
      ("set", po::value(&a.sets)->composing(), "PATH=VALUE: change the scenario before varying it (repeatable)")
      ("runs", po::value(&a.runs)->default_value(1000), "Monte Carlo runs per point (>= 1)")
      ("seed", po::value(&a.seed)->default_value(1), "base seed (also of random and lhs designs)")
      ("metrics", po::value<std::vector<std::string>>()->composing(),
       "metric columns to keep, comma-separated, * matches anything (default: all), "
       "e.g. outcomes.settled,parties.*.utility.mean")
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
  hidden.add_options()("scenario", po::value(&a.scenario));
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::options_description all;
  all.add(sweep_options).add(analysis_options).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), a.given);
    po::notify(a.given);
  } catch (const po::error& e) {
    std::cerr << "parley sweep: " << e.what() << "\n(parley sweep --help lists the options)\n";
    return 2;
  }
  if (a.given.count("help")) {
    std::cout << usage_text << "\n" << sweep_options << "\n" << analysis_options;
    return 0;
  }
  if (a.given.count("metrics")) a.metrics = split_commas(a.given["metrics"].as<std::vector<std::string>>());
  return std::nullopt;
}

bool given(const Arguments& a, const char* option) {
  return a.given.count(option) && !a.given[option].defaulted();
}

// The text a SCENARIO argument names (a file, else a built-in scenario), for the manifest's hash.
std::string scenario_text(const std::string& path_or_name) {
  if (std::filesystem::is_regular_file(path_or_name)) {
    std::ifstream in(path_or_name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string name = path_or_name;
  if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") name.resize(name.size() - 5);
  for (const auto& builtin : io::builtin_scenarios())
    if (builtin.name == name) return std::string(builtin.yaml);
  return {};
}

int run_sweep(Arguments& a) {
  std::optional<sweep::ProcessGroup> group_storage;
  try {
    group_storage.emplace();
  } catch (const std::exception& e) {
    std::cerr << "parley sweep: " << e.what() << "\n";
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

  sweep::SweepSpec spec;
  std::string scenario = a.scenario;
  try {
    if (!a.plan.empty()) {
      const io::SweepPlan plan = io::read_sweep_plan(a.plan);
      if (scenario.empty() && plan.scenario) scenario = *plan.scenario;
      if (plan.design) spec.design = *plan.design;
      if (plan.samples) spec.samples = *plan.samples;
      if (plan.runs) spec.runs = *plan.runs;
      if (plan.seed) spec.seed = *plan.seed;
      spec.metrics = plan.metrics;
      spec.base_overrides = plan.base_overrides;
      spec.parameters = plan.parameters;
    }
    for (const auto& v : a.vary) spec.parameters.push_back(io::parse_vary(v));
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, err);
    return 1;
  }
  if (scenario.empty()) scenario = std::string(io::default_scenario_name);
  // The command line overrides the plan; SweepSpec's defaults (grid, 1000 runs, seed 1) are
  // the options' defaults.
  if (!a.design.empty()) {
    const auto kind = sweep::design_kind_named(a.design);
    if (!kind) return fail("--design must be grid, random, lhs or sobol, got '" + a.design + "'", 2);
    spec.design = *kind;
  }
  if (given(a, "samples")) spec.samples = a.samples;
  if (given(a, "runs")) spec.runs = a.runs;
  if (given(a, "seed")) spec.seed = a.seed;
  spec.metrics.insert(spec.metrics.end(), a.metrics.begin(), a.metrics.end());
  spec.base_overrides.insert(spec.base_overrides.end(), a.sets.begin(), a.sets.end());
  if (a.output.empty()) return fail("give the results file with -o FILE", 2);
  if (a.threads < 0) return fail("--threads must be 0 (all) or more", 2);
  sweep::Shard shard;
  if (!a.shard.empty()) {
    try {
      shard = io::parse_shard(a.shard);
    } catch (const std::exception& e) {
      return fail(e.what(), 2);
    }
  }
  if (const auto problems = sweep::spec_problems(spec); !problems.empty()) {
    for (const auto& p : problems) err << "parley sweep: " << p << "\n";
    return 1;
  }

  // The scenario, once: parsed, with the base overrides, and valid.
  auto base = std::make_shared<io::ScenarioDocument>();
  try {
    *base = io::parse_scenario_argument(scenario);
    io::apply_overrides(*base, spec.base_overrides);
    (void)io::build_scenario(*base);
  } catch (const io::ScenarioError& e) {
    print_diagnostics(e, err);
    return 1;
  }
  if (const auto problems = io::varied_value_problems(*base, spec); !problems.empty()) {
    for (const auto& p : problems) err << "parley sweep: " << p << "\n";
    return 1;
  }
  sweep::PointEvaluator evaluator;
  try {
    evaluator = io::scenario_evaluator(base, spec);
  } catch (const std::invalid_argument& e) {
    return fail(e.what(), 1);
  }

  const sweep::Design design(spec);
  io::SweepSessionOptions options;
  options.output = a.output;
  options.resume = a.resume;
  options.overwrite = a.force;
  options.shard = shard;
  options.threads = a.threads > 0                ? static_cast<unsigned>(a.threads)
                    : group.size() > 1           ? 1u
                                                 : std::max(1u, std::thread::hardware_concurrency());
  options.scenario = scenario;
  options.scenario_sha256 = io::sha256_hex(scenario_text(scenario));
  io::ProgressBar bar(std::cerr, group.is_root() && !a.quiet && ::isatty(STDERR_FILENO), "points");
  options.progress = [&bar](const io::SweepProgress& p) {
    bar.update({static_cast<std::int64_t>(p.done), static_cast<std::int64_t>(p.total),
                static_cast<std::int64_t>(p.resumed), static_cast<std::int64_t>(p.failed)});
  };

  io::SweepProgress final;
  try {
    final = io::run_sweep_session(group, design, evaluator, options);
  } catch (const io::SweepNotStarted& e) {
    // Every rank got the same verdict before any work: each ends by itself.
    err << "parley sweep: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    bar.finish();
    err << "parley sweep: " << e.what() << "\n";
    // A failure while writing on rank 0 leaves the other ranks waiting: end the whole job.
    if (group.size() > 1 && group.is_root()) group.abort(1);
    return 1;
  }
  bar.finish();
  if (group.is_root() && !a.quiet)
    std::cerr << "parley sweep: " << final.done << " of " << final.total << " points done"
              << (final.resumed ? " (" + std::to_string(final.resumed) + " already there)" : std::string())
              << ", " << final.failed << " failed, " << io::format_fixed(final.elapsed_seconds, 1) << " s -> "
              << a.output << "\n";
  return 0;
}

// ---------------------------------------------------------------------------------------------

int analyze(const Arguments& a) {
  if (a.analyze != "sobol") {
    std::cerr << "parley sweep: --analyze takes sobol, got '" << a.analyze << "'\n";
    return 2;
  }
  if (a.scenario.empty() || a.metric.empty()) {
    std::cerr << "parley sweep: --analyze sobol needs the results file and --metric M\n";
    return 2;
  }
  if (a.format != "table" && a.format != "csv" && a.format != "json") {
    std::cerr << "parley sweep: --format must be table, csv or json\n";
    return 2;
  }
  if (a.bootstrap < 0 || !(a.confidence > 0 && a.confidence < 1)) {
    std::cerr << "parley sweep: --bootstrap must be >= 0 and --confidence in (0, 1)\n";
    return 2;
  }
  try {
    const auto manifest = io::read_manifest(a.scenario);
    if (manifest.spec.design != sweep::DesignKind::sobol)
      throw std::runtime_error(a.scenario + " is a " + sweep::to_string(manifest.spec.design) +
                               " sweep: Sobol indices need --design sobol (Saltelli's points)");
    const auto file = io::read_sweep_results(a.scenario);
    const auto column = std::find(file.metrics.begin(), file.metrics.end(), a.metric);
    if (column == file.metrics.end()) {
      std::string names;
      for (const auto& m : file.metrics) names += (names.empty() ? "" : ", ") + m;
      throw std::runtime_error("no metric '" + a.metric + "' in " + a.scenario + " (its metrics: " + names + ")");
    }
    const auto m = static_cast<std::size_t>(column - file.metrics.begin());
    const std::size_t d = manifest.spec.parameters.size();
    // Collect each base sample's d + 2 outputs; use the samples that have all of them.
    std::map<std::uint64_t, std::vector<double>> samples;
    for (const auto& row : file.rows) {
      const auto position = sweep::saltelli_position(row.point, d);
      auto& outputs = samples[position.sample];
      outputs.resize(d + 2, std::numeric_limits<double>::quiet_NaN());
      const double y = row.status == sweep::PointStatus::ok ? row.metrics[m] : std::numeric_limits<double>::quiet_NaN();
      outputs[row.point % (d + 2)] = y;
    }
    std::vector<const std::vector<double>*> complete;
    for (const auto& [j, outputs] : samples)
      if (std::all_of(outputs.begin(), outputs.end(), [](double y) { return std::isfinite(y); }))
        complete.push_back(&outputs);
    const auto n = static_cast<Eigen::Index>(complete.size());
    if (complete.size() < manifest.spec.samples)
      std::cerr << "parley sweep: using " << complete.size() << " of " << manifest.spec.samples
                << " base samples (the others have missing, failed or undefined points)\n";
    Eigen::VectorXd f_a(n), f_b(n);
    Eigen::MatrixXd f_ab(n, static_cast<Eigen::Index>(d));
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto& y = *complete[static_cast<std::size_t>(j)];
      f_a[j] = y[0];
      f_b[j] = y[1];
      for (std::size_t i = 0; i < d; ++i) f_ab(j, static_cast<Eigen::Index>(i)) = y[2 + i];
    }
    const auto indices = sweep::sobol_indices(f_a, f_b, f_ab, a.bootstrap, a.confidence, a.seed);

    const std::string level = io::format_shortest(100 * a.confidence) + "%";
    if (a.format == "json") {
      io::JsonWriter json(std::cout);
      json.begin_object().field("metric", a.metric).field("samples", indices.samples).field("variance", indices.variance);
      json.field("confidence", a.confidence).field("bootstrap", a.bootstrap).key("parameters").begin_object();
      for (std::size_t i = 0; i < d; ++i) {
        json.key(manifest.spec.parameters[i].path).begin_object();
        for (const auto& [name, e] : {std::pair{"first_order", indices.first_order[i]}, {"total", indices.total[i]}})
          json.key(name).begin_object().field("value", e.value).field("lo", e.lo).field("hi", e.hi).end_object();
        json.end_object();
      }
      json.end_object().end_object();
      std::cout << "\n";
    } else if (a.format == "csv") {
      std::cout << "parameter,first_order,first_order_lo,first_order_hi,total,total_lo,total_hi\n";
      for (std::size_t i = 0; i < d; ++i) {
        const auto& s = indices.first_order[i];
        const auto& t = indices.total[i];
        std::cout << manifest.spec.parameters[i].path << ',' << io::format_shortest(s.value) << ','
                  << io::format_shortest(s.lo) << ',' << io::format_shortest(s.hi) << ','
                  << io::format_shortest(t.value) << ',' << io::format_shortest(t.lo) << ','
                  << io::format_shortest(t.hi) << "\n";
      }
    } else {
      std::cout << "Sobol indices of " << a.metric << " (" << indices.samples << " base samples, variance "
                << io::format_fixed(indices.variance, 6) << ", " << level << " bootstrap intervals over "
                << a.bootstrap << " resamples)\n\n";
      io::TableWriter table({"parameter", "first order", level + " interval", "total", level + " interval"},
                            {io::TableWriter::Align::left, io::TableWriter::Align::right,
                             io::TableWriter::Align::left, io::TableWriter::Align::right,
                             io::TableWriter::Align::left});
      auto interval = [](const sweep::IndexEstimate& e) {
        return "[" + io::format_fixed(e.lo, 3) + ", " + io::format_fixed(e.hi, 3) + "]";
      };
      for (std::size_t i = 0; i < d; ++i)
        table.add_row({manifest.spec.parameters[i].path, io::format_fixed(indices.first_order[i].value, 3),
                       interval(indices.first_order[i]), io::format_fixed(indices.total[i].value, 3),
                       interval(indices.total[i])});
      table.write(std::cout);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parley sweep: " << e.what() << "\n";
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
