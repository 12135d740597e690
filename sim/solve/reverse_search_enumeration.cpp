#include "parley/solve/reverse_search_enumeration.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#include "checked_integer.hpp"
#include "common_denominator.hpp"
#include "integer_dictionary.hpp"
#include "parley/engine/ordered_reduction.hpp"
#include "face_vertex_search.hpp"
#include "integer_equilibrium_check.hpp"
#include "ordered_equilibrium_stream.hpp"

namespace parley {

namespace {

using detail::BigInteger;
using detail::CheckedInt128;
using detail::IntegerDictionary;

/// The reverse-search tree is cut at the first depth with at least this many nodes, so that
/// two threads (or a few more) share the subtrees evenly.
constexpr std::size_t kReverseSearchMinTasks = 64;
/// Deepest cut tried (a tree this deep and this narrow is small).
constexpr int kReverseSearchMaxCutDepth = 32;
/// Games of at most this many strategy pairs m n (20 x 20) whose trees are small run on one
/// thread (plan_reverse_search).
constexpr int kSmallGamePayoffPairs = 400;

/// \brief The integer best-response polytopes of a game, oriented so that the outer one is
/// P = {x in R^m : x >= 0, B'^T x <= 1} (reverse_search_enumeration.hpp).
struct IntegerPolytopePair {
  int m = 0;                            ///< outer dimension (x)
  int n = 0;                            ///< inner dimension (y)
  std::vector<BigInteger> outer;        ///< B'^T, n x m, row-major
  std::vector<BigInteger> inner;        ///< A', m x n, row-major
  bool transposed = false;              ///< the outer player is the game's player 2
};

/// The player's payoffs times their common denominator, with each group (`by_column`: each
/// column, else each row) shifted to minimum s = the largest difference within a group (1
/// when there is none). That is s (1 + a) for the normalised payoffs a of normalized_payoffs,
/// so the polytope is the floating-point path's scaled by 1 / s: the same vertices and labels.
std::vector<BigInteger> shifted_integer_payoffs(const std::vector<Rational>& payoffs, int rows, int cols,
                                                bool by_column) {
  std::vector<BigInteger> integer = detail::over_common_denominator(payoffs).numerators;
  const int groups = by_column ? cols : rows;
  const int length = by_column ? rows : cols;
  const auto index = [&](int g, int e) {
    return static_cast<std::size_t>(by_column ? e * cols + g : g * cols + e);
  };
  std::vector<BigInteger> minimum(static_cast<std::size_t>(groups));
  BigInteger largest_difference = 0;
  for (int g = 0; g < groups; ++g) {
    BigInteger low = integer[index(g, 0)];
    BigInteger high = low;
    for (int e = 1; e < length; ++e) {
      low = std::min(low, integer[index(g, e)]);
      high = std::max(high, integer[index(g, e)]);
    }
    minimum[static_cast<std::size_t>(g)] = low;
    largest_difference = std::max(largest_difference, BigInteger(high - low));
  }
  if (largest_difference == 0) largest_difference = 1;
  for (int g = 0; g < groups; ++g) {
    for (int e = 0; e < length; ++e) {
      integer[index(g, e)] += largest_difference - minimum[static_cast<std::size_t>(g)];
    }
  }
  return integer;
}

/// The polytopes of `game`, with P outer when `p_outer`, else Q (as the P of the transposed
/// game, whose players are swapped).
IntegerPolytopePair integer_polytopes(const ExactBimatrix& game, bool p_outer) {
  if (game.rows <= 0 || game.cols <= 0 || game.a.size() != static_cast<std::size_t>(game.rows * game.cols) ||
      game.b.size() != game.a.size()) {
    throw std::invalid_argument("exact vertex enumeration needs two nonempty payoff matrices of one size");
  }
  const int m = game.rows;
  const int n = game.cols;
  const std::vector<BigInteger> a = shifted_integer_payoffs(game.a, m, n, true);   // A', m x n
  const std::vector<BigInteger> b = shifted_integer_payoffs(game.b, m, n, false);  // B', m x n
  // B'^T, n x m: the constraint matrix of P = {x >= 0 : B'^T x <= 1}.
  std::vector<BigInteger> b_transposed(b.size());
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) b_transposed[static_cast<std::size_t>(j * m + i)] = b[static_cast<std::size_t>(i * n + j)];
  }
  IntegerPolytopePair pair;
  pair.transposed = !p_outer;
  // The transposed game (B^T, A^T) has P = {y >= 0 : A' y <= 1} and, as its own A', B'^T.
  pair.m = p_outer ? m : n;
  pair.n = p_outer ? n : m;
  pair.outer = p_outer ? std::move(b_transposed) : a;
  pair.inner = p_outer ? a : std::move(b_transposed);
  return pair;
}

