// parley._core (issue 19): the library under `import parley`, in the command line's vocabulary.
// Every call returns the texts the command prints, built by the same writers (io/report): its
// `--format json`, its table and, where the command has one, its CSV; the package's Python
// layer (sim/python/parley/) turns them into result objects, NumPy arrays and DataFrames, so a
// number is identical whichever way it was asked for. Tables no command prints as numbers (the
// war values by period and state, the absorption by period) come as NumPy arrays. Long
// computations release the GIL and stop on Ctrl-C.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/io/report/analyze_report.hpp"
#include "parley/io/report/compare_report.hpp"
#include "parley/io/report/episode_narrator.hpp"
#include "parley/io/report/nash_solution.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "parley/io/report/solve_report.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/regime_map_request.hpp"
#include "parley/io/sweep/sweep_request.hpp"
#include "parley/io/sweep/sweep_session.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "parley/solve/scenario_analysis.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/process_group.hpp"

namespace py = pybind11;

namespace parley::python {
namespace {

/// A scenario as the command line holds it: the SCENARIO argument it was loaded from, the parsed
/// document with its `--set`s, and the validated scenario built from it.
class PyScenario {
 public:
  PyScenario(std::string source, io::ScenarioDocument document)
      : source_(std::move(source)), document_(std::move(document)), scenario_(io::build_scenario(document_)) {}

  /// The scenario with one more `--set PATH=VALUE` (a new object; this one is unchanged).
  [[nodiscard]] PyScenario set(const std::string& path, const std::string& value) const {
    io::ScenarioDocument changed = document_;
    io::apply_override(changed, path, value);
    return PyScenario(source_, std::move(changed));
  }

  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  [[nodiscard]] const io::ScenarioDocument& document() const { return document_; }
  [[nodiscard]] const std::string& source() const { return source_; }
  [[nodiscard]] const std::vector<std::string>& overrides() const { return document_.overrides; }

