#pragma once
/// \file vertex_enumeration.hpp
/// All extreme Nash equilibria of a bimatrix game, by enumerating the vertices of the two
/// best-response polytopes (the set Gambit's `enummixed` reports), and the maximal convex
/// sets of equilibria they span.

#include <utility>
#include <vector>

#include <Eigen/Dense>

#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// Tolerance below which the vertex enumeration treats a number as zero (payoffs are first
/// normalised by each player's incentive scale, so it is relative to the game's incentives).
inline constexpr double kVertexEnumerationTolerance = 1e-10;

/// \brief Reports every extreme Nash equilibrium of `game` to `on_equilibrium`, each once,
/// as it is found.
///
/// Method (Avis, Rosenberg, Savani, von Stengel 2010, "Enumeration of Nash equilibria for
/// two-player games", Economic Theory 42, 9-37; ARSvS below). The payoffs are normalised to
/// A' = 1 + a, B' = 1 + b in [1, 2] (normalized_payoffs: each column of A and row of B shifted
/// to minimum 0, each player's payoffs divided by their incentive scale, which leaves the
/// equilibria unchanged and makes the tolerance relative) and the best-response polytopes are
///   P = { x in R^m : x >= 0, B'^T x <= 1 },   Q = { y in R^n : A' y <= 1, y >= 0 }.
/// A point carries label i (a strategy of player 1, 0 <= i < m) when x_i = 0 in P or
/// (A'y)_i = 1 in Q, and label m + j when (B'^T x)_j = 1 in P or y_j = 0 in Q. The extreme
/// equilibria are exactly the pairs of vertices (x, y) != (0, 0) of P x Q whose labels
/// together are all of {0, ..., m + n - 1}, normalised to (x / 1^T x, y / 1^T y)
/// (ARSvS 2010; every equilibrium is a convex combination of such pairs within one maximal
/// Nash subset).
///
/// The vertices of each polytope are found by a depth-first search over its bases: from a
/// basis, each nonbasic variable in turn enters with the leaving variable chosen by the
/// lexicographic minimum-ratio test, and unvisited bases are expanded. The lexicographic
/// rule makes this a walk on the edges of a perturbed, simple polytope whose bases cover
/// every vertex of the original one, so the search is complete on degenerate games, where
/// one vertex may have several bases; vertices are recognised by their label sets (a
/// vertex is the only point with its set of tight constraints). Each basis costs one pivot,
/// so the work is proportional to the number of bases, not to the C(m + n, m) candidate
/// bases of brute-force enumeration. Q's vertices are listed first; then each vertex of P
/// is matched against them as it is found and its equilibria are reported at once.
///
/// Which arithmetic is used when:
/// - every payoff is an integer (of magnitude below 2^53, exact_integer_payoffs): exact
///   integer pivoting by reverse search (reverse_search_enumeration.hpp), in 128-bit integers
///   checked for overflow, redone in unbounded integers where they overflow; `tolerance` is
///   not used, and the equilibria are exact before they are rounded to doubles;
/// - otherwise (payoffs known only as doubles, e.g. Monte Carlo estimates): the search above,
///   in floating point, with tolerance `tolerance` deciding ties and zeros (also
///   floating_point_extreme_equilibria). Throws std::invalid_argument when m + n > 128 (the
///   label sets are 128-bit masks; vertex enumeration of such games is out of reach anyway).
/// Callers holding exact rational payoffs (a .nfg file's) call exact_extreme_equilibria.
void enumerate_extreme_equilibria(const BimatrixGame& game, const EquilibriumCallback& on_equilibrium,
                                  double tolerance = kVertexEnumerationTolerance);

/// All extreme Nash equilibria of `game`, in the order enumerate_extreme_equilibria reports
/// them. A nondegenerate game has an odd number of them (Lemke-Howson 1964 parity), a
/// degenerate game may have infinitely many equilibria, represented here by the extreme
/// points of its maximal Nash subsets.
[[nodiscard]] std::vector<MixedProfile> extreme_equilibria(const BimatrixGame& game,
                                                           double tolerance = kVertexEnumerationTolerance);

/// The floating-point path of enumerate_extreme_equilibria (the depth-first search over
/// bases described above), whatever the payoffs: for comparisons with the exact path.
[[nodiscard]] std::vector<MixedProfile> floating_point_extreme_equilibria(
    const BimatrixGame& game, double tolerance = kVertexEnumerationTolerance);

/// The vertices of player `player`'s best-response polytope (P for 0, Q for 1) as the
/// floating-point depth-first search finds them, each as its sorted set of labels (the
/// numbering above), the origin first. For tests of the exact reverse search.
[[nodiscard]] std::vector<std::vector<int>> polytope_vertex_labels(const BimatrixGame& game, int player,
                                                                   double tolerance = kVertexEnumerationTolerance);

/// \brief A maximal Nash subset: every pair (x, y) with x in the convex hull of `x` and y in
/// the convex hull of `y` is a Nash equilibrium, and no strategy can be added to either
/// list (Millham 1974; Winkels 1979; Jansen 1981).
///
/// The equilibrium components of a bimatrix game are unions of maximal Nash subsets; a
/// game with finitely many equilibria has one subset (with one x and one y) per equilibrium.
struct NashSubset {
  std::vector<Eigen::VectorXd> x;  ///< extreme mixed strategies of player 1
  std::vector<Eigen::VectorXd> y;  ///< extreme mixed strategies of player 2
};

/// The maximal Nash subsets of `game` (what `gambit-enummixed -c` prints as convex sets).
///
/// Method (ARSvS 2010, as in Gambit's `enummixed -c`): the extreme equilibria are the edges of a bipartite
/// graph between the distinct extreme strategies of the two players; the maximal Nash
/// subsets are its maximal complete bipartite subgraphs (bicliques). They are found as the
/// closed sets of the graph's neighbourhood Galois connection: every nonempty intersection
/// Y of neighbourhoods N(x) of player-1 strategies, together with X = {x : N(x) contains Y}.
/// Listed in a fixed order: by the indices of their strategies, numbered in the order the
/// enumeration first met them.
[[nodiscard]] std::vector<NashSubset> maximal_nash_subsets(const BimatrixGame& game,
                                                           double tolerance = kVertexEnumerationTolerance);

/// The maximal Nash subsets spanned by a list of extreme equilibria, each as the sorted
/// indices into `extreme` of the equilibria it contains (every pair of its extreme strategies
/// is one of them), listed by their smallest index. Two strategies of a player count as the
/// same when no probability differs by more than `tolerance`. With `extreme` the complete
/// list of a game's extreme equilibria (extreme_equilibria) these are the game's maximal Nash
/// subsets, by the method of maximal_nash_subsets; a subset with more than one member is a
/// continuum: every mixture of its members is an equilibrium.
[[nodiscard]] std::vector<std::vector<int>> nash_subset_members(const std::vector<MixedProfile>& extreme,
                                                                double tolerance = 1e-9);

/// The same, for extreme equilibria given as the edges of the bipartite graph: equilibrium k
/// joins player 1's strategy edges[k].first and player 2's edges[k].second, each player's
/// distinct strategies numbered 0, 1, ... by the caller (exactly, for the exact enumeration,
/// which needs no grid). Eight bytes per equilibrium: what a caller that writes the
/// equilibria as they are found keeps to list the subsets after them.
[[nodiscard]] std::vector<std::vector<int>> nash_subset_members_of_edges(const std::vector<std::pair<int, int>>& edges);

}  // namespace parley