template <class Int>
std::vector<Int> to_integers(const std::vector<BigInteger>& values) {
  std::vector<Int> converted;
  converted.reserve(values.size());
  for (const BigInteger& v : values) converted.push_back(detail::from_big_integer<Int>(v));
  return converted;
}

/// Walks the reverse-search tree below the current basis of `dict` depth-first, with no
/// record of the bases seen (Avis & Fukuda 1992): `on_basis(dict, depth, entering)` is called
/// at every basis, the start first (depth 0, entering -1), with the variable whose entering
/// reached it, and returns whether to visit the basis's children. The dictionary ends at the
/// start basis again.
template <class Int, class OnBasis>
void walk_reverse_search_tree(IntegerDictionary<Int>& dict, OnBasis&& on_basis) {
  const IntegerDictionary<Int>& view = dict;
  bool descend = on_basis(view, 0, -1);
  int depth = 0;
  int next = 0;  // the next entering variable to try at the current basis
  for (;;) {
    int entering = -1;
    int row = -1;
    if (descend) {
      for (int v = next; v < dict.variables(); ++v) {
        if (!dict.is_basic(v) && dict.is_child_direction(v, row)) {
          entering = v;
          break;
        }
      }
    }
    if (entering >= 0) {
      dict.pivot(dict.column_of(entering), row);
      ++depth;
      next = 0;
      descend = on_basis(view, depth, entering);
      continue;
    }
    if (depth == 0) return;
    next = dict.pivot_to_parent() + 1;
    --depth;
    descend = true;
  }
}

/// A piece of the reverse-search tree: the node reached from the root by letting the
/// variables of `path` enter in turn, alone or with its whole subtree.
struct ReverseSearchTask {
  std::vector<int> path;
  bool subtree = false;
};

/// The tasks of the tree in depth-first order: the nodes above the cut depth alone, the
/// subtrees at it whole (see exact_extreme_equilibria). Depends on the polytope only.
template <class Int>
std::vector<ReverseSearchTask> cut_reverse_search_tree(const IntegerDictionary<Int>& root) {
  std::vector<ReverseSearchTask> tasks;
  for (int cut = 1; cut <= kReverseSearchMaxCutDepth; ++cut) {
    tasks.clear();
    std::vector<int> path;
    std::size_t at_cut = 0;
    IntegerDictionary<Int> dict = root;
    walk_reverse_search_tree(dict, [&](const IntegerDictionary<Int>&, int depth, int entering) {
      if (depth > 0) {
        path.resize(static_cast<std::size_t>(depth - 1));
        path.push_back(entering);
      }
      tasks.push_back({path, depth == cut});
      if (depth == cut) ++at_cut;
      return depth < cut;
    });
    if (at_cut >= kReverseSearchMinTasks || at_cut == 0) break;
  }
  return tasks;
}

/// Runs `task` from a copy of `root`: calls `on_vertex(dict)` at each basis that reports a
/// vertex (the lexmin basis of its vertex) and counts the bases in `bases`.
template <class Int, class OnVertex>
void run_reverse_search_task(const IntegerDictionary<Int>& root, const ReverseSearchTask& task,
                             std::int64_t& bases, OnVertex&& on_vertex) {
  IntegerDictionary<Int> dict = root;
  for (const int v : task.path) {
    const int c = dict.column_of(v);
    dict.pivot(c, dict.leaving_row(c));
  }
  const auto visit = [&](const IntegerDictionary<Int>& d, int, int) {
    ++bases;
    if (d.is_lexmin_basis()) on_vertex(d);
    return true;  // walked only for a whole subtree; a lone node's answer is not asked
  };
  if (task.subtree) {
    walk_reverse_search_tree(dict, visit);
  } else {
    visit(dict, 0, -1);
  }
}

