#include "parley/io/sweep/sweep_evaluator.hpp"

#include <cmath>

#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/metric_selection.hpp"

namespace parley::io {

std::vector<std::string> varied_value_problems(const ScenarioDocument& base, const sweep::SweepSpec& spec) {
  std::vector<std::string> problems;
  for (const auto& parameter : spec.parameters) {
    std::vector<std::string> probes = parameter.levels;
    const std::string interior = parameter.is_range() ? sweep::value_at(parameter, std::sqrt(2.0) - 1.0) : "";
    if (parameter.is_range()) probes = {sweep::number_text(parameter.lo), sweep::number_text(parameter.hi), interior};
    for (const auto& value : probes) {
      ScenarioDocument doc = base;
      try {
        apply_override(doc, parameter.path, value);
      } catch (const ScenarioError& e) {
        problems.push_back("--vary " + parameter.path + ": " + e.diagnostics().front().message);
        break;  // the path itself is wrong: once is enough
      }
      try {
        (void)build_scenario(doc);
      } catch (const ScenarioError& e) {
        std::string why;
        for (const auto& d : e.diagnostics()) why += "\n    " + to_string(d);
        problems.push_back("--vary " + parameter.path + ": the value " + value + " does not validate" +
                           (parameter.is_range() && value == interior
                                ? " (inside the range: if the field takes whole numbers, give lo:hi:n or a list)"
                                : "") +
                           ":" + why);
      }
    }
  }
  return problems;
}

sweep::PointEvaluator scenario_evaluator(std::shared_ptr<const ScenarioDocument> base, const sweep::SweepSpec& spec) {
  const auto all = RunReport::metric_names(build_scenario(*base));
  const auto selected = sweep::select_metrics(all, spec.metrics);
  sweep::PointEvaluator evaluator;
  for (const auto i : selected) evaluator.metric_names.push_back(all[i]);
  std::vector<std::string> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.path);
  const auto runs = static_cast<std::int64_t>(spec.runs);
  const auto seed = spec.seed;
  evaluator.evaluate = [base, paths, selected, runs, seed](const sweep::DesignPoint& point) {
    Scenario variant;
    try {
      ScenarioDocument doc = *base;
      for (std::size_t i = 0; i < paths.size(); ++i) apply_override(doc, paths[i], point.values.at(i));
      variant = build_scenario(doc);
    } catch (const ScenarioError& e) {
      throw sweep::InvalidPoint(e.what());
    }
    RunOptions options;
    options.runs = runs;
    options.seed = seed;
    options.point = point.id;
    // The sweep's threads share out the points; a point's summary does not depend on this.
    options.threads = 1;
    const Simulation simulation(variant);
    const RunSummary summary = simulate(simulation, options);
    const auto metrics = RunReport(simulation, summary).metrics();
    std::vector<double> chosen;
    chosen.reserve(selected.size());
    for (const auto i : selected) chosen.push_back(metrics.at(i).value);
    return chosen;
  };
  return evaluator;
}

}  // namespace parley::io
