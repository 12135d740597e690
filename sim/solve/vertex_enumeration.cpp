#include "parley/solve/vertex_enumeration.hpp"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"
#include "best_response_polytopes.hpp"
#include "polytope_tableau.hpp"

namespace parley {

namespace {

constexpr int kMaxLabels = 128;
using LabelSet = std::bitset<kMaxLabels>;

/// A vertex of a best-response polytope: its point, its labels, and one of its bases (the
/// basic variable of each row).
struct Vertex {
  Eigen::VectorXd point;
  LabelSet labels;
  std::vector<int> basis;
};

/// The point of `basis` solved afresh from the constraints M z + w = 1 of the polytope,
/// rather than read off a tableau that has been through many pivots: the equilibria are
/// then as accurate as one well-conditioned solve allows, however long the search path was.
Eigen::VectorXd solve_basis(const Eigen::MatrixXd& m, const std::vector<int>& basis) {
  const auto k = m.rows();
  const auto d = m.cols();
  Eigen::MatrixXd columns = Eigen::MatrixXd::Zero(k, k);
  for (Eigen::Index r = 0; r < k; ++r) {
    const int v = basis[static_cast<std::size_t>(r)];
    if (v < d) {
      columns.col(r) = m.col(v);
    } else {
      columns(v - d, r) = 1.0;
    }
  }
  const Eigen::VectorXd values = columns.partialPivLu().solve(Eigen::VectorXd::Ones(k));
  Eigen::VectorXd point = Eigen::VectorXd::Zero(d);
  for (Eigen::Index r = 0; r < k; ++r) {
    const int v = basis[static_cast<std::size_t>(r)];
    if (v < d) point(v) = std::max(0.0, values(r));  // a degenerate zero may come out as -1e-17
  }
  return point;
}

/// Depth-first search over the lexicographically feasible bases of {z >= 0 : M z <= 1}
/// (see enumerate_extreme_equilibria). `label_of` gives the label of each variable
/// (z first, then the slacks). Calls `on_vertex` once for each vertex, the origin first.
void enumerate_vertices(const Eigen::MatrixXd& m, const std::vector<int>& label_of, double tolerance,
                        const std::function<void(const Vertex&)>& on_vertex) {
  detail::PolytopeTableau root(m, tolerance);
  const int variables = root.num_variables();
  const int d = root.num_structural();

  using BasisKey = std::bitset<kMaxLabels>;
  const auto basis_of = [&](const detail::PolytopeTableau& t) {
    BasisKey key;
    for (int r = 0; r < t.num_rows(); ++r) key.set(static_cast<std::size_t>(t.basic_in_row(r)));
    return key;
  };

  std::unordered_set<LabelSet> seen_vertices;
  const auto visit = [&](const detail::PolytopeTableau& t) {
    LabelSet labels;
    for (int k = 0; k < variables; ++k) {
      if (t.row_of(k) < 0 || t.value(k) <= tolerance)
        labels.set(static_cast<std::size_t>(label_of[static_cast<std::size_t>(k)]));
    }
    if (!seen_vertices.insert(labels).second) return;  // another basis of a vertex already seen
    Vertex v{Eigen::VectorXd(d), labels, std::vector<int>(static_cast<std::size_t>(t.num_rows()))};
    for (int k = 0; k < d; ++k) v.point(k) = t.value(k);
    for (int r = 0; r < t.num_rows(); ++r) v.basis[static_cast<std::size_t>(r)] = t.basic_in_row(r);
    on_vertex(v);
  };

  std::unordered_set<BasisKey> seen_bases{basis_of(root)};
  visit(root);
  std::vector<detail::PolytopeTableau> stack;
  stack.push_back(std::move(root));
  while (!stack.empty()) {
    const detail::PolytopeTableau current = std::move(stack.back());
    stack.pop_back();
    const BasisKey basis = basis_of(current);
    for (int entering = 0; entering < variables; ++entering) {
      if (current.row_of(entering) >= 0) continue;
      const int row = current.leaving_row(entering);
      if (row < 0) continue;  // an unbounded edge; impossible for positive matrices
      BasisKey next = basis;
      next.set(static_cast<std::size_t>(entering));
      next.reset(static_cast<std::size_t>(current.basic_in_row(row)));
      if (!seen_bases.insert(next).second) continue;
      detail::PolytopeTableau neighbour = current;
      neighbour.pivot(entering, row);
      visit(neighbour);
      stack.push_back(std::move(neighbour));
    }
  }
}

void require_label_capacity(const BimatrixGame& game) {
  if (game.rows() + game.cols() > kMaxLabels) {
    throw std::invalid_argument("vertex enumeration handles games with at most " +
                                std::to_string(kMaxLabels) + " strategies in all; this one has " +
                                std::to_string(game.rows() + game.cols()));
  }
}

/// The label of each variable of P (x first, then the slacks of B'^T x <= 1) and of Q (y
/// first, then the slacks of A'y <= 1): x_i and row i of A' carry label i, y_j and column j
/// of B' label m + j.
std::vector<int> floating_polytope_labels(int m, int n, int player) {
  std::vector<int> labels(static_cast<std::size_t>(m + n));
  if (player == 0) {
    for (int k = 0; k < m + n; ++k) labels[static_cast<std::size_t>(k)] = k;
  } else {
    for (int j = 0; j < n; ++j) labels[static_cast<std::size_t>(j)] = m + j;
    for (int i = 0; i < m; ++i) labels[static_cast<std::size_t>(n + i)] = i;
  }
  return labels;
}

/// Calls on_pair(x_index, y_index, profile) for every completely labelled vertex pair found
/// in floating point: x_index numbers the distinct vertices of P that take part in an
/// equilibrium, y_index those of Q, both in order of discovery.
void enumerate_floating_vertex_pairs(const BimatrixGame& game, double tolerance,
                                     const std::function<void(int, int, const MixedProfile&)>& on_pair) {
  const int m = game.rows();
  const int n = game.cols();
  require_label_capacity(game);
  const detail::BestResponsePolytopes polytopes(game);

  // Q = {y : A'y <= 1, y >= 0}: y_j has label m + j, the slack of row i label i.
  const std::vector<int> q_labels = floating_polytope_labels(m, n, 1);
  std::vector<Vertex> q_vertices;
  enumerate_vertices(polytopes.q_matrix, q_labels, tolerance, [&](const Vertex& v) {
    if (v.point.sum() > tolerance) q_vertices.push_back(v);  // the origin pairs only with the origin
  });
  std::vector<int> y_index(q_vertices.size(), -1);
  std::vector<Eigen::VectorXd> q_points(q_vertices.size());  // normalised, once matched
  int next_y_index = 0;

  // A vertex of Q has at least n labels, exactly n when it is nondegenerate. When all of
  // them are, x's partner must carry exactly the labels x lacks, and a hash lookup finds it;
  // otherwise (a degenerate game) every vertex of Q is tried.
  const std::size_t all_labels = static_cast<std::size_t>(m + n);
  const bool q_simple = std::all_of(q_vertices.begin(), q_vertices.end(), [&](const Vertex& v) {
    return v.labels.count() == static_cast<std::size_t>(n);
  });
  std::unordered_map<LabelSet, std::size_t> q_by_labels;
  if (q_simple) {
    for (std::size_t k = 0; k < q_vertices.size(); ++k) q_by_labels.emplace(q_vertices[k].labels, k);
  }
  LabelSet every_label;
  for (std::size_t l = 0; l < all_labels; ++l) every_label.set(l);

  // P = {x : x >= 0, B'^T x <= 1}: x_i has label i, the slack of column j label m + j.
  const std::vector<int> p_labels = floating_polytope_labels(m, n, 0);
  int next_x_index = 0;
  enumerate_vertices(polytopes.p_matrix, p_labels, tolerance, [&](const Vertex& xv) {
    if (xv.point.sum() <= tolerance) return;  // the origin pairs only with the origin
    int x_index = -1;
    Eigen::VectorXd x;
    const auto report = [&](std::size_t k) {
      if (x_index < 0) {
        x_index = next_x_index++;
        x = solve_basis(polytopes.p_matrix, xv.basis);
        x /= x.sum();
      }
      if (y_index[k] < 0) {
        y_index[k] = next_y_index++;
        q_points[k] = solve_basis(polytopes.q_matrix, q_vertices[k].basis);
        q_points[k] /= q_points[k].sum();
      }
      on_pair(x_index, y_index[k], MixedProfile{x, q_points[k]});
    };
    // x's partners carry at least the labels x lacks; when x is a simple vertex (m labels)
    // and every vertex of Q is simple too, they carry exactly those.
    if (q_simple && xv.labels.count() == static_cast<std::size_t>(m)) {
      const auto it = q_by_labels.find(every_label & ~xv.labels);
      if (it != q_by_labels.end()) report(it->second);
      return;
    }
    for (std::size_t k = 0; k < q_vertices.size(); ++k) {
      if ((xv.labels | q_vertices[k].labels).count() == all_labels) report(k);
    }
  });
}

/// Calls on_pair(x_index, y_index, profile) for every extreme equilibrium, numbering the
/// distinct strategies of each player in order of discovery: exactly (reverse search) when
/// the payoffs are integers, in floating point otherwise (see enumerate_extreme_equilibria).
void enumerate_vertex_pairs(const BimatrixGame& game, double tolerance,
                            const std::function<void(int, int, const MixedProfile&)>& on_pair) {
  require_label_capacity(game);  // either path: the documented limit
  const std::optional<ExactBimatrix> exact = exact_integer_payoffs(game);
  if (!exact) {
    enumerate_floating_vertex_pairs(game, tolerance, on_pair);
    return;
  }
  std::map<std::vector<Rational>, int> x_index;
  std::map<std::vector<Rational>, int> y_index;
  for (const RationalProfile& profile : exact_extreme_equilibria(*exact).equilibria) {
    const int xi = x_index.emplace(profile.x, static_cast<int>(x_index.size())).first->second;
    const int yi = y_index.emplace(profile.y, static_cast<int>(y_index.size())).first->second;
    on_pair(xi, yi, to_mixed_profile(profile));
  }
}

}  // namespace

void enumerate_extreme_equilibria(const BimatrixGame& game, const EquilibriumCallback& on_equilibrium,
                                  double tolerance) {
  enumerate_vertex_pairs(game, tolerance,
                         [&](int, int, const MixedProfile& profile) { on_equilibrium(profile); });
}

std::vector<MixedProfile> floating_point_extreme_equilibria(const BimatrixGame& game, double tolerance) {
  std::vector<MixedProfile> equilibria;
  enumerate_floating_vertex_pairs(game, tolerance,
                                  [&](int, int, const MixedProfile& p) { equilibria.push_back(p); });
  return equilibria;
}

std::vector<std::vector<int>> polytope_vertex_labels(const BimatrixGame& game, int player, double tolerance) {
  if (player != 0 && player != 1) throw std::invalid_argument("a bimatrix game's players are 0 and 1");
  require_label_capacity(game);
  const detail::BestResponsePolytopes polytopes(game);
  std::vector<std::vector<int>> vertices;
  enumerate_vertices(player == 0 ? polytopes.p_matrix : polytopes.q_matrix,
                     floating_polytope_labels(game.rows(), game.cols(), player), tolerance, [&](const Vertex& v) {
                       std::vector<int> labels;
                       for (std::size_t l = 0; l < kMaxLabels; ++l) {
                         if (v.labels.test(l)) labels.push_back(static_cast<int>(l));
                       }
                       vertices.push_back(std::move(labels));
                     });
  return vertices;
}

std::vector<MixedProfile> extreme_equilibria(const BimatrixGame& game, double tolerance) {
  std::vector<MixedProfile> equilibria;
  enumerate_extreme_equilibria(
      game, [&](const MixedProfile& p) { equilibria.push_back(p); }, tolerance);
  return equilibria;
}

namespace {

/// The maximal bicliques of the bipartite graph with `neighbours[x]` the sorted y's adjacent
/// to x (y numbered 0..y_count-1), each as (x side, y side), sorted: the closed sets of the
/// neighbourhood Galois connection (see maximal_nash_subsets). A biclique lies within one
/// connected component, so the closure runs per component: a game with thousands of isolated
/// equilibria costs a pass over them, not a closure over all at once.
std::vector<std::pair<std::vector<int>, std::vector<int>>> maximal_bicliques(
    const std::vector<std::vector<int>>& neighbours, std::size_t y_count) {
  // Connected components: union-find over x's and y's (y k is node x_count + k).
  const std::size_t x_count = neighbours.size();
  std::vector<std::size_t> parent(x_count + y_count);
  for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = k;
  const auto root = [&](std::size_t k) {
    while (parent[k] != k) k = parent[k] = parent[parent[k]];
    return k;
  };
  for (std::size_t i = 0; i < x_count; ++i) {
    for (const int k : neighbours[i]) parent[root(i)] = root(x_count + static_cast<std::size_t>(k));
  }
  std::map<std::size_t, std::vector<std::size_t>> components;  // root -> its x's, in order
  for (std::size_t i = 0; i < x_count; ++i) {
    if (!neighbours[i].empty()) components[root(i)].push_back(i);
  }

  std::vector<std::pair<std::vector<int>, std::vector<int>>> bicliques;
  for (const auto& [component_root, xs] : components) {
    // Closure of the neighbourhoods under intersection: the intents of the Galois connection.
    std::set<std::vector<int>> intents;
    for (const std::size_t i : xs) {
      const std::vector<int>& hood = neighbours[i];
      std::vector<std::vector<int>> added{hood};
      for (const auto& intent : intents) {
        std::vector<int> meet;
        std::set_intersection(intent.begin(), intent.end(), hood.begin(), hood.end(), std::back_inserter(meet));
        if (!meet.empty()) added.push_back(std::move(meet));
      }
      intents.insert(added.begin(), added.end());
    }
    for (const auto& y_side : intents) {
      std::vector<int> x_side;
      for (const std::size_t i : xs) {
        if (std::includes(neighbours[i].begin(), neighbours[i].end(), y_side.begin(), y_side.end())) {
          x_side.push_back(static_cast<int>(i));
        }
      }
      bicliques.emplace_back(std::move(x_side), y_side);
    }
  }
  std::sort(bicliques.begin(), bicliques.end());
  return bicliques;
}

/// Sorts each list and removes repeats.
void sort_unique_rows(std::vector<std::vector<int>>& rows) {
  for (auto& row : rows) {
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
  }
}

}  // namespace

std::vector<NashSubset> maximal_nash_subsets(const BimatrixGame& game, double tolerance) {
  std::vector<Eigen::VectorXd> xs;
  std::vector<Eigen::VectorXd> ys;
  std::vector<std::vector<int>> neighbours;  // neighbours[x_index]: its y indices
  enumerate_vertex_pairs(game, tolerance, [&](int xi, int yi, const MixedProfile& profile) {
    if (xi == static_cast<int>(xs.size())) xs.push_back(profile.x);
    if (yi == static_cast<int>(ys.size())) ys.push_back(profile.y);
    neighbours.resize(xs.size());
    neighbours[static_cast<std::size_t>(xi)].push_back(yi);
  });
  sort_unique_rows(neighbours);

  std::vector<NashSubset> subsets;
  for (const auto& [x_side, y_side] : maximal_bicliques(neighbours, ys.size())) {
    NashSubset subset;
    for (const int i : x_side) subset.x.push_back(xs[static_cast<std::size_t>(i)]);
    for (const int k : y_side) subset.y.push_back(ys[static_cast<std::size_t>(k)]);
    subsets.push_back(std::move(subset));
  }
  return subsets;
}

std::vector<std::vector<int>> nash_subset_members(const std::vector<MixedProfile>& extreme, double tolerance) {
  // Strategies are told apart by their probabilities on a grid of `tolerance` (a map, not a
  // pairwise scan: games with thousands of equilibria). Exact equilibria rounded to doubles
  // are bitwise equal when equal, so the grid only matters for floating-point ones.
  const auto key_of = [tolerance](const Eigen::VectorXd& v) {
    std::vector<long long> key(static_cast<std::size_t>(v.size()));
    for (Eigen::Index k = 0; k < v.size(); ++k) key[static_cast<std::size_t>(k)] = std::llround(v(k) / tolerance);
    return key;
  };
  std::map<std::vector<long long>, int> x_index;
  std::map<std::vector<long long>, int> y_index;
  std::vector<std::pair<int, int>> edges;
  for (const MixedProfile& profile : extreme) {
    const int xi = x_index.emplace(key_of(profile.x), static_cast<int>(x_index.size())).first->second;
    const int yi = y_index.emplace(key_of(profile.y), static_cast<int>(y_index.size())).first->second;
    edges.emplace_back(xi, yi);
  }
  return nash_subset_members_of_edges(edges);
}

std::vector<std::vector<int>> nash_subset_members_of_edges(const std::vector<std::pair<int, int>>& edges) {
  int x_count = 0;
  int y_count = 0;
  for (const auto& [xi, yi] : edges) {
    x_count = std::max(x_count, xi + 1);
    y_count = std::max(y_count, yi + 1);
  }
  // Connected components (union-find over x's and y's, y k is node x_count + k). A component
  // with one edge is one isolated equilibrium, a maximal Nash subset of its own: in a
  // nondegenerate game every equilibrium is, and they need no neighbourhoods (thousands of
  // equilibria would cost kilobytes each).
  std::vector<int> parent(static_cast<std::size_t>(x_count + y_count));
  for (std::size_t k = 0; k < parent.size(); ++k) parent[k] = static_cast<int>(k);
  const auto root = [&](int k) {
    while (parent[static_cast<std::size_t>(k)] != k) {
      k = parent[static_cast<std::size_t>(k)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(k)])];
    }
    return k;
  };
  for (const auto& [xi, yi] : edges) parent[static_cast<std::size_t>(root(xi))] = root(x_count + yi);
  std::vector<int> edges_in(parent.size(), 0);  // edges per component, at its root
  for (const auto& edge : edges) ++edges_in[static_cast<std::size_t>(root(edge.first))];

  std::vector<std::vector<int>> members;
  // The other components: their x's and y's renumbered densely, their bicliques.
  std::vector<int> local_x(static_cast<std::size_t>(x_count), -1);
  std::vector<int> local_y(static_cast<std::size_t>(y_count), -1);
  std::vector<std::vector<int>> neighbours;
  std::vector<std::vector<int>> edges_at;  // edge indices at each local x
  int local_y_count = 0;
  for (std::size_t e = 0; e < edges.size(); ++e) {
    const auto [xi, yi] = edges[e];
    if (edges_in[static_cast<std::size_t>(root(xi))] == 1) {
      members.push_back({static_cast<int>(e)});
      continue;
    }
    int& lx = local_x[static_cast<std::size_t>(xi)];
    int& ly = local_y[static_cast<std::size_t>(yi)];
    if (lx < 0) {
      lx = static_cast<int>(neighbours.size());
      neighbours.emplace_back();
      edges_at.emplace_back();
    }
    if (ly < 0) ly = local_y_count++;
    neighbours[static_cast<std::size_t>(lx)].push_back(ly);
    edges_at[static_cast<std::size_t>(lx)].push_back(static_cast<int>(e));
  }
  sort_unique_rows(neighbours);
  for (const auto& [x_side, y_side] : maximal_bicliques(neighbours, static_cast<std::size_t>(local_y_count))) {
    std::vector<int> subset;
    for (const int i : x_side) {
      for (const int e : edges_at[static_cast<std::size_t>(i)]) {
        const int y = local_y[static_cast<std::size_t>(edges[static_cast<std::size_t>(e)].second)];
        if (std::binary_search(y_side.begin(), y_side.end(), y)) subset.push_back(e);
      }
    }
    std::sort(subset.begin(), subset.end());
    members.push_back(std::move(subset));
  }
  std::sort(members.begin(), members.end());
  return members;
}

}  // namespace parley
