#pragma once
/// \file support_enumeration.hpp
/// Nash equilibria of a bimatrix game by enumerating pairs of equal-sized supports: the
/// textbook method, kept as an independent cross-check of the vertex enumeration.

#include <vector>

#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// \brief Reports to `on_equilibrium` every Nash equilibrium (x, y) whose supports I of x and
/// J of y have the same size and determine it uniquely, each once, as it is found.
///
/// Method (support enumeration: von Stengel, "Equilibrium computation for two-player games
/// in strategic and extensive form", Algorithmic Game Theory, 2007, ch. 3). For k = 1 .. min(m, n) and every
/// pair of supports I, J with |I| = |J| = k, solve the two square systems that make the opponent indifferent
/// on the support,
///   sum_{j in J} a_ij y_j = u (i in I),  sum_{j in J} y_j = 1,
///   sum_{i in I} b_ij x_i = v (j in J),  sum_{i in I} x_i = 1,
/// and keep the solution when x > 0 on I, y > 0 on J, and no strategy outside the supports
/// pays more: (A y)_i <= u for all i and (B^T x)_j <= v for all j.
///
/// In a nondegenerate game (no mixed strategy with support size k has more than k pure best
/// responses) every equilibrium has supports of equal size and nonsingular systems, so this
/// finds them all. In a degenerate game it finds exactly those equilibria whose systems are
/// nonsingular, and misses the others (for instance a continuum, or an equilibrium with
/// supports of different sizes); enumerate_extreme_equilibria finds all of them. The work
/// is sum_k C(m, k) C(n, k) small linear solves, exponential in min(m, n).
/// `tolerance` is relative: it applies to the payoffs normalised by normalized_payoffs
/// (bimatrix_game.hpp), each player's incentives divided by their largest one.
void enumerate_equal_support_equilibria(const BimatrixGame& game, const EquilibriumCallback& on_equilibrium,
                                        double tolerance = 1e-9);

/// All equilibria enumerate_equal_support_equilibria reports, in its order (by support size,
/// then supports in lexicographic order).
[[nodiscard]] std::vector<MixedProfile> equal_support_equilibria(const BimatrixGame& game,
                                                                 double tolerance = 1e-9);

}  // namespace parley
