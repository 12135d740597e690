#pragma once
// What the meta-game tests share (tests/solve/meta_game_test.cpp, meta_equilibrium_set_test.cpp,
// adaptive_meta_game_test.cpp, and the compare report and warning tests of tests/io/report): a
// small war to play meta-games on, a pair of strategies known to play identically, and
// equilibrium sets made by hand.

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "../agents/test_scenarios.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/solve/meta_equilibrium_set.hpp"

namespace parley::testing {

// A war over a territory linked to the front, where a collapse is not total (the loser keeps
// 0.2) and costs are small, so neither side's value of fighting on ever falls to 0: a side
// playing `hardline` (it accepts only its ideal, all of the territory) never settles with
// anyone, and the war is fought to the end. Talks every other period.
inline Scenario partial_collapse_war() {
  BattlefieldParams bf = front(8, 4, 0.5, 0.15);
  Scenario sc = war_scenario(bf, 30, {0.002, 0.99}, {0.003, 0.995});
  sc.collapse_a_terms.amounts = {0.2};
  sc.collapse_b_terms.amounts = {0.8};
  sc.protocol.every = 2;
  return sc;
}

// Run options for a meta-game test: `runs` runs of seed `seed` on `threads` threads.
inline RunOptions meta_run_options(std::int64_t runs, std::uint64_t seed, int threads) {
  RunOptions options;
  options.runs = runs;
  options.seed = seed;
  options.threads = threads;
  return options;
}

// Two names of one strategy: `linear` and `prolonged` with e = 1 concede along the same curve,
// so they play the same episodes (meta_equilibrium_set_test.cpp checks it run by run): a known
// exact tie.
inline std::vector<StrategySpec> linear_under_two_names() {
  return {strategy("linear"), strategy("prolonged", {{"e", 1.0}})};
}

// Whether every support pair of `set` has its twin with player p's strategies x and y swapped
// (as it must when x and y are two names of one strategy).
inline bool every_support_has_twin(const MetaEquilibriumSet& set, int p, int x, int y) {
  for (const auto& supports : set.supports) {
    std::array<std::vector<int>, 2> twin = supports;
    auto& swapped = twin[static_cast<std::size_t>(p)];
    for (int& s : swapped) s = s == x ? y : s == y ? x : s;
    std::sort(swapped.begin(), swapped.end());
    if (std::find(set.supports.begin(), set.supports.end(), twin) == set.supports.end()) return false;
  }
  return true;
}

// A hand-built equilibrium set of a 2 x 2 game: the row player's best reply to anything is
// `row`, the column player's `column`, and (row, column) is the one equilibrium.
inline MetaEquilibriumSet one_equilibrium_set(int row, int column) {
  MetaEquilibriumSet set;
  set.ties[0] = {{row}, {row}};
  set.ties[1] = {{column}, {column}};
  set.supports = {{{{row}, {column}}}};
  return set;
}

// The same with the column player tied between its two strategies against `row`, which makes
// (row, 1 - column) an equilibrium too.
inline MetaEquilibriumSet column_tie_set(int row, int column) {
  MetaEquilibriumSet set = one_equilibrium_set(row, column);
  set.ties[1][static_cast<std::size_t>(row)] = {0, 1};
  set.supports.push_back({{{row}, {1 - column}}});
  std::sort(set.supports.begin(), set.supports.end());
  return set;
}

}  // namespace parley::testing
