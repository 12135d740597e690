#include "parley/io/sweep/regime_map_request.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/solve/regime_map.hpp"

namespace parley::io {
namespace {

// The numeric values of an --across grid, or nothing if one is not a number.
std::optional<std::vector<double>> numeric_values(const sweep::VariedParameter& parameter) {
  std::vector<double> values;
  for (const std::string& level : parameter.levels) {
    std::size_t used = 0;
    try {
      values.push_back(std::stod(level, &used));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (used != level.size()) return std::nullopt;
  }
  return values;
}

// `across` parsed as a grid (not a range), or RegimeMapRequestError.
sweep::VariedParameter across_grid(const std::string& across) {
  sweep::VariedParameter parameter;
  try {
    parameter = parse_vary(across);
  } catch (const std::exception& e) {
    throw RegimeMapRequestError(printable_text(e.what()));
  }
  if (parameter.is_range()) throw RegimeMapRequestError(across + ": give the grid as lo:hi:n or a list of values");
  return parameter;
}

}  // namespace

RegimeMapReport play_regime_map(const ScenarioDocument& document, const std::vector<std::string>& strategy_args,
                                const std::string& across, double tolerance, const RunOptions& options,
                                const AdaptiveOptions& adaptive, const std::pair<std::string, std::string>* second) {
  const sweep::VariedParameter parameter = across_grid(across);
  auto values = numeric_values(parameter);
  if (!values)
    throw RegimeMapRequestError(across + ": a regime map needs numeric values (a boundary is located between them)");
  std::sort(values->begin(), values->end());
  if (values->size() < 2) throw RegimeMapRequestError(across + ": a regime map needs at least two values");
  if (tolerance < 0.0) {
    double step = std::numeric_limits<double>::infinity();
    for (std::size_t k = 1; k < values->size(); ++k) step = std::min(step, (*values)[k] - (*values)[k - 1]);
    tolerance = step / 8.0;
  }
  // The scenario at the first value validates, or its diagnostics (a ScenarioError) go to the
  // caller as they are, naming the file and the key.
  {
    ScenarioDocument doc = document;
    if (second) apply_override(doc, second->first, second->second);
    apply_override(doc, parameter.path, format_shortest(values->front()));
    (void)build_scenario(doc);
  }

  std::optional<Scenario> first;
  std::array<std::vector<std::string>, 2> labels;
  std::array<std::string, 2> ids, names;
  const RegimeOracle oracle = [&](double value) {
    ScenarioDocument doc = document;
    if (second) apply_override(doc, second->first, second->second);
    apply_override(doc, parameter.path, format_shortest(value));
    const Scenario scenario = build_scenario(doc);
    const MetaGameSpec spec = meta_game_players(scenario, strategy_args);
    const AdaptiveMetaGame played =
        play_adaptive_meta_game(std::make_shared<const BargainingSetting>(scenario), spec, options, adaptive);
    RegimeAnswer answer;
    answer.set = played.history.steps.back().set;
    answer.equilibria = meta_equilibria(played.meta);
    for (int p = 0; p < 2; ++p)
      answer.replies[static_cast<std::size_t>(p)] = best_replies(played.meta, p, played.history.z);
    answer.payoffs = {played.meta.game().a(), played.meta.game().b()};
    for (int p = 0; p < 2; ++p) {
      Eigen::MatrixXd& se = answer.standard_errors[static_cast<std::size_t>(p)];
      se.resize(answer.payoffs[0].rows(), answer.payoffs[0].cols());
      for (Eigen::Index i = 0; i < se.rows(); ++i)
        for (Eigen::Index j = 0; j < se.cols(); ++j)
          se(i, j) = played.meta.standard_error(p, static_cast<int>(i), static_cast<int>(j));
    }
    answer.runs = played.meta.runs();
    if (!first) {
      first.emplace(scenario);
      for (std::size_t p = 0; p < 2; ++p) {
        labels[p] = played.meta.game().strategy_labels(static_cast<int>(p));
        ids[p] = scenario.parties[spec.players[p]].id;
        names[p] = scenario.parties[spec.players[p]].name;
      }
    }
    return answer;
  };
  std::optional<RegimeMap> map;
  try {
    map.emplace(map_regimes(*values, oracle, tolerance));
  } catch (const std::exception& e) {
    throw std::runtime_error(across + ": " + printable_text(e.what()));
  }
  RegimeMapReport report{std::move(*first), parameter.path, std::move(*map), ids, names, labels,
                         adaptive.confidence, options.seed, {}, {}};
  if (second) {
    report.second_parameter = second->first;
    report.second_value = second->second;
  }
  return report;
}

std::vector<RegimeMapReport> play_regime_maps(const ScenarioDocument& document,
                                              const std::vector<std::string>& strategy_args,
                                              const std::vector<std::string>& across, double tolerance,
                                              const RunOptions& options, const AdaptiveOptions& adaptive) {
  if (across.empty() || across.size() > 2)
    throw RegimeMapRequestError("give one parameter to map along, or two (a map along the first at each value of "
                                "the second)");
  std::vector<RegimeMapReport> maps;
  if (across.size() == 1) {
    maps.push_back(play_regime_map(document, strategy_args, across[0], tolerance, options, adaptive));
    return maps;
  }
  const sweep::VariedParameter second = across_grid(across[1]);
  for (const std::string& value : second.levels) {
    const std::pair<std::string, std::string> fixed{second.path, value};
    maps.push_back(play_regime_map(document, strategy_args, across[0], tolerance, options, adaptive, &fixed));
  }
  return maps;
}

}  // namespace parley::io
