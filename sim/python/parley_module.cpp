// `import parley` (issue 19): the library in Python, in the command line's vocabulary. Every
// result is the same object the command's `--format json` prints, built by the same writer
// (io/report) and handed to Python as a dict, so a number is identical whichever way it was
// asked for. Long computations release the GIL. This is the module's first layer: plain dicts;
// objects with attributes, NumPy arrays and DataFrames are to come (docs/python.md).
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
#include <thread>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
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
#include "parley/io/report/nash_solution.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "parley/io/report/solve_report.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "parley/solve/scenario_analysis.hpp"

namespace py = pybind11;

namespace parley::python {
namespace {

/// A scenario as the command line holds it: the parsed document with its `--set`s, and the
/// validated scenario built from it.
class PyScenario {
 public:
  explicit PyScenario(io::ScenarioDocument document)
      : document_(std::move(document)), scenario_(io::build_scenario(document_)) {}

  /// The scenario with one more `--set PATH=VALUE` (a new object; this one is unchanged).
  [[nodiscard]] PyScenario set(const std::string& path, const std::string& value) const {
    io::ScenarioDocument changed = document_;
    io::apply_override(changed, path, value);
    return PyScenario(std::move(changed));
  }

  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  [[nodiscard]] const std::vector<std::string>& overrides() const { return document_.overrides; }

