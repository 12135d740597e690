#pragma once
/// \file meta_game_players.hpp
/// The players of a strategy meta-game and their strategies, from `--strategies` texts
/// (`parley compare`, `compare --across`, `report`, and `sweep --meta-game`).

#include <string>
#include <vector>

#include "parley/model/scenario.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley::io {

/// The meta-game's two players and their candidate strategies from the --strategies values
/// (`party=s1,s2,...`, a strategy as `name` or `name:param=value:param=value`). Players not
/// named are the battlefield's sides (or else the first veto parties), with prolonged and quick.
/// Strategies are labelled as given (io::strategy_label).
/// \throws std::invalid_argument for a malformed value, an unknown party or strategy, more than
/// two players, or one party named twice.
[[nodiscard]] MetaGameSpec meta_game_players(const Scenario& scenario, const std::vector<std::string>& strategy_args);

}  // namespace parley::io