 private:
  std::string source_;
  io::ScenarioDocument document_;
  Scenario scenario_;
};

using Progress = std::function<void(std::int64_t, std::int64_t)>;

/// Thrown into a computation's progress callback when Python asked it to stop (Ctrl-C).
struct Interrupted {};

/// Runs `compute(progress)` on a thread of its own while this (Python's main) thread waits with
/// the GIL released, waking every 50 ms to run Python's signal handlers (they run only on the
/// main thread): on Ctrl-C the computation is told to stop at its next progress report and the
/// KeyboardInterrupt is raised once it has; `callback` (a Python callable or None) gets
/// (done, total) from this thread, never from the workers. Returns what `compute` returned.
template <class Compute>
auto interruptible(Compute compute, const py::object& callback) {
  using Result = decltype(compute(Progress{}));
  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> done{0}, total{0};
  std::optional<Result> result;
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable finished_changed;
  bool finished = false;
  const Progress progress = [&](std::int64_t d, std::int64_t t) {
    done = d;
    total = t;
    if (stop) throw Interrupted{};
  };
  std::thread worker([&] {
    try {
      result.emplace(compute(progress));
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(mutex);
    finished = true;
    finished_changed.notify_all();
  });
  std::int64_t reported = -1;
  for (;;) {
    bool over = false;
    {
      py::gil_scoped_release unlocked;
      std::unique_lock lock(mutex);
      over = finished_changed.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished; });
    }
    // Stops the workers, then lets the pending Python exception propagate: the worker thread
    // uses this frame's variables, so it must end before the frame does.
    const auto stop_and_rethrow = [&] {
      stop = true;
      {
        py::gil_scoped_release unlocked;
        worker.join();
      }
      throw;
    };
    try {
      // A KeyboardInterrupt (or another signal handler's exception) is pending.
      if (!over && PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (!callback.is_none() && done.load() != reported) {
        reported = done.load();
        callback(reported, total.load());  // may raise: a notebook's bar, a test stopping the work
      }
    } catch (...) {
      stop_and_rethrow();
    }
    if (over) break;
  }
  worker.join();
  if (error) std::rethrow_exception(error);
  return std::move(*result);
}

/// The text `write(out)` writes.
template <class Write>
std::string written(Write write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

py::tuple describe(const PyScenario& s) {
  const std::string json = written([&](std::ostream& out) {
    io::JsonWriter writer(out);
    io::write_description_json(writer, s.scenario());
  });
  return py::make_tuple(json, written([&](std::ostream& out) { io::write_description_table(out, s.scenario()); }));
}

/// A WarValueTable as a (T + 1) x states array: row t holds V_i(t, 0..N).
py::array_t<double> war_value_array(const WarValueTable& table) {
  py::array_t<double> out({static_cast<py::ssize_t>(table.horizon() + 1), static_cast<py::ssize_t>(table.state_count())});
  auto view = out.mutable_unchecked<2>();
  for (int t = 0; t <= table.horizon(); ++t)
    for (int s = 0; s < table.state_count(); ++s) view(t, s) = table(t, s);
  return out;
}

py::tuple analyze(const PyScenario& s) {
  std::optional<ScenarioAnalysis> analysis;
  std::string json, table, csv;
  {
    py::gil_scoped_release unlocked;
    analysis.emplace(analyze_scenario(s.scenario()));
    const io::AnalyzeReport report{s.scenario(), *analysis};
    json = written([&](std::ostream& out) { io::write_analyze_json(out, report); });
    table = written([&](std::ostream& out) { io::write_analyze_table(out, report); });
    csv = written([&](std::ostream& out) { io::write_analyze_csv(out, report); });
  }
  py::dict arrays;
  py::dict war_values;
  for (std::size_t i = 0; i < analysis->true_values.size(); ++i)
    war_values[py::str(s.scenario().parties[i].id)] = war_value_array(analysis->true_values[i]);
  arrays["war_values"] = war_values;
  if (analysis->outcome) {
    py::dict absorption;
    absorption["collapse_a"] = py::array_t<double>(py::cast(analysis->outcome->end_a));
    absorption["collapse_b"] = py::array_t<double>(py::cast(analysis->outcome->end_b));
    absorption["final_distribution"] = py::array_t<double>(py::cast(analysis->outcome->final_distribution));
    arrays["absorption"] = absorption;
  }
  return py::make_tuple(json, table, csv, arrays);
}

py::tuple solve(const PyScenario& s, int period) {
  std::string json, table, csv;
  {
    py::gil_scoped_release unlocked;
    const AgreementSpace space(s.scenario());
    const BargainingEquilibrium eq = BargainingEquilibrium::solve(s.scenario(), space, EquilibriumOptions{});
    if (period >= s.scenario().horizon || (period >= 0 && !eq.talks(period)))
      throw std::invalid_argument("period " + std::to_string(period) + " is not a talk period before the horizon");
    const io::SolveReport report = io::make_solve_report(s.scenario(), space, eq, period);
    json = written([&](std::ostream& out) { io::write_solve_json(out, report); });
    table = written([&](std::ostream& out) { io::write_solve_table(out, report); });
    csv = written([&](std::ostream& out) { io::write_solve_csv(out, report); });
  }
  return py::make_tuple(json, table, csv);
}

void check_runs(std::int64_t runs, int threads) {
  if (runs < 1) throw std::invalid_argument("runs must be at least 1");
  if (threads < 0) throw std::invalid_argument("threads must be 0 (all) or more");
}

py::tuple run(const PyScenario& s, std::int64_t runs, std::uint64_t seed, int threads, const py::object& progress) {
  check_runs(runs, threads);
  const auto texts = interruptible(
      [&](const Progress& report) {
        const Simulation simulation(s.scenario());
        RunOptions options;
        options.runs = runs;
        options.seed = seed;
        options.threads = threads;
        options.progress = report;
        const RunSummary summary = simulate(simulation, options);
        const io::RunReport result(simulation, summary);  // holds references to both
        return std::array<std::string, 3>{written([&](std::ostream& out) { io::write_run_json(out, result); }),
                                          written([&](std::ostream& out) { io::write_run_table(out, result); }),
                                          written([&](std::ostream& out) { io::write_run_csv(out, result); })};
      },
      progress);
  return py::make_tuple(texts[0], texts[1], texts[2]);
}

py::tuple trace(const PyScenario& s, std::uint64_t seed) {
  std::string json, text;
  {
    py::gil_scoped_release unlocked;
    const Simulation simulation(s.scenario());
    json = written([&](std::ostream& out) { io::write_episode_trace(out, simulation, seed, io::TraceFormat::json); });
    text = written([&](std::ostream& out) { io::write_episode_trace(out, simulation, seed, io::TraceFormat::text); });
  }
  return py::make_tuple(json, text);
}

/// The meta-game options shared by compare and its regime maps, checked as the command checks them.
struct MetaGameArguments {
  std::vector<std::string> strategies;  ///< `--strategies` texts
  RunOptions run;
  AdaptiveOptions adaptive;
};

MetaGameArguments meta_game_arguments(const std::vector<std::string>& strategies, std::int64_t runs,
                                      std::uint64_t seed, int threads, double confidence, std::int64_t max_runs,
                                      bool fixed_runs) {
  check_runs(runs, threads);
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("confidence must lie strictly between 0 and 1");
  if (max_runs < 0 || (max_runs > 0 && max_runs < runs))
    throw std::invalid_argument("max_runs must be 0 (16 x runs) or at least runs");
  MetaGameArguments a;
  a.strategies = strategies;
  a.run.runs = runs;
  a.run.seed = seed;
  a.run.threads = threads;
  a.adaptive.confidence = confidence;
  a.adaptive.max_runs = max_runs;
  a.adaptive.doubling = !fixed_runs;
  return a;
}

py::tuple compare(const PyScenario& s, const std::vector<std::string>& strategies, std::int64_t runs,
                  std::uint64_t seed, int threads, double confidence, std::int64_t max_runs, bool fixed_runs,
                  const py::object& progress) {
  MetaGameArguments a = meta_game_arguments(strategies, runs, seed, threads, confidence, max_runs, fixed_runs);
  const MetaGameSpec spec = io::meta_game_players(s.scenario(), a.strategies);
  const auto texts = interruptible(
      [&](const Progress& report) {
        RunOptions options = a.run;
        options.progress = report;
        const AdaptiveMetaGame played = play_adaptive_meta_game(
            std::make_shared<const BargainingSetting>(s.scenario()), spec, options, a.adaptive);
        const io::CompareReport result = io::make_compare_report(s.scenario(), played);
        return std::array<std::string, 3>{written([&](std::ostream& out) { io::write_compare_json(out, result); }),
                                          written([&](std::ostream& out) { io::write_compare_table(out, result); }),
                                          written([&](std::ostream& out) { io::write_compare_csv(out, result); })};
      },
      progress);
  return py::make_tuple(texts[0], texts[1], texts[2]);
}

py::tuple regime_map(const PyScenario& s, const std::vector<std::string>& across,
                     const std::vector<std::string>& strategies, std::int64_t runs, std::uint64_t seed, int threads,
                     double confidence, std::int64_t max_runs, bool fixed_runs, double tolerance,
                     const py::object& progress) {
  MetaGameArguments a = meta_game_arguments(strategies, runs, seed, threads, confidence, max_runs, fixed_runs);
  const auto texts = interruptible(
      [&](const Progress& report) {
        RunOptions options = a.run;
        options.progress = report;
        const std::vector<io::RegimeMapReport> maps =
            io::play_regime_maps(s.document(), a.strategies, across, tolerance, options, a.adaptive);
        if (across.size() == 2)
          return std::array<std::string, 2>{
              written([&](std::ostream& out) { io::write_regime_maps_json(out, maps); }),
              written([&](std::ostream& out) { io::write_regime_maps_table(out, maps); })};
        return std::array<std::string, 2>{
            written([&](std::ostream& out) { io::write_regime_map_json(out, maps.front()); }),
            written([&](std::ostream& out) { io::write_regime_map_table(out, maps.front()); })};
      },
      progress);
  return py::make_tuple(texts[0], texts[1]);
}

/// `parley sweep SCENARIO --set ... --vary ... -o output` in this process: the same request, the
/// same checks before any point, the same file and manifest (written as points finish, and
/// resumable). Returns the session's counts as a dict.
py::dict sweep(const PyScenario& s, const std::vector<std::string>& vary, const std::string& output, bool resume,
               bool overwrite, std::uint64_t runs, std::uint64_t seed, int threads, const std::string& design,
               std::uint64_t samples, const std::vector<std::string>& metrics, bool meta_game,
               const std::vector<std::string>& strategies, std::uint64_t max_points, const py::object& progress) {
  if (output.empty()) throw std::invalid_argument("output: give the results file");
  if (threads < 0) throw std::invalid_argument("threads must be 0 (all) or more");
  io::SweepRequestOptions options;
  options.scenario = s.source();
  options.design = design;
  if (samples > 0) options.samples = samples;
  options.runs = runs;
  options.seed = seed;
  if (max_points > 0) options.max_points = max_points;
  options.metrics = metrics;
  options.sets = s.overrides();
  options.vary = vary;
  options.meta_game = meta_game;
  options.strategies = strategies;
  const io::SweepRequest request = io::read_sweep_request(options);
  const io::PreparedSweep prepared = io::prepare_sweep(request);
  const sweep::Design points(request.spec, request.limits);
  const io::SweepProgress final = interruptible(
      [&](const Progress& report) {
        const sweep::ProcessGroup group;
        io::SweepSessionOptions session;
        session.output = output;
        session.resume = resume;
        session.overwrite = overwrite;
        session.threads = io::sweep_worker_threads(threads, group.size());
        session.scenario = request.scenario;
        session.scenario_sha256 = io::sweep_scenario_sha256(request.scenario);
        // Called after each row is in the file: an interruption stops the sweep there, with
        // every finished point kept for resume=True.
        session.progress = [&](const io::SweepProgress& p) {
          report(static_cast<std::int64_t>(p.done), static_cast<std::int64_t>(p.total));
        };
        return io::run_sweep_session(group, points, prepared.evaluator, session);
      },
      progress);
  py::dict counts;
  counts["done"] = final.done;
  counts["failed"] = final.failed;
  counts["total"] = final.total;
  counts["resumed"] = final.resumed;
  counts["elapsed_seconds"] = final.elapsed_seconds;
  counts["in_point_order"] = final.in_point_order;
  return counts;
}

/// One payoff as Gambit's .nfg format writes it, exactly as Python holds it: an integer (Python's
/// or NumPy's) in full, a Fraction as p/q, a float as its shortest round-trip decimal (which the
/// reader takes exactly, as it takes a file's decimals).
std::string payoff_text(const py::handle& x) {
  if (py::hasattr(x, "__index__")) return py::str(py::int_(py::reinterpret_borrow<py::object>(x))).cast<std::string>();
  if (py::hasattr(x, "numerator") && py::hasattr(x, "denominator"))
    return py::str(x.attr("numerator")).cast<std::string>() + "/" + py::str(x.attr("denominator")).cast<std::string>();
  const double value = py::float_(py::reinterpret_borrow<py::object>(x)).cast<double>();
  if (!std::isfinite(value)) throw std::invalid_argument("a payoff is not finite");
  return py::repr(py::float_(value)).cast<std::string>();
}

/// A payoff matrix from any sequence of sequences (lists, a NumPy array, a DataFrame's values), as texts.
std::vector<std::vector<std::string>> payoff_rows(const py::object& matrix, const char* name) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : matrix) {
    std::vector<std::string> texts;
    for (const auto& x : row) texts.push_back(payoff_text(x));
    rows.push_back(std::move(texts));
  }
  if (rows.empty() || rows.front().empty())
    throw std::invalid_argument(std::string(name) + " has no rows or no columns");
  for (const auto& r : rows)
    if (r.size() != rows.front().size()) throw std::invalid_argument(std::string(name) + " is not rectangular");
  return rows;
}

py::tuple nash(const py::object& a, const py::object& b, const std::string& method) {
  const auto rows_a = payoff_rows(a, "A"), rows_b = payoff_rows(b, "B");
  if (rows_a.size() != rows_b.size() || rows_a.front().size() != rows_b.front().size())
    throw std::invalid_argument("A and B must have the same shape (rows: player 1's strategies, columns: player 2's)");
  const std::size_t m = rows_a.size(), n = rows_a.front().size();
  // The game as a .nfg file, player 1's strategy varying fastest (Gambit's payoff order), read
  // by the same reader as `parley nash FILE`.
  std::ostringstream text;
  text << "NFG 1 R \"parley.nash\" { \"1\" \"2\" } { " << m << " " << n << " }\n\n";
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i < m; ++i) text << rows_a[i][j] << " " << rows_b[i][j] << " ";
  text << "\n";
  std::string json, table;
  {
    py::gil_scoped_release unlocked;
    std::istringstream in(text.str());
    const io::NfgGame game = io::read_nfg(in, "parley.nash");
    io::solve_nash(game, method, [&](const io::NashReport& report) {
      json = written([&](std::ostream& out) { io::write_nash_json(out, report); });
      table = written([&](std::ostream& out) { io::write_nash_table(out, report); });
    });
  }
  return py::make_tuple(json, table);
}

}  // namespace
}  // namespace parley::python