/// Calls `work.template operator()<CheckedInt128>()` and, if it overflows, redoes it as
/// `work.template operator()<BigInteger>()`; returns the arithmetic that succeeded.
template <class Work>
PivotArithmetic with_integer_fallback(bool big_only, Work&& work) {
  if (!big_only) {
    try {
      work.template operator()<CheckedInt128>();
      return PivotArithmetic::int128;
    } catch (const detail::IntegerOverflow&) {
      // redone below in unbounded integers
    }
  }
  work.template operator()<BigInteger>();
  return PivotArithmetic::big_integer;
}

/// The point of the outer polytope at the current basis: D x_i for each i (x_i = z_i is
/// variable k + i), and its sum.
template <class Int>
std::vector<Int> scaled_outer_point(const IntegerDictionary<Int>& dict) {
  const int k = dict.rows();
  std::vector<Int> x(static_cast<std::size_t>(dict.columns()), Int(0));
  for (int i = 0; i < dict.columns(); ++i) {
    if (dict.is_basic(k + i)) x[static_cast<std::size_t>(i)] = dict.scaled_value(dict.row_of(k + i));
  }
  return x;
}

/// True when constraint j of the outer polytope (slack variable j) is tight at the basis.
template <class Int>
bool is_tight_constraint(const IntegerDictionary<Int>& dict, int j) {
  return !dict.is_basic(j) || dict.scaled_value(dict.row_of(j)) == Int(0);
}

/// The unique solution of A'_{S,T} y_T = 1 as integers (numerators over a positive common
/// determinant, the last entry), by fraction-free Gauss-Jordan elimination (Bareiss 1968);
/// empty when the square system is singular.
template <class Int>
std::vector<Int> solve_square_partner_system(const std::vector<Int>& inner, int n, const std::vector<int>& rows,
                                             const std::vector<int>& cols) {
  const std::size_t s = rows.size();
  const std::size_t width = s + 1;
  std::vector<Int> a(s * width);
  for (std::size_t r = 0; r < s; ++r) {
    for (std::size_t c = 0; c < s; ++c) {
      a[r * width + c] = inner[static_cast<std::size_t>(rows[r] * n + cols[c])];
    }
    a[r * width + s] = Int(1);
  }
  Int previous(1);
  for (std::size_t c = 0; c < s; ++c) {
    std::size_t pivot = c;
    while (pivot < s && a[pivot * width + c] == Int(0)) ++pivot;
    if (pivot == s) return {};
    if (pivot != c) {
      for (std::size_t k = 0; k < width; ++k) std::swap(a[pivot * width + k], a[c * width + k]);
    }
    const Int p = a[c * width + c];
    for (std::size_t r = 0; r < s; ++r) {
      if (r == c) continue;
      const Int factor = a[r * width + c];
      for (std::size_t k = 0; k < width; ++k) {
        if (k != c) a[r * width + k] = (a[r * width + k] * p - factor * a[c * width + k]) / previous;
      }
      a[r * width + c] = Int(0);
    }
    previous = p;
  }
  // Every diagonal entry is now the determinant (up to the sign of the row swaps).
  std::vector<Int> solution(s + 1);
  const bool negative = previous < Int(0);
  for (std::size_t r = 0; r < s; ++r) solution[r] = negative ? -a[r * width + s] : a[r * width + s];
  solution[s] = negative ? -previous : previous;
  return solution;
}

/// The vertices of the face {y >= 0 : A'y <= 1, (A'y)_i = 1 for i in `tight_rows`, y_j = 0
/// for j outside `free_cols`} of the inner polytope (A' m x n, row-major), exactly, as integer
/// weights on the coordinates `free_cols` (face_vertex_search.hpp: memory of this one face only).
template <class Int>
std::vector<std::vector<Int>> inner_face_vertices(const std::vector<Int>& inner, int m, int n,
                                                  const std::vector<int>& tight_rows, const std::vector<int>& free_cols) {
  std::vector<std::vector<Int>> equalities;
  std::vector<std::vector<Int>> inequalities;
  for (int i = 0; i < m; ++i) {
    std::vector<Int> row;
    row.reserve(free_cols.size());
    for (const int j : free_cols) row.push_back(inner[static_cast<std::size_t>(i * n + j)]);
    const bool tight = std::binary_search(tight_rows.begin(), tight_rows.end(), i);
    (tight ? equalities : inequalities).push_back(std::move(row));
  }
  return detail::face_vertex_weights(equalities, inequalities, free_cols.size());
}

