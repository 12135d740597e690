#pragma once
/// \file run_report.hpp
/// The report model of a Monte Carlo run (DESIGN 2, 4): the named quantities of a RunSummary,
/// with the scenario's words for them. `parley run` writes it as a table, JSON or a CSV row
/// (run_report_writers.hpp), and every `parley sweep` row is its metric row, so a quantity has
/// one name wherever it is written. docs/outputs.md lists every name with its meaning and unit.

#include <string>
#include <vector>

#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/run_statistics.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/model/scenario.hpp"

namespace parley::io {

/// \brief One named quantity of a run: `name` is its path in `parley run --format json`
/// ("parties.russia.utility.mean"), `value` its number.
struct RunMetric {
  std::string name;
  double value = 0.0;
};

/// \brief What a Monte Carlo run of a scenario says, under the names its outputs use.
///
/// Holds references: the simulation and the summary must outlive the report.
class RunReport {
 public:
  /// The report of `summary`, the result of `simulate(simulation, ...)`.
  RunReport(const Simulation& simulation, const RunSummary& summary) : simulation_(simulation), summary_(summary) {}

  /// The scenario simulated: its parties, issues and words.
  [[nodiscard]] const Scenario& scenario() const { return simulation_.scenario(); }
  /// The simulation: each party's strategy with its parameters filled in.
  [[nodiscard]] const Simulation& simulation() const { return simulation_; }
  /// The Monte Carlo estimates (DESIGN 2): P(outcome), the duration, E[payoff], the terms.
  [[nodiscard]] const RunSummary& summary() const { return summary_; }

  /// \brief The metric row: the headline quantities, in this order and named as the JSON of
  /// `parley run` names them, flattened with dots:
  ///   outcomes.{settled,collapse_a,collapse_b,frozen}   P(outcome), share of runs;
  ///   duration.{mean,median,p10,p90}                    periods until the war ends;
  ///   parties.<id>.utility.{mean,std_error}             E[payoff] (DESIGN 1.1) and its standard error;
  ///   terms.<issue>.mean                                continuous issue: E[amount | settled];
  ///   terms.<issue>.mean_level, .levels.<level>         ordinal issue: E[level index | settled], P(level | settled);
  ///   terms.<issue>.clauses.<clause>                    clause issue: P(clause in the deal | settled).
  /// The terms are over the settled runs only: NaN (undefined) when no run settled.
  [[nodiscard]] std::vector<RunMetric> metrics() const;

  /// The names of `metrics()` for any run of `scenario` (they depend on its parties and
  /// issues only): a sweep's columns, known before any point runs.
  [[nodiscard]] static std::vector<std::string> metric_names(const Scenario& scenario);

 private:
  const Simulation& simulation_;
  const RunSummary& summary_;
};

/// `share` as a percentage with one decimal: 0.4126 -> "41.3%".
[[nodiscard]] std::string percent_text(double share);

/// A 95% interval as "[low, high]" with `decimals` digits.
[[nodiscard]] std::string interval_text(const Interval& ci, int decimals);

/// What the collapse of side A (`side_a`) or side B means, in the scenario's words:
/// "Russia's effort collapses", or "side A collapses" when no party holds that side.
[[nodiscard]] std::string collapse_label(const Scenario& scenario, bool side_a);

/// A strategy with its parameters: "time_dependent (e 0.2, reservation 0)".
[[nodiscard]] std::string strategy_label(const StrategySpec& spec);

}  // namespace parley::io
