#pragma once
/// \file reverse_search_enumeration.hpp
/// All extreme Nash equilibria of a bimatrix game with exact (integer or rational) payoffs, by
/// reverse search over one best-response polytope's vertices in exact integer arithmetic, in
/// memory that does not grow with the number of vertices, on several threads.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/exact_fraction.hpp"
#include "parley/solve/exact_payoffs.hpp"

namespace parley {

/// The integer arithmetic a reverse search ran in.
enum class PivotArithmetic {
  int128,      ///< every pivot fitted in 128-bit integers (checked for overflow)
  big_integer  ///< some part overflowed 128 bits and was redone in unbounded integers
};

/// \brief Options of exact_extreme_equilibria.
struct ReverseSearchOptions {
  /// Worker threads; 0 means one per hardware thread. The output does not depend on it.
  int threads = 0;
  /// Start in unbounded integers instead of 128-bit ones (to test the fallback path).
  bool big_integers_only = false;
};

/// \brief What a reverse search cost, and how it ran.
struct ReverseSearchStatistics {
  /// Vertices of the outer polytope, the origin included, each counted once.
  std::int64_t vertices = 0;
  /// Bases of the outer polytope visited (more than the vertices when it is degenerate).
  std::int64_t bases = 0;
  /// The widest arithmetic any part of the search needed.
  PivotArithmetic arithmetic = PivotArithmetic::int128;
  /// True when the outer polytope was Q (player 2's), i.e. the game was transposed.
  bool outer_is_player2 = false;
};

/// \brief What exact_extreme_equilibria found, and what it cost.
struct ExactEquilibria : ReverseSearchStatistics {
  /// The extreme equilibria, exactly, in reverse-search order (see exact_extreme_equilibria).
  std::vector<RationalProfile> equilibria;
};

/// \brief One extreme equilibrium as for_each_exact_extreme_equilibrium reports it: already
/// verified (exact regret 0 on the game's own payoffs), with its exact values.
struct ExactExtremeEquilibrium {
  std::vector<ExactFraction> x;          ///< player 1's probabilities, in lowest terms
  std::vector<ExactFraction> y;          ///< player 2's
  std::array<ExactFraction, 2> payoffs;  ///< the expected payoffs x^T A y and x^T B y
  /// The vertex of the outer polytope it comes from (the outer player's strategy), numbered
  /// in reverse-search order from 1 (the origin): the equilibria of one vertex come one after
  /// the other and share the number, and no two vertices share a strategy.
  std::int64_t outer_vertex = 0;
  /// The outer player: 0 when the outer polytope is P (player 1's), 1 when it is Q.
  int outer_player = 0;
  /// Each player's strategy named exactly in a few bytes, to tell strategies apart without
  /// keeping their probabilities: bit k for each of its own zero probabilities, then bit
  /// (its strategies) + l for each best response l of the other player to it. These are the
  /// labels of its vertex in its best-response polytope (vertex_enumeration.hpp), which no
  /// other vertex has, and distinct vertices are distinct strategies; so equal keys of one
  /// player in one game mean equal strategies.
  std::array<std::string, 2> strategy_keys;
  /// Empty from the search; what the consumer's `prepare` step derived from the equilibrium
  /// on the search's threads (for_each_exact_extreme_equilibrium), e.g. its text.
  std::string prepared;
};

/// \brief Every extreme Nash equilibrium of the game with payoffs `game`, exactly, each once.
///
/// Method. The equilibria are the completely labelled vertex pairs (x, y) != (0, 0) of the
/// best-response polytopes P = {x >= 0 : B'^T x <= 1} and Q = {y >= 0 : A' y <= 1}
/// (vertex_enumeration.hpp; Avis, Rosenberg, Savani, von Stengel 2010, "Enumeration of Nash
/// equilibria for two-player games", Economic Theory 42). Here A' and B' are integer: the
/// payoffs times the common denominator of each player's payoffs (1 for integers), each
/// column of A and row of B shifted to minimum 1, which changes no best response.
///
/// 1. The vertices of the outer polytope, the one of smaller dimension (P when m <= n, as
///    lrsnash does), are enumerated by reverse search (Avis & Fukuda 1992): the bases visited
///    by the simplex method with Bland's rule and the lexicographic ratio test for
///    min 1^T x form a tree rooted at the origin; it is walked depth-first by pivoting down
///    to each child (a neighbour whose own parent pivot leads back) and back up along the
///    parent pivot, so nothing is stored per vertex. A degenerate vertex is reported at one
///    of its bases only, the lexicographically minimal one (lrs's lexmin test).
/// 2. For each vertex x != 0 with label set L(x), its partners are the vertices of the face
///    of Q on which every label missing from L(x) is tight: (A'y)_i = 1 for x_i > 0 and
///    y_j = 0 where the constraint j of P is slack. When x is nondegenerate and that square
///    system nonsingular, the face is one point, found by fraction-free Gauss-Jordan
///    elimination and kept if it lies in Q; otherwise (a degenerate game) the face's vertices
///    are enumerated by integer pivoting on the face alone: phase 1 of the simplex method for
///    a first vertex, then a depth-first walk over its lexicographically feasible bases (as
///    lrsnash runs lrs on the face), in memory of that face only.
/// 3. Both cores: the reverse-search tree is cut at the first depth with at least 64 nodes;
///    the subtrees below it and the nodes above it are tasks, run on `options.threads`
///    threads and merged in the order of the sequential depth-first walk, so the output (and
///    its order) is the same at any thread count. The cut depends on the game only. A game
///    of at most 400 strategy pairs whose whole tree the cut walked in fewer than 64 nodes
///    (Gambit's small games) runs on one thread: a thread's start costs more than its search.
/// 4. Each equilibrium is verified as it is found (regret exactly 0 on the game's own
///    payoffs, not the shifted A', B' the search pivots on: an independent check) and its
///    probabilities and expected payoffs reduced to lowest terms, on the worker's thread, in
///    the search's integers (integer_equilibrium_check.hpp). A candidate that fails would be
///    a bug in the search: std::logic_error.
///
/// Each equilibrium is found once, so nothing is kept to recognise repeats: a vertex x of the
/// outer polytope is reported at one basis only (its lexmin basis), the partners of one x are
/// distinct vertices of one face, and distinct vertices of a best-response polytope that carry
/// an equilibrium are distinct mixed strategies once normalised (each has a tight constraint
/// (A'y)_i = 1 or (B'^T x)_j = 1, so no two are multiples of each other).
///
/// Arithmetic: pivoting, the partner systems and the checks run in 128-bit integers with
/// every operation checked for overflow; a task that overflows is redone from its root in
/// unbounded integers (boost::multiprecision::cpp_int). No floating point is involved.
/// Throws std::invalid_argument when the matrices are empty or of different sizes.
[[nodiscard]] ExactEquilibria exact_extreme_equilibria(const ExactBimatrix& game,
                                                       const ReverseSearchOptions& options = {});

/// \brief The same search, reporting each equilibrium to `on_equilibrium` as soon as the tasks
/// before it are done, in the order of exact_extreme_equilibria, whatever the thread count.
///
/// `prepare`, when given, is called on the search's threads with each equilibrium as it is
/// found, before it waits for its turn, several calls at once: the consumer's work on an
/// equilibrium that needs no order (formatting it, into `prepared`) then runs on every core,
/// and `on_equilibrium` only puts the results in order. `on_equilibrium` runs under a lock,
/// one call at a time, in order.
///
/// Memory: the search keeps nothing per vertex or per equilibrium; only equilibria that tasks
/// ahead of the head found wait, at most 256 per task and 4 tasks per thread
/// (ordered_equilibrium_stream.hpp), however many there are. An exception either callback
/// throws stops the search and is rethrown here.
ReverseSearchStatistics for_each_exact_extreme_equilibrium(
    const ExactBimatrix& game, const std::function<void(const ExactExtremeEquilibrium&)>& on_equilibrium,
    const ReverseSearchOptions& options = {}, const std::function<void(ExactExtremeEquilibrium&)>& prepare = {});

/// The vertices of player `player`'s best-response polytope (P for 0, Q for 1), each as its
/// sorted set of labels (the numbering of vertex_enumeration.hpp; a vertex is the only point
/// of the polytope with its labels), the origin first, in reverse-search order: step 1 above
/// on either polytope, for tests. The polytopes are those of polytope_vertex_labels up to a
/// positive factor, so the two must give the same sets.
[[nodiscard]] std::vector<std::vector<int>> best_response_polytope_vertex_labels(
    const ExactBimatrix& game, int player, const ReverseSearchOptions& options = {});

}  // namespace parley