/// \brief The equilibria of one vertex x of the outer polytope: its partners in the inner
/// polytope (step 2 of exact_extreme_equilibria), each verified (step 4).
template <class Int>
class PartnerSearch {
 public:
  PartnerSearch(const IntegerPolytopePair& pair, const ExactBimatrix& game)
      : pair_(pair), inner_(to_integers<Int>(pair.inner)), check_(game) {}

  /// Appends to `out` the equilibria (x, y) with x the vertex at the basis of `dict`, x != 0,
  /// numbered `vertex`.
  void append_equilibria(const IntegerDictionary<Int>& dict, std::int64_t vertex,
                         std::vector<ExactExtremeEquilibrium>& out) const {
    const int m = pair_.m;
    const int n = pair_.n;
    const std::vector<Int> x = scaled_outer_point(dict);
    std::vector<int> support;  // rows of A' that must be tight: x_i > 0
    for (int i = 0; i < m; ++i) {
      if (x[static_cast<std::size_t>(i)] > Int(0)) support.push_back(i);
    }
    if (support.empty()) return;  // the origin pairs only with the origin
    std::vector<int> tight;  // coordinates of y that may be nonzero: constraint j of P tight
    for (int j = 0; j < n; ++j) {
      if (is_tight_constraint(dict, j)) tight.push_back(j);
    }
    if (tight.size() == support.size()) {
      const std::vector<Int> solution = solve_square_partner_system(inner_, n, support, tight);
      if (!solution.empty()) {
        append_if_feasible(x, support, tight, solution, vertex, out);
        return;
      }
    }
    for (const auto& face_vertex : inner_face_vertices(inner_, m, n, support, tight)) {
      std::vector<Int> y(static_cast<std::size_t>(n), Int(0));
      for (std::size_t c = 0; c < tight.size(); ++c) y[static_cast<std::size_t>(tight[c])] = face_vertex[c];
      push(x, y, vertex, out);
    }
  }

 private:
  void append_if_feasible(const std::vector<Int>& x, const std::vector<int>& support, const std::vector<int>& tight,
                          const std::vector<Int>& solution, std::int64_t vertex,
                          std::vector<ExactExtremeEquilibrium>& out) const {
    const int n = pair_.n;
    const std::size_t s = tight.size();
    const Int& det = solution[s];
    for (std::size_t c = 0; c < s; ++c) {
      if (solution[c] < Int(0)) return;
    }
    for (int i = 0; i < pair_.m; ++i) {
      if (std::binary_search(support.begin(), support.end(), i)) continue;
      Int lhs(0);
      for (std::size_t c = 0; c < s; ++c) {
        lhs += inner_[static_cast<std::size_t>(i * n + tight[c])] * solution[c];
      }
      if (lhs > det) return;
    }
    std::vector<Int> y(static_cast<std::size_t>(n), Int(0));
    for (std::size_t c = 0; c < s; ++c) y[static_cast<std::size_t>(tight[c])] = solution[c];
    push(x, y, vertex, out);
  }

  /// Verifies the pair of outer weights `outer` and inner weights `inner` on the game and
  /// appends it with its exact values.
  void push(const std::vector<Int>& outer, const std::vector<Int>& inner, std::int64_t vertex,
            std::vector<ExactExtremeEquilibrium>& out) const {
    ExactExtremeEquilibrium& e = out.emplace_back();
    e.outer_vertex = vertex;
    e.outer_player = pair_.transposed ? 1 : 0;
    const std::vector<Int>& x = pair_.transposed ? inner : outer;
    const std::vector<Int>& y = pair_.transposed ? outer : inner;
    if (!check_.evaluate(x, y, e)) {
      throw std::logic_error("exact reverse search: a vertex pair that is no Nash equilibrium (a bug)");
    }
  }

  const IntegerPolytopePair& pair_;
  std::vector<Int> inner_;
  detail::IntegerEquilibriumCheck<Int> check_;
};

/// The vertices one task (or all, merged) found, as label sets: the accumulator of
/// reduce_blocks_in_order for best_response_polytope_vertex_labels.
struct VertexLabelYield {
  std::vector<std::vector<int>> vertices;

