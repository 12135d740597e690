#pragma once
/// \file meta_equilibrium_set.hpp
/// The equilibrium set of an estimated meta-game at a confidence level (issue 16): the best
/// replies a confidence interval cannot tell apart, counted as ties, and the equilibria that
/// remain once they are. `parley compare` adds runs until this set is stable
/// (adaptive_meta_game.hpp).

#include <array>
#include <vector>

#include "parley/solve/bimatrix_game.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley {

/// \brief The equilibria of an estimated meta-game at the normal quantile z of a confidence
/// level c (z = confidence_z(c) = Phi^{-1}((1 + c) / 2): 1.96 for 95%).
///
/// Write u_p(s, t) for player p's estimated payoff when it plays s against the other's pure
/// strategy t, b_p(t) for its estimated best reply (BestReply::reply), and se_p(b, s; t) for the
/// paired standard error of u_p(b, t) - u_p(s, t) (MetaGame::difference_standard_error).
/// - Ties: T_p(t) = { s : u_p(b_p(t), t) - u_p(s, t) <= z se_p(b_p(t), s; t) }, the strategies
///   whose shortfall from the best reply a two-sided level-c test does not tell from 0. It holds
///   the best reply itself, and every exact tie (shortfall 0 with standard error 0: the same
///   payoff in every run, as strategies that play identically have), which no number of runs
///   separates.
/// - The tie-closed game: the estimate with every tied payoff raised to the best reply's,
///   u'_p(s, t) = u_p(b_p(t), t) for s in T_p(t), u_p(s, t) otherwise. The ties at level c
///   become exact ties, so its equilibria do not hang on which of two strategies the noise
///   happens to favour. Without ties it is the estimated game itself.
/// - Supports: the distinct pairs (S_0, S_1) of supports of the extreme Nash equilibria of the
///   tie-closed game (meta_equilibria), in lexicographic order.
///
/// The set is (T_0, T_1, supports). Its pure part reads plainly: (s, t) is a pure equilibrium of
/// the tie-closed game iff s is in T_0(t) and t in T_1(s), that is, iff neither player has a
/// deviation that gains significantly at level c. Limits: ties are judged against the other's
/// pure strategies, so a mixed equilibrium whose support hinges on a near tie against a
/// mixture is not closed, and c is a per-comparison level: with many comparisons some true ties
/// are missed and some small differences are called ties (adaptive_meta_game.hpp says what this
/// means when the set is looked at again with more runs).
struct MetaEquilibriumSet {
  /// ties[p][t]: T_p(t), player p's strategies tied for best reply to the other's strategy t,
  /// ascending.
  std::array<std::vector<std::vector<int>>, 2> ties;
  /// The support pairs {S_0, S_1} of the extreme equilibria of the tie-closed game, each
  /// ascending, distinct, in lexicographic order.
  std::vector<std::array<std::vector<int>, 2>> supports;

  friend bool operator==(const MetaEquilibriumSet&, const MetaEquilibriumSet&) = default;
};

/// The tie-closed game of `meta` at z (MetaEquilibriumSet), labelled as meta.game().
[[nodiscard]] BimatrixGame tie_closed_game(const MetaGame& meta, double z);

/// The equilibrium set of `meta` at z (MetaEquilibriumSet): ties from best_replies(meta, p, z),
/// supports of the extreme equilibria of tie_closed_game(meta, z).
[[nodiscard]] MetaEquilibriumSet meta_equilibrium_set(const MetaGame& meta, double z);

}  // namespace parley
