#include "parley/io/sweep/meta_game_metrics.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/solve/meta_equilibrium_set.hpp"

namespace parley::io {
namespace {

std::string player_id(const Scenario& scenario, const MetaGameSpec& players, std::size_t p) {
  return scenario.parties[players.players[p]].id;
}

}  // namespace

std::vector<std::string> meta_game_metric_names(const Scenario& scenario, const MetaGameSpec& players) {
  const auto& rows = players.labels[0];
  const auto& cols = players.labels[1];
  std::vector<std::string> names{"meta.runs", "meta.equilibria", "meta.mixed"};
  for (const auto& r : rows)
    for (const auto& c : cols) names.push_back("meta.equilibrium." + r + ".vs." + c);
  for (std::size_t p = 0; p < 2; ++p)
    for (const auto& t : players.labels[1 - p])
      for (const auto& s : players.labels[p])
        names.push_back("meta.reply." + player_id(scenario, players, p) + ".vs." + t + ".is." + s);
  for (const char* kind : {"meta.payoff.", "meta.std_error."})
    for (std::size_t p = 0; p < 2; ++p)
      for (const auto& r : rows)
        for (const auto& c : cols) names.push_back(kind + player_id(scenario, players, p) + ".at." + r + ".vs." + c);
  return names;
}

std::vector<double> meta_game_metrics(const Scenario& scenario, const MetaGameSpec& players, const RunOptions& options,
                                      const AdaptiveOptions& adaptive) {
  const AdaptiveMetaGame played =
      play_adaptive_meta_game(std::make_shared<const BargainingSetting>(scenario), players, options, adaptive);
  const MetaEquilibriumSet& set = played.history.steps.back().set;
  const std::array<std::size_t, 2> size{players.labels[0].size(), players.labels[1].size()};
  std::vector<double> values{static_cast<double>(played.meta.runs()),
                             static_cast<double>(meta_equilibria(played.meta).size()), 0.0};
  std::vector<double> pure(size[0] * size[1], 0.0);
  for (const auto& support : set.supports) {
    if (support[0].size() == 1 && support[1].size() == 1)
      pure[static_cast<std::size_t>(support[0][0]) * size[1] + static_cast<std::size_t>(support[1][0])] = 1.0;
    else
      values[2] += 1.0;
  }
  values.insert(values.end(), pure.begin(), pure.end());
  for (std::size_t p = 0; p < 2; ++p)
    for (std::size_t t = 0; t < size[1 - p]; ++t) {
      const std::vector<int>& tied = set.ties[p][t];
      for (std::size_t s = 0; s < size[p]; ++s)
        values.push_back(std::find(tied.begin(), tied.end(), static_cast<int>(s)) != tied.end() ? 1.0 : 0.0);
    }
  for (int p = 0; p < 2; ++p)
    for (std::size_t r = 0; r < size[0]; ++r)
      for (std::size_t c = 0; c < size[1]; ++c) {
        const auto i = static_cast<Eigen::Index>(r), j = static_cast<Eigen::Index>(c);
        values.push_back(p == 0 ? played.meta.game().a()(i, j) : played.meta.game().b()(i, j));
      }
  for (int p = 0; p < 2; ++p)
    for (std::size_t r = 0; r < size[0]; ++r)
      for (std::size_t c = 0; c < size[1]; ++c)
        values.push_back(played.meta.standard_error(p, static_cast<int>(r), static_cast<int>(c)));
  return values;
}

}  // namespace parley::io