  void clear() { vertices.clear(); }
  void merge(const VertexLabelYield& other) { vertices.insert(vertices.end(), other.vertices.begin(), other.vertices.end()); }
};

/// The tasks of the reverse-search tree of the outer polytope of `pair` (the cut depends on
/// the polytope only), and the threads to run them on.
struct ReverseSearchPlan {
  std::vector<ReverseSearchTask> tasks;
  int threads = 1;
};

ReverseSearchPlan plan_reverse_search(const IntegerPolytopePair& pair, const ReverseSearchOptions& options) {
  ReverseSearchPlan plan;
  with_integer_fallback(options.big_integers_only, [&]<class Int>() {
    plan.tasks = cut_reverse_search_tree(IntegerDictionary<Int>(pair.n, pair.m, to_integers<Int>(pair.outer)));
  });
  // A small game whose tree the cut walked whole in fewer nodes than the cut aims for (every
  // task a lone node: Gambit's games in tests/data, the all-zero 12x12 game) is searched on
  // this thread alone: a second thread costs its start, its own malloc arena and the join
  // (about 1 ms of wall clock on the all-zero 12x12 game, a quarter of its run), more than
  // such a search. Larger games with small trees (the all-zero 30x30 game: 31 nodes, each
  // with a face of 30 vertices) keep both threads for their partner faces and their text.
  const bool small_tree =
      pair.m * pair.n <= kSmallGamePayoffPairs && plan.tasks.size() < kReverseSearchMinTasks &&
      std::none_of(plan.tasks.begin(), plan.tasks.end(), [](const ReverseSearchTask& t) { return t.subtree; });
  plan.threads = small_tree ? 1 : worker_count(options.threads, static_cast<std::int64_t>(plan.tasks.size()));
  return plan;
}

/// The labels of the vertex at the basis of `dict` in the game's numbering
/// (vertex_enumeration.hpp): x_i = 0 is label i and constraint j of P label m + j; in Q,
/// y_j = 0 is m + j and row i is i.
template <class Int>
std::vector<int> vertex_labels(const IntegerPolytopePair& pair, const IntegerDictionary<Int>& dict) {
  const int k = dict.rows();
  std::vector<int> labels;
  for (int i = 0; i < dict.columns(); ++i) {
    if (!dict.is_basic(k + i) || dict.scaled_value(dict.row_of(k + i)) == Int(0))
      labels.push_back(pair.transposed ? pair.n + i : i);
  }
  for (int j = 0; j < k; ++j) {
    if (is_tight_constraint(dict, j)) labels.push_back(pair.transposed ? j : pair.m + j);
  }
  std::sort(labels.begin(), labels.end());
  return labels;
}

/// Step 1 alone on the outer polytope of `pair`: its vertices' label sets, in order.
std::vector<std::vector<int>> search_vertex_labels(const IntegerPolytopePair& pair, const ReverseSearchOptions& options) {
  const ReverseSearchPlan plan = plan_reverse_search(pair, options);
  const auto blocks = static_cast<std::int64_t>(plan.tasks.size());
  const auto make_worker = [&] {
    return [&](std::int64_t block, VertexLabelYield& slot) {
      with_integer_fallback(options.big_integers_only, [&]<class Int>() {
        slot.clear();
        const IntegerDictionary<Int> root(pair.n, pair.m, to_integers<Int>(pair.outer));
        std::int64_t bases = 0;
        run_reverse_search_task(root, plan.tasks[static_cast<std::size_t>(block)], bases,
                                [&](const IntegerDictionary<Int>& dict) { slot.vertices.push_back(vertex_labels(pair, dict)); });
      });
    };
  };
  return reduce_blocks_in_order(blocks, plan.threads, VertexLabelYield{}, make_worker,
                                [](const VertexLabelYield&) {})
      .vertices;
}

/// \brief What every task of one search shares in the arithmetic Int, built once (for a game
/// with a few nodes per task, building it per task was most of the time): the dictionary at
/// the root, which each task copies, and the partner search, read only.
template <class Int>
struct SharedSearch {
  SharedSearch(const IntegerPolytopePair& pair, const ExactBimatrix& game)
      : root(pair.n, pair.m, to_integers<Int>(pair.outer)), partners(pair, game) {}
  IntegerDictionary<Int> root;
  PartnerSearch<Int> partners;
};