 private:
  io::ScenarioDocument document_;
  Scenario scenario_;
};

/// Thrown into a computation's progress callback when Python asked it to stop (Ctrl-C).
struct Interrupted {};

/// Runs `compute(progress)` on a thread of its own while this (Python's main) thread waits with
/// the GIL released, waking every 50 ms to run Python's signal handlers (they run only on the
/// main thread): on Ctrl-C the computation is told to stop at its next progress report and the
/// KeyboardInterrupt is raised once it has; `callback` (a Python callable or None) gets
/// (done, total) from this thread, never from the workers. Returns what `compute` returned.
template <class Compute>
auto interruptible(Compute compute, const py::object& callback) {
  using Result = decltype(compute(std::function<void(std::int64_t, std::int64_t)>{}));
  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> done{0}, total{0};
  std::optional<Result> result;
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable finished_changed;
  bool finished = false;
  const std::function<void(std::int64_t, std::int64_t)> progress = [&](std::int64_t d, std::int64_t t) {
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
    if (!over && PyErr_CheckSignals() != 0) {
      // A KeyboardInterrupt (or another handler's exception) is pending: stop the workers, then
      // let it propagate.
      stop = true;
      {
        py::gil_scoped_release unlocked;
        worker.join();
      }
      throw py::error_already_set();
    }
    if (!callback.is_none() && done.load() != reported) {
      reported = done.load();
      callback(reported, total.load());
    }
    if (over) break;
  }
  worker.join();
  if (error) std::rethrow_exception(error);
  return std::move(*result);
}

/// JSON text as Python objects, through Python's own parser (the numbers round-trip exactly:
/// the writers print the shortest text that reads back as the same double).
py::object from_json(const std::string& text) {
  // Looked up at each call (sys.modules caches the import): a Python object held in a static
  // would be released after the interpreter has finalized, and abort the process at exit.
  return py::module_::import("json").attr("loads")(text);
}

py::object describe(const PyScenario& s) {
  std::ostringstream out;
  io::JsonWriter json(out);
  io::write_description_json(json, s.scenario());
  return from_json(out.str());
}

py::object analyze(const PyScenario& s) {
  std::string text;
  {
    py::gil_scoped_release unlocked;
    const ScenarioAnalysis analysis = analyze_scenario(s.scenario());
    std::ostringstream out;
    io::write_analyze_json(out, io::AnalyzeReport{s.scenario(), analysis});
    text = out.str();
  }
  return from_json(text);
}

py::object solve(const PyScenario& s, int period) {
  std::string text;
  {
    py::gil_scoped_release unlocked;
    const AgreementSpace space(s.scenario());
    const BargainingEquilibrium eq = BargainingEquilibrium::solve(s.scenario(), space, EquilibriumOptions{});
    if (period >= s.scenario().horizon || (period >= 0 && !eq.talks(period)))
      throw std::invalid_argument("period " + std::to_string(period) + " is not a talk period before the horizon");
    std::ostringstream out;
    io::write_solve_json(out, io::make_solve_report(s.scenario(), space, eq, period));
    text = out.str();
  }
  return from_json(text);
}

py::object run(const PyScenario& s, std::int64_t runs, std::uint64_t seed, int threads, const py::object& progress) {
  if (runs < 1) throw std::invalid_argument("runs must be at least 1");
  if (threads < 0) throw std::invalid_argument("threads must be 0 (all) or more");
  const std::string text = interruptible(
      [&](const std::function<void(std::int64_t, std::int64_t)>& report) {
        const Simulation simulation(s.scenario());
        RunOptions options;
        options.runs = runs;
        options.seed = seed;
        options.threads = threads;
        options.progress = report;
        const RunSummary summary = simulate(simulation, options);
        std::ostringstream out;
        io::write_run_json(out, io::RunReport(simulation, summary));
        return out.str();
      },
      progress);
  return from_json(text);
}

/// `--strategies` texts from Python: {"russia": ["prolonged", "quick"]} or ["russia=prolonged,quick"].
std::vector<std::string> strategy_arguments(const py::object& strategies) {
  std::vector<std::string> out;
  if (strategies.is_none()) return out;
  if (py::isinstance<py::dict>(strategies)) {
    for (const auto& [party, names] : strategies.cast<py::dict>()) {
      std::string text = py::str(party).cast<std::string>() + "=";
      bool first = true;
      for (const auto& name : names) {
        text += (first ? "" : ",") + py::str(name).cast<std::string>();
        first = false;
      }
      out.push_back(text);
    }
    return out;
  }
  for (const auto& item : strategies) out.push_back(py::str(item).cast<std::string>());
  return out;
}

py::object compare(const PyScenario& s, const py::object& strategies, std::int64_t runs, std::uint64_t seed,
                   int threads, double confidence, std::int64_t max_runs, bool fixed_runs) {
  if (runs < 1) throw std::invalid_argument("runs must be at least 1");
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("confidence must lie strictly between 0 and 1");
  if (max_runs < 0 || (max_runs > 0 && max_runs < runs))
    throw std::invalid_argument("max_runs must be 0 (16 x runs) or at least runs");
  const MetaGameSpec spec = io::meta_game_players(s.scenario(), strategy_arguments(strategies));
  std::string text;
  {
    py::gil_scoped_release unlocked;
    RunOptions options;
    options.runs = runs;
    options.seed = seed;
    options.threads = threads;
    AdaptiveOptions adaptive;
    adaptive.confidence = confidence;
    adaptive.max_runs = max_runs;
    adaptive.doubling = !fixed_runs;
    const AdaptiveMetaGame played =
        play_adaptive_meta_game(std::make_shared<const BargainingSetting>(s.scenario()), spec, options, adaptive);
    std::ostringstream out;
    io::write_compare_json(out, io::make_compare_report(s.scenario(), played));
    text = out.str();
  }
  return from_json(text);
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

/// A payoff matrix from any sequence of sequences (lists, a NumPy array), as texts.
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

py::object nash(const py::object& a, const py::object& b, const std::string& method) {
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
  std::string json;
  {
    py::gil_scoped_release unlocked;
    std::istringstream in(text.str());
    const io::NfgGame game = io::read_nfg(in, "parley.nash");
    io::solve_nash(game, method, [&](const io::NashReport& report) {
      std::ostringstream out;
      io::write_nash_json(out, report);
      json = out.str();
    });
  }
  return from_json(json);
}

}  // namespace
}  // namespace parley::python

PYBIND11_MODULE(parley, m) {
  using parley::python::PyScenario;
  m.doc() =
      "Parley, a negotiation-position game-theory simulator, in Python. Load a scenario (a file or a built-in "
      "name), change it with set(), and ask what the command line asks: describe, analyze, solve, run. Each "
      "result is the dict that `parley <command> --format json` prints, number for number.";
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
    }
  });

  m.def("nash", &parley::python::nash, py::arg("A"), py::arg("B"), py::arg("method") = "enum",
        "`parley nash GAME.nfg --format json` for the bimatrix game (A, B): A[i][j] and B[i][j] are the "
        "payoffs of players 1 and 2 when 1 plays row i and 2 column j (lists or NumPy arrays; integers, "
        "Fractions and floats are taken exactly, floats as their shortest decimals). method 'enum': every "
        "extreme equilibrium, with the maximal Nash subsets; 'lh': Lemke-Howson from each missing label. Every "
        "equilibrium is verified before it is returned. Releases the GIL while it solves.");
  m.def(
      "scenarios",
      [] {
        std::vector<std::string> names;
        for (const auto& b : parley::io::builtin_scenarios()) names.emplace_back(b.name);
        return names;
      },
      "The names of the scenarios built into Parley (`parley scenarios`).");
  m.def("default_scenario", [] { return std::string(parley::io::default_scenario_name); },
        "The name of the scenario every command uses when given none.");
  m.def(
      "load",
      [](const std::string& path_or_name) { return PyScenario(parley::io::parse_scenario_argument(path_or_name)); },
      py::arg("path_or_name") = std::string(parley::io::default_scenario_name),
      "A scenario from a YAML file, a GENIUS folder or a built-in name, validated as the command line "
      "validates it. Raises ScenarioError with every problem found (its `diagnostics` name file, line, "
      "column and key).");

  py::class_<PyScenario>(m, "Scenario", "A validated scenario, with the `--set` changes made to it.")
      .def("set", &PyScenario::set, py::arg("path"), py::arg("value"),
           "A copy with one field changed, as `--set PATH=VALUE` changes it (the same key paths, the value as "
           "YAML text); raises ScenarioError naming `--set PATH=VALUE` when the result is not valid.")
      .def_property_readonly(
          "id", [](const PyScenario& s) { return s.scenario().id; }, "The scenario's id: its file's stem or built-in name.")
      .def_property_readonly(
          "title", [](const PyScenario& s) { return s.scenario().title; }, "The scenario's title.")
      .def_property_readonly(
          "horizon", [](const PyScenario& s) { return s.scenario().horizon; },
          "T: the periods of talks and fighting before the conflict freezes.")
      .def_property_readonly(
          "parties",
          [](const PyScenario& s) {
            std::vector<std::string> ids;
            for (const auto& p : s.scenario().parties) ids.push_back(p.id);
            return ids;
          },
          "The parties' ids, in the scenario's order.")
      .def_property_readonly("overrides", &PyScenario::overrides, "Every `PATH=VALUE` set so far, in order.")
      .def("describe", &parley::python::describe, "`parley describe --format json`: the scenario in words.")
      .def("analyze", &parley::python::analyze,
           "`parley analyze --format json`: war values, absorption, the bargaining range, the Pareto frontier, "
           "the Nash and Kalai-Smorodinsky packages.")
      .def("solve", &parley::python::solve, py::arg("period") = -1,
           "`parley solve --format json`: the subgame-perfect equilibrium; offers reported at `period` (-1: the "
           "first talks).")
      .def("run", &parley::python::run, py::arg("runs") = 10000, py::arg("seed") = 1, py::arg("threads") = 0,
           py::arg("progress") = py::none(),
           "`parley run --format json`: the Monte Carlo summary of `runs` episodes from `seed`; the same numbers "
           "on any number of `threads` (0: every hardware thread). Releases the GIL while it runs; Ctrl-C stops "
           "it within a block of runs (KeyboardInterrupt); `progress(done, total)`, if given, is called from "
           "the calling thread as blocks of runs finish.")
      .def("compare", &parley::python::compare, py::arg("strategies") = py::none(), py::arg("runs") = 2000,
           py::arg("seed") = 1, py::arg("threads") = 0, py::arg("confidence") = 0.95, py::arg("max_runs") = 0,
           py::arg("fixed_runs") = false,
           "`parley compare --format json`: the strategy meta-game. `strategies` maps a party to its strategies "
           "({'russia': ['prolonged', 'quick:e=0.5']}; default: both sides of the battlefield with prolonged and "
           "quick); the runs start at `runs` and double until the equilibrium set at `confidence` is stable or "
           "`max_runs` (0: 16 x runs) is spent, unless `fixed_runs`. Releases the GIL while it plays.")
      .def("__repr__", [](const PyScenario& s) { return "<parley.Scenario " + s.scenario().id + ">"; });
}
