#include "parley/io/sweep/sweep_evaluator.hpp"

#include <cmath>
#include <limits>

#include "parley/engine/monte_carlo.hpp"
#include "parley/sweep/design.hpp"
#include "parley/sweep/metric_selection.hpp"

namespace parley::io {

std::vector<std::string> run_metric_names(const Scenario& scenario) {
  std::vector<std::string> names = {"outcomes.settled", "outcomes.collapse_a", "outcomes.collapse_b",
                                    "outcomes.frozen",  "duration.mean",       "duration.median",
                                    "duration.p10",     "duration.p90"};
  for (const auto& party : scenario.parties) {
    names.push_back("parties." + party.id + ".utility.mean");
    names.push_back("parties." + party.id + ".utility.se");
  }
  for (const auto& issue : scenario.issues) {
    const std::string prefix = "terms." + issue.id;
    switch (issue.kind) {
      case IssueKind::continuous: names.push_back(prefix); break;
      case IssueKind::ordinal:
        names.push_back(prefix);
        for (const auto& level : issue.levels) names.push_back(prefix + "." + level);
        break;
      case IssueKind::clauses:
        for (const auto& clause : issue.clauses) names.push_back(prefix + "." + clause.id);
        break;
    }
  }
  return names;
}

std::vector<double> run_metric_values(const RunSummary& r) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> values = {r.settled.p,
                                r.collapse_a.p,
                                r.collapse_b.p,
                                r.frozen.p,
                                r.duration.mean.mean,
                                static_cast<double>(r.duration.median),
                                static_cast<double>(r.duration.p10),
                                static_cast<double>(r.duration.p90)};
  for (const auto& u : r.utility) {
    values.push_back(u.mean);
    values.push_back(u.std_error);
  }
  for (const auto& terms : r.settlement_terms) {
    const bool any = terms.count > 0;
    switch (terms.kind) {
      case IssueKind::continuous: values.push_back(any ? terms.amount.mean : nan); break;
      case IssueKind::ordinal:
        values.push_back(any ? terms.amount.mean : nan);
        for (const double f : terms.level_frequencies) values.push_back(any ? f : nan);
        break;
      case IssueKind::clauses:
        for (const double f : terms.clause_frequencies) values.push_back(any ? f : nan);
        break;
    }
  }
  return values;
}

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
  const auto all = run_metric_names(build_scenario(*base));
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
    const auto values = run_metric_values(simulate(variant, options));
    std::vector<double> chosen;
    chosen.reserve(selected.size());
    for (const auto i : selected) chosen.push_back(values.at(i));
    return chosen;
  };
  return evaluator;
}

}  // namespace parley::io