/// Steps 1 to 4 on the outer polytope of `pair`: each equilibrium to `sink`, in order.
ReverseSearchStatistics search_equilibria(const IntegerPolytopePair& pair, const ExactBimatrix& game,
                                          const ReverseSearchOptions& options,
                                          const std::function<void(const ExactExtremeEquilibrium&)>& sink,
                                          const std::function<void(ExactExtremeEquilibrium&)>& prepare) {
  const ReverseSearchPlan plan = plan_reverse_search(pair, options);
  // The 128-bit setup now (none if the game's numbers overflow it: every task then runs in
  // unbounded integers); the unbounded one when a task first needs it.
  std::optional<SharedSearch<CheckedInt128>> narrow;
  if (!options.big_integers_only) {
    try {
      narrow.emplace(pair, game);
    } catch (const detail::IntegerOverflow&) {
      // left empty
    }
  }
  std::once_flag wide_once;
  std::optional<SharedSearch<BigInteger>> wide;
  const auto shared = [&]<class Int>() -> const SharedSearch<Int>& {
    if constexpr (std::is_same_v<Int, CheckedInt128>) {
      if (!narrow) throw detail::IntegerOverflow();
      return *narrow;
    } else {
      std::call_once(wide_once, [&] { wide.emplace(pair, game); });
      return *wide;
    }
  };
  detail::OrderedEquilibriumStream stream(plan.tasks.size(), sink);
  stream.run(plan.threads, [&](std::size_t t) {
    std::int64_t vertices = 0;
    std::int64_t bases = 0;
    // In 128-bit integers or, if they overflow, again in unbounded ones.
    const PivotArithmetic used = with_integer_fallback(options.big_integers_only, [&]<class Int>() {
      stream.restart(t);
      vertices = 0;
      bases = 0;
      const SharedSearch<Int>& setup = shared.template operator()<Int>();
      std::vector<ExactExtremeEquilibrium> found;
      run_reverse_search_task(setup.root, plan.tasks[t], bases, [&](const IntegerDictionary<Int>& dict) {
        ++vertices;
        found.clear();
        setup.partners.append_equilibria(dict, vertices, found);
        for (ExactExtremeEquilibrium& e : found) {
          if (prepare) prepare(e);
          stream.emit(t, std::move(e));
        }
      });
    });
    stream.finish(t, vertices, bases, used == PivotArithmetic::big_integer);
  });
  ReverseSearchStatistics statistics = stream.statistics();
  statistics.outer_is_player2 = pair.transposed;
  return statistics;
}

}  // namespace

ReverseSearchStatistics for_each_exact_extreme_equilibrium(
    const ExactBimatrix& game, const std::function<void(const ExactExtremeEquilibrium&)>& on_equilibrium,
    const ReverseSearchOptions& options, const std::function<void(ExactExtremeEquilibrium&)>& prepare) {
  // The outer polytope is the one of smaller dimension: it has fewer vertices (as in lrsnash).
  const IntegerPolytopePair pair = integer_polytopes(game, game.rows <= game.cols);
  return search_equilibria(pair, game, options, on_equilibrium, prepare);
}

ExactEquilibria exact_extreme_equilibria(const ExactBimatrix& game, const ReverseSearchOptions& options) {
  ExactEquilibria result;
  const auto to_rationals = [](const std::vector<ExactFraction>& fractions) {
    std::vector<Rational> values;
    values.reserve(fractions.size());
    for (const ExactFraction& f : fractions) values.push_back(f.rational());
    return values;
  };
  static_cast<ReverseSearchStatistics&>(result) = for_each_exact_extreme_equilibrium(
      game,
      [&](const ExactExtremeEquilibrium& e) { result.equilibria.push_back({to_rationals(e.x), to_rationals(e.y)}); },
      options);
  return result;
}

std::vector<std::vector<int>> best_response_polytope_vertex_labels(const ExactBimatrix& game, int player,
                                                                   const ReverseSearchOptions& options) {
  if (player != 0 && player != 1) throw std::invalid_argument("a bimatrix game's players are 0 and 1");
  return search_vertex_labels(integer_polytopes(game, player == 0), options);
}

}  // namespace parley