PYBIND11_MODULE(_core, m) {
  using parley::python::PyScenario;
  m.doc() =
      "The C++ library under the package parley: each call returns the texts the command prints (JSON, "
      "table, CSV), which the package turns into result objects. Use the package (`import parley`), not this.";
  m.attr("__version__") = PARLEY_VERSION;

  // Errors in a scenario: every diagnostic with its file, line, column, key and message, as the
  // command line prints them (`file:line:col: error: key: message`).
  // Never destroyed: the type lives as long as the interpreter, and a static's destructor would run
  // after the interpreter has finalized.
  static auto& scenario_error = *new py::exception<parley::io::ScenarioError>(m, "ScenarioError", PyExc_ValueError);
  scenario_error.attr("__doc__") =
      "A scenario that does not load or validate. str() is every problem, one per line, as the command line "
      "prints them; `diagnostics` lists them as dicts with file, line, column, key, message and text.";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const parley::io::ScenarioError& e) {
      py::list diagnostics;
      for (const auto& d : e.diagnostics()) {
        py::dict item;
        item["file"] = d.file;
        item["line"] = d.line;
        item["column"] = d.column;
        item["key"] = d.path;
        item["message"] = d.message;
        item["text"] = parley::io::to_string(d);
        diagnostics.append(item);
      }
      // The exception type called with the message makes the instance that carries them.
      py::object instance = py::reinterpret_borrow<py::object>(scenario_error.ptr())(py::str(e.what()));
      instance.attr("diagnostics") = diagnostics;
      PyErr_SetObject(scenario_error.ptr(), instance.ptr());
    } catch (const parley::io::SweepRequestProblems& e) {
      // Every problem of a sweep request, one per line, as `parley sweep` prints them.
      std::string text;
      for (const auto& problem : e.problems()) text += (text.empty() ? "" : "\n") + problem;
      PyErr_SetString(PyExc_ValueError, text.c_str());
    } catch (const parley::io::SweepNotStarted& e) {
      PyErr_SetString(PyExc_FileExistsError, e.what());
    }
  });

  m.def("scenarios", [] {
    std::vector<std::string> names;
    for (const auto& b : parley::io::builtin_scenarios()) names.emplace_back(b.name);
    return names;
  });
  m.def("default_scenario", [] { return std::string(parley::io::default_scenario_name); });
  m.def("load", [](const std::string& source) { return PyScenario(source, parley::io::parse_scenario_argument(source)); });

  py::class_<PyScenario>(m, "Scenario")
      .def("set", &PyScenario::set)
      .def_property_readonly("id", [](const PyScenario& s) { return s.scenario().id; })
      .def_property_readonly("title", [](const PyScenario& s) { return s.scenario().title; })
      .def_property_readonly("horizon", [](const PyScenario& s) { return s.scenario().horizon; })
      .def_property_readonly("parties",
                             [](const PyScenario& s) {
                               std::vector<std::string> ids;
                               for (const auto& p : s.scenario().parties) ids.push_back(p.id);
                               return ids;
                             })
      .def_property_readonly("source", &PyScenario::source)
      .def_property_readonly("overrides", &PyScenario::overrides);

  m.def("describe", &parley::python::describe);
  m.def("analyze", &parley::python::analyze);
  m.def("solve", &parley::python::solve);
  m.def("run", &parley::python::run);
  m.def("trace", &parley::python::trace);
  m.def("compare", &parley::python::compare);
  m.def("regime_map", &parley::python::regime_map);
  m.def("sweep", &parley::python::sweep);
  m.def("nash", &parley::python::nash);
}
