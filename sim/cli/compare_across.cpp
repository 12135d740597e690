#include "compare_across.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/io/scenario/meta_game_players.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/regime_map_report.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/solve/regime_map.hpp"

namespace parley::cli {
namespace {

// The numeric values of a --across grid, or nothing if one is not a number.
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

}  // namespace

std::optional<io::RegimeMapReport> play_regime_map(ScenarioCommandLine& cli, const std::string& command,
                                                   const std::vector<std::string>& strategy_args,
                                                   const std::string& across, double tolerance,
                                                   const RunOptions& options, const AdaptiveOptions& adaptive,
                                                   int& exit_code, const std::pair<std::string, std::string>* second) {
  const auto fail = [&](int code, const std::string& message) {
    std::cerr << "parley " << command << ": --across " << message << "\n";
    if (code == 2) std::cerr << "(parley " << command << " --help lists the options)\n";
    exit_code = code;
    return std::nullopt;
  };
  sweep::VariedParameter parameter;
  try {
    parameter = io::parse_vary(across);
  } catch (const std::exception& e) {
    return fail(2, io::printable_text(e.what()));
  }
  if (parameter.is_range()) return fail(2, across + ": give the grid as lo:hi:n or a list of values");
  auto values = numeric_values(parameter);
  if (!values) return fail(2, across + ": a regime map needs numeric values (a boundary is located between them)");
  std::sort(values->begin(), values->end());
  if (values->size() < 2) return fail(2, across + ": a regime map needs at least two values");
  if (tolerance < 0.0) {
    double step = std::numeric_limits<double>::infinity();
    for (std::size_t k = 1; k < values->size(); ++k) step = std::min(step, (*values)[k] - (*values)[k - 1]);
    tolerance = step / 8.0;
  }
  const auto document = cli.load_document();
  if (!document) {
    exit_code = 1;
    return std::nullopt;
  }

  std::optional<Scenario> first;
  std::array<std::vector<std::string>, 2> labels;
  std::array<std::string, 2> ids, names;
  const RegimeOracle oracle = [&](double value) {
    io::ScenarioDocument doc = *document;
    if (second) io::apply_override(doc, second->first, second->second);
    io::apply_override(doc, parameter.path, io::format_shortest(value));
    const Scenario scenario = io::build_scenario(doc);
    const MetaGameSpec spec = io::meta_game_players(scenario, strategy_args);
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
    return fail(1, across + ": " + io::printable_text(e.what()));
  }
  io::RegimeMapReport report{std::move(*first), parameter.path, std::move(*map), ids, names, labels,
                             adaptive.confidence, options.seed, {}, {}};
  if (second) {
    report.second_parameter = second->first;
    report.second_value = second->second;
  }
  return report;
}

int compare_across(ScenarioCommandLine& cli, const std::vector<std::string>& strategy_args,
                   const std::vector<std::string>& across, double tolerance, const RunOptions& options,
                   const AdaptiveOptions& adaptive) {
  int exit_code = 0;
  if (across.size() == 2) {
    // One map along the first parameter at each value of the second.
    sweep::VariedParameter second;
    try {
      second = io::parse_vary(across[1]);
    } catch (const std::exception& e) {
      std::cerr << "parley compare: --across " << io::printable_text(e.what())
                << "\n(parley compare --help lists the options)\n";
      return 2;
    }
    if (second.is_range()) {
      std::cerr << "parley compare: --across " << across[1] << ": give the grid as lo:hi:n or a list of values\n";
      return 2;
    }
    std::vector<io::RegimeMapReport> maps;
    for (const std::string& value : second.levels) {
      const std::pair<std::string, std::string> fixed{second.path, value};
      auto map = play_regime_map(cli, "compare", strategy_args, across[0], tolerance, options, adaptive, exit_code,
                                 &fixed);
      if (!map) return exit_code;
      maps.push_back(std::move(*map));
    }
    std::ostream* out = cli.output();
    if (!out) return 1;
    if (cli.values().format == OutputFormat::json)
      io::write_regime_maps_json(*out, maps);
    else
      io::write_regime_maps_table(*out, maps);
    return 0;
  }
  const auto report = play_regime_map(cli, "compare", strategy_args, across[0], tolerance, options, adaptive, exit_code);
  if (!report) return exit_code;
  std::ostream* out = cli.output();
  if (!out) return 1;
  if (cli.values().format == OutputFormat::json)
    io::write_regime_map_json(*out, *report);
  else
    io::write_regime_map_table(*out, *report);
  return 0;
}

}  // namespace parley::cli
