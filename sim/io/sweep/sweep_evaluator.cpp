#include "parley/io/sweep/sweep_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <regex>
#include <utility>
#include <vector>

#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/io/sweep/meta_game_metrics.hpp"
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

namespace {

/// Points that differ only in the parties' strategies share one BargainingSetting (the agreement
/// space, the war tables, the equilibrium and its renewed wars), as the meta-game's profiles
/// do: a sweep over strategies pays for them once per value of the other parameters. The last
/// few settings are kept, keyed by those values; any thread may ask.
class SettingCache {
 public:
  explicit SettingCache(const std::vector<std::string>& paths) {
    static const std::regex strategy_path(R"(parties\.[^.]+\.strategy(\..*)?)");
    for (const auto& path : paths) shared_.push_back(!std::regex_match(path, strategy_path));
  }

  /// The setting of `variant`, the scenario of a point with these varied values.
  std::shared_ptr<const BargainingSetting> setting(const Scenario& variant, const std::vector<std::string>& values) {
    std::string key;
    for (std::size_t i = 0; i < values.size(); ++i)
      if (shared_[i]) key += values[i] + '\x1f';
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& [k, setting] : entries_)
        if (k == key) return setting;
    }
    auto built = std::make_shared<const BargainingSetting>(variant);  // outside the lock: threads build in parallel
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [k, setting] : entries_)
      if (k == key) return setting;
    if (entries_.size() == kKept) entries_.erase(entries_.begin());
    entries_.emplace_back(std::move(key), built);
    return built;
  }

 private:
  static constexpr std::size_t kKept = 8;
  std::vector<bool> shared_;  ///< per varied path: not a strategy, so part of the key
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::shared_ptr<const BargainingSetting>>> entries_;
};

}  // namespace

sweep::PointEvaluator scenario_evaluator(std::shared_ptr<const ScenarioDocument> base, const sweep::SweepSpec& spec) {
  const Scenario base_scenario = build_scenario(*base);
  auto all = RunReport::metric_names(base_scenario);
  const std::size_t run_metric_count = all.size();
  if (spec.meta_game) {
    const auto meta = meta_game_metric_names(base_scenario, meta_game_players(base_scenario, spec.strategies));
    all.insert(all.end(), meta.begin(), meta.end());
  }
  const auto selected = sweep::select_metrics(all, spec.metrics);
  sweep::PointEvaluator evaluator;
  for (const auto i : selected) evaluator.metric_names.push_back(all[i]);
  std::vector<std::string> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.path);
  const auto runs = static_cast<std::int64_t>(spec.runs);
  const auto seed = spec.seed;
  // Only what the selected columns need is computed: the Monte Carlo of the scenario's own
  // strategies, the meta-game, or both.
  const bool wants_run = std::any_of(selected.begin(), selected.end(), [&](auto i) { return i < run_metric_count; });
  const bool wants_meta = std::any_of(selected.begin(), selected.end(), [&](auto i) { return i >= run_metric_count; });
  const std::vector<std::string> strategies = spec.strategies;
  auto settings = std::make_shared<SettingCache>(paths);
  evaluator.evaluate = [base, paths, selected, runs, seed, settings, run_metric_count, wants_run, wants_meta,
                        strategies](const sweep::DesignPoint& point) {
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
    std::vector<double> values;
    if (wants_run) {
      std::vector<StrategySpec> own;
      for (const Party& party : variant.parties) own.push_back(party.strategy);
      const Simulation simulation(settings->setting(variant, point.values), own);
      const RunSummary summary = simulate(simulation, options);
      for (const RunMetric& m : RunReport(simulation, summary).metrics()) values.push_back(m.value);
    } else {
      values.assign(run_metric_count, 0.0);
    }
    if (wants_meta) {
      // Every point plays its meta-game from point 0's streams: common random numbers across
      // points, as compare --across plays its map.
      RunOptions meta = options;
      meta.point = 0;
      const auto metrics = meta_game_metrics(variant, meta_game_players(variant, strategies), meta, AdaptiveOptions{});
      values.insert(values.end(), metrics.begin(), metrics.end());
    }
    std::vector<double> chosen;
    chosen.reserve(selected.size());
    for (const auto i : selected) chosen.push_back(values.at(i));
    return chosen;
  };
  return evaluator;
}

}  // namespace parley::io
