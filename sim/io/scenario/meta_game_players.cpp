#include "parley/io/scenario/meta_game_players.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"
#include "parley/io/report/compare_report.hpp"

namespace parley::io {
namespace {

/// Strategy lists as given on the command line: the party id and its strategy specs.
struct PlayerStrategies {
  std::string party;
  std::vector<StrategySpec> strategies;
};

/// A strategy as the user wrote it: `name` or `name:param=value:param=value`.
StrategySpec parse_strategy(const std::string& text) {
  StrategySpec spec;
  std::stringstream parts(text);
  std::string part;
  std::getline(parts, spec.name, ':');
  while (std::getline(parts, part, ':')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos || eq == 0) throw std::invalid_argument("expected param=value in '" + text + "'");
    std::size_t used = 0;
    const double value = std::stod(part.substr(eq + 1), &used);
    if (used != part.size() - eq - 1) throw std::invalid_argument("not a number in '" + text + "'");
    spec.params[part.substr(0, eq)] = value;
  }
  return spec;
}

/// `party=s1,s2,...`.
PlayerStrategies parse_player(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument("--strategies expects PARTY=STRATEGY,STRATEGY,..., got '" + text + "'");
  PlayerStrategies out;
  out.party = text.substr(0, eq);
  std::stringstream list(text.substr(eq + 1));
  std::string item;
  while (std::getline(list, item, ','))
    if (!item.empty()) out.strategies.push_back(parse_strategy(item));
  if (out.strategies.empty()) throw std::invalid_argument("no strategy listed for '" + out.party + "'");
  return out;
}

/// The belligerents the meta-game is about when --strategies names fewer than two: the
/// battlefield's sides, or else the first veto parties.
std::vector<std::size_t> default_players(const Scenario& s) {
  if (s.battlefield) return {static_cast<std::size_t>(s.side_a()), static_cast<std::size_t>(s.side_b())};
  return s.veto_parties();
}

}  // namespace

MetaGameSpec meta_game_players(const Scenario& scenario, const std::vector<std::string>& strategy_args) {
  MetaGameSpec spec;
  std::vector<PlayerStrategies> given;
  for (const auto& text : strategy_args) given.push_back(parse_player(text));
  if (given.size() > 2) throw std::invalid_argument("--strategies names more than two players");
  for (const auto& g : given) {
    const int index = scenario.party_index(g.party);
    if (index < 0) throw std::invalid_argument("--strategies: no party '" + g.party + "' in the scenario");
    for (const auto& s : g.strategies) (void)complete_strategy_spec(s);  // names and parameters
  }
  std::vector<std::size_t> players;
  for (const auto& g : given) players.push_back(static_cast<std::size_t>(scenario.party_index(g.party)));
  for (const std::size_t p : default_players(scenario))
    if (players.size() < 2 && std::find(players.begin(), players.end(), p) == players.end()) players.push_back(p);
  if (players.size() < 2) throw std::invalid_argument("the meta-game needs two players");
  for (std::size_t p = 0; p < 2; ++p) {
    spec.players[p] = players[p];
    if (p < given.size()) spec.strategies[p] = given[p].strategies;
    else spec.strategies[p] = {parse_strategy("prolonged"), parse_strategy("quick")};
    for (const auto& s : spec.strategies[p]) spec.labels[p].push_back(io::strategy_argument(s));
  }
  if (spec.players[0] == spec.players[1]) throw std::invalid_argument("--strategies names the same party twice");
  return spec;
}

}  // namespace parley::io
