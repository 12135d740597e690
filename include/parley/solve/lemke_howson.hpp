#pragma once
/// \file lemke_howson.hpp
/// One Nash equilibrium of a bimatrix game by the Lemke-Howson algorithm: the fast path when
/// one equilibrium is enough or the game is too large to enumerate them all.

#include <vector>

#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// \brief The Nash equilibrium at the end of the Lemke-Howson path that starts by dropping
/// label `missing_label` (0 <= missing_label < m + n; labels below m are player 1's
/// strategies, m + j is player 2's strategy j).
///
/// Method (Lemke and Howson 1964; Shapley 1974; von Stengel 2002, Handbook of Game Theory
/// vol. 3, ch. 45). With the
/// best-response polytopes P = {x >= 0 : B'^T x <= 1} and Q = {y >= 0 : A' y <= 1} of the
/// payoffs normalised to [1, 2] (normalized_payoffs, relative to each player's incentive scale), the artificial equilibrium (0, 0) is completely labelled.
/// Dropping the missing label, i.e. letting the variable with that label enter the basis
/// of its polytope, walks along an edge; the variable that leaves has a label which is now
/// duplicated, and its partner variable in the other polytope enters next (complementary
/// pivoting). The walk ends when the missing label is picked up again, at a completely
/// labelled pair (x, y) != (0, 0), which normalised is a Nash equilibrium. Each leaving
/// variable is chosen by the lexicographic minimum-ratio test, which makes every pivot
/// well defined on degenerate games and so the path cannot cycle (the lexicographic method
/// of Dantzig, Orden and Wolfe 1955, as in von Stengel 2002).
///
/// Throws std::invalid_argument for a label out of range, and std::runtime_error if
/// floating-point trouble ever brought the path back to a basis it had visited (the
/// exact-arithmetic path never does).
[[nodiscard]] MixedProfile lemke_howson(const BimatrixGame& game, int missing_label = 0);

/// The distinct equilibria reached by lemke_howson from each of the m + n missing labels,
/// in order of the first label that reaches each (profiles within `tolerance` of each other
/// count as one). Each is an extreme equilibrium, but not every extreme equilibrium need be
/// reachable from the artificial one: in Wilson's example (Shapley 1974; Gambit's sh3.nfg)
/// two of the three equilibria are found by no starting label.
[[nodiscard]] std::vector<MixedProfile> lemke_howson_equilibria(const BimatrixGame& game,
                                                                double tolerance = 1e-9);

}  // namespace parley
