#pragma once
/// \file pareto_frontier.hpp
/// The exact Pareto frontier of two parties' utilities over every agreement the issue space
/// allows (DESIGN 1.8), as a monotone polyline with gaps, each point carrying its package.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "parley/agreement/package_table.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief Which agreements of one issue a frontier ranges over (FrontierOptions::restriction).
///
/// Together, one per issue, they define a class of agreements X' = X'_1 x ... x X'_K, the
/// product of each issue's allowed set, a subset of the agreement space X:
/// - ordinal issue k: X'_k = { l : levels[l] != 0 } (every level when `levels` is empty);
/// - continuous issue k with range [lo, hi] and restriction r: X'_k = [lo_k, hi_k] with
///   lo_k = max(lo, r.lo) and hi_k = min(hi, r.hi) (an unset bound drops out); with `steps`,
///   the points of the issue's own grid lo + j (hi - lo) / steps in [lo_k, hi_k], a grid point
///   within 1e-9 of a step of a bound counting as in (a bound written as a grid point then
///   keeps that point, whatever the rounding of either);
/// - clauses issue k: the subsets S with c in S for every clause forced in (clauses[c] == 1)
///   and c not in S for every clause forced out (clauses[c] == 0).
///
/// A default-constructed IssueRestriction allows the whole issue. An issue whose allowed set
/// is empty (no level allowed, lo > hi, a grid with no point inside) makes X' empty and the
/// frontier with it (ParetoFrontier::size() == 0). Utilities are not renormalised: a clauses
/// issue is still valued over all of its clauses (DESIGN 1.2), only the subsets offered change.
struct IssueRestriction {
  /// Ordinal issue: allowed[l] != 0 for the levels allowed; empty: every level.
  std::vector<std::uint8_t> levels;
  /// Continuous issue: amounts restricted to [lo, hi] (intersected with the issue's range; with
  /// `steps`, the grid points inside it). Unset: the issue's whole range.
  std::optional<double> lo;
  std::optional<double> hi;
  /// Clauses issue: per clause (the issue's own order) -1 free, 0 forced out, 1 forced in;
  /// empty: every clause free.
  std::vector<std::int8_t> clauses;
  /// No option of the issue is allowed (restrictions that contradict each other: a clause
  /// forced both in and out): the class is empty.
  bool none = false;
};

/// Whether `restriction` leaves `issue` no option at all (no allowed level, no grid point or
/// amount in its bounds, a clause forced both in and out): a class with such an issue is empty.
[[nodiscard]] bool restriction_empties_issue(const Issue& issue, const IssueRestriction& restriction);

/// \brief Limits of the exact two-party construction, and the class of agreements it ranges over.
///
/// The frontier is exact unless a purely discrete stage (the subsets of a clauses issue,
/// the levels of the ordinal issues, the grid of a continuous issue with `steps`) has more
/// than `max_discrete_points` non-dominated points. That only happens in adversarial
/// spaces, e.g. many clauses that are exactly zero-sum between the two parties, whose 2^n
/// subsets all lie on one line and are all efficient. The stage is then thinned to one point
/// per u_a-interval of width eta (keeping the point with the highest u_b), which moves the
/// frontier by at most eta in u_a; the sum of the etas is reported as
/// ParetoFrontier::epsilon().
///
/// Adding a discrete stage T to the sum S so far merges |S| x |T| translated points; they are
/// made and merged in batches of at most `max_merge_vertices` points (a power of two of
/// translates of S at a time, never fewer than one), which bounds the memory the stage takes
/// without changing its result (see pareto_frontier.cpp). About 100 bytes a point: 4 million
/// is some 400 MB at the peak.
///
/// `restriction` builds the frontier over a class X' of agreements instead of the whole space
/// (see IssueRestriction); ParetoFrontier::build throws std::invalid_argument, naming the
/// issue, when its size is neither 0 nor the number of issues, when a field's size does not
/// match its issue (levels, clauses), when a field is set on an issue of another kind, or when
/// a bound is NaN or a clause state is not -1, 0 or 1.
struct FrontierOptions {
  std::size_t max_discrete_points = std::size_t{1} << 17;
  std::size_t max_merge_vertices = std::size_t{1} << 22;
  std::vector<IssueRestriction> restriction;  ///< empty, or one per issue (Scenario::issues order)
  /// A union of classes (constraints between terms, issue 15): when not empty, the frontier
  /// ranges over `restriction` intersected with the union of these classes (each one per issue),
  /// the upper envelope of each class's frontier. Empty: `restriction` alone.
  std::vector<std::vector<IssueRestriction>> alternatives;
};

/// \brief The Pareto frontier of parties a and b over the whole agreement space, or over a
/// class of agreements.
///
/// Let X be the set of agreements (every continuous issue anywhere in [lo, hi], or on its
/// grid lo + k (hi - lo) / steps when `steps` is set; every ordinal level; every subset of
/// every clauses issue), or the class X' of FrontierOptions::restriction when one is given
/// (everything below then holds with X' for X), and U = {(u_a(x), u_b(x)) : x in X}. The
/// frontier describes
///   D(y) = max { u_a : (u_a, u_b) in U, u_b >= y }  and  E(x) = max { u_b : u_a >= x }
/// exactly. It is stored as vertices v_0 .. v_{n-1} with u_a non-decreasing and u_b
/// non-increasing (consecutive vertices differ), and edges e_j = (v_j, v_{j+1}) of two kinds:
/// - **segment**: every point of the straight edge is the utility pair of an agreement: one
///   continuous issue moves linearly from its amount at v_j to its amount at v_{j+1}, every
///   other issue fixed (u_a and u_b are then affine in that amount, so the package at
///   fraction t of the edge is the exact interpolation of the amounts). Segments strictly
///   decrease in u_b and strictly increase in u_a.
/// - **gap**: no agreement lies strictly between; E(x) = u_b(v_{j+1}) on (u_a(v_j),
///   u_a(v_{j+1})]. A gap with equal u_a (or equal u_b) at both ends closes a segment whose
///   end point is only weakly efficient (the efficient set is then not closed).
///
/// **Construction** (the dynamic programme of Nemhauser and Ullmann 1969 for the bicriteria
/// knapsack, extended from points to segments): utility
/// is additive over issues, so U is the Minkowski sum of the issues' own utility sets and
/// only each issue's own efficient points matter. Each issue's frontier is computed alone
/// (a continuous issue's curve x -> (w_a v_a(x), w_b v_b(x)) split at the breakpoints of both
/// value functions is a polyline; an ordinal issue is its levels; a clauses issue is the
/// subset-sum frontier, clause by clause, with clauses good for both always in and clauses
/// bad for both always out), then the issues are summed one by one: the sum of two
/// frontiers is the upper envelope of vertex + frontier translates, segment + vertex
/// translates and segment + segment parallelograms (whose efficient boundary is the two
/// edges in order of slope), merged pairwise in a balanced tree in linear time per merge.
/// Discrete issues are summed first so that the continuous ones prune their staircases.
/// Nothing is enumerated: the cost is governed by the sizes of the intermediate frontiers.
/// An issue neither party values stays at its status quo (snapped to the offer grid), and so
/// does a clause neither party values, so packages change nothing the pair does not care
/// about.
/// Over a class X' each issue's own frontier is that of its allowed set (X' is a product, so
/// U is still the Minkowski sum of the issues' restricted sets): only the allowed levels or
/// grid points; the curve's breakpoints clipped to [lo_k, hi_k], with both bounds as
/// breakpoints; forced clauses fixed at their forced state and left out of the subset-sum
/// whatever their split. An issue or clause the pair does not value then stays at its status
/// quo if allowed, otherwise at the allowed option nearest it (ordinal: the nearest allowed
/// level, the lower on a tie; continuous: the status quo clamped into [lo_k, hi_k], snapped to
/// the grid points inside it).
/// Ties between packages with the same utility pair (up to rounding, DESIGN 1.9) keep the
/// first one built, and a point that another is worth at least as much as to both parties
/// and more to one (worth_at_least, worth_more) is dropped: 0.1 + 0.2 and 0.3 are one u_a.
///
/// **Queries** are a binary search over the vertices plus one interpolation: O(log n), no
/// allocation. They return a Point, from which the package is materialised on demand.
/// Utilities returned by queries are the interpolated values; they agree with
/// Scenario::utility of the materialised package to rounding (about 1e-15).
class ParetoFrontier {
 public:
  enum class EdgeKind : std::uint8_t { segment, gap };

  /// A point of the frontier: vertex `vertex` when t == 0, otherwise the point at fraction
  /// t in (0, 1) of segment edge `vertex` (from v_vertex to v_{vertex+1}).
  struct Point {
    std::size_t vertex = 0;
    double t = 0.0;
    double u_a = 0.0;
    double u_b = 0.0;
  };

  ParetoFrontier() = default;

  /// Builds the frontier of parties `party_a` and `party_b` of a finalized scenario, over the
  /// class of `options.restriction` (the whole space when it is empty). Throws
  /// std::invalid_argument for a malformed restriction (see FrontierOptions).
  static ParetoFrontier build(const Scenario& scenario, std::size_t party_a, std::size_t party_b,
                              const FrontierOptions& options = {});

  /// Number of vertices: at least 1 for any scenario with an issue, 0 when the class of
  /// FrontierOptions::restriction is empty (every query then returns nullopt).
  [[nodiscard]] std::size_t size() const { return u_a_.size(); }
  [[nodiscard]] double u_a(std::size_t vertex) const { return u_a_[vertex]; }
  [[nodiscard]] double u_b(std::size_t vertex) const { return u_b_[vertex]; }
  /// All vertices' utilities, in frontier order (u_a non-decreasing).
  [[nodiscard]] std::span<const double> u_a() const { return u_a_; }
  [[nodiscard]] std::span<const double> u_b() const { return u_b_; }
  /// Kind of edge j, from vertex j to vertex j + 1 (j < size() - 1).
  [[nodiscard]] EdgeKind edge_kind(std::size_t edge) const { return edges_[edge].kind; }
  /// The continuous issue that moves along segment edge j (-1 for a gap).
  [[nodiscard]] int moving_issue(std::size_t edge) const { return edges_[edge].issue; }
  /// The amount of the moving issue at fraction t of segment edge j.
  [[nodiscard]] double moving_amount(std::size_t edge, double t) const;
  /// Number of segment edges.
  [[nodiscard]] std::size_t segment_count() const;

  /// The vertex as a Point.
  [[nodiscard]] Point vertex(std::size_t v) const { return {v, 0.0, u_a_[v], u_b_[v]}; }
  /// max u_a subject to worth_at_least(u_b, floor_b) (a vertex tied with the floor up to
  /// rounding meets it: ties go to acceptance, DESIGN 1.9), the maximiser with the largest u_b
  /// among ties; nullopt when floor_b exceeds b's best utility beyond rounding. Exact on
  /// segments: the point at t = (u_b(v_j) - floor_b) / (u_b(v_j) - u_b(v_{j+1})) of the last
  /// edge reaching floor_b, when v_j is worth more than the floor (otherwise v_j itself).
  [[nodiscard]] std::optional<Point> max_a_given_b(double floor_b) const noexcept;
  /// max u_b subject to worth_at_least(u_a, floor_a); nullopt when floor_a exceeds a's best
  /// utility beyond rounding.
  [[nodiscard]] std::optional<Point> max_b_given_a(double floor_a) const noexcept;

  /// The agreement at a point (allocates the Agreement).
  [[nodiscard]] Agreement package(const Point& point) const;
  /// The agreement at a point written into `out`, reusing its storage (no allocation once
  /// `out` has the scenario's shape).
  void package_into(const Point& point, Agreement& out) const;

  /// The bound on how far the stored frontier may lie inside the true one in u_a (0 when
  /// exact, which is the case unless FrontierOptions::max_discrete_points was hit).
  [[nodiscard]] double epsilon() const { return epsilon_; }
  [[nodiscard]] std::size_t party_a() const { return party_a_; }
  [[nodiscard]] std::size_t party_b() const { return party_b_; }

  /// The package of a vertex: row `row` of the package table, except that issue `issue`
  /// (if >= 0) takes `amount` (a vertex cut out of a segment).
  struct PackageRef {
    std::uint32_t row = 0;
    std::int32_t issue = -1;
    double amount = 0.0;
  };
  /// An edge: its kind and, for a segment, the moving issue, its amounts at both ends and the
  /// row holding every other issue's value.
  struct Edge {
    EdgeKind kind = EdgeKind::gap;
    std::int32_t issue = -1;
    std::uint32_t row = 0;
    double amount_left = 0.0;
    double amount_right = 0.0;
  };
  /// The package of vertex v, as stored.
  [[nodiscard]] const PackageRef& vertex_package(std::size_t v) const { return vertex_packages_[v]; }
  [[nodiscard]] const Edge& edge(std::size_t e) const { return edges_[e]; }
  [[nodiscard]] const PackageTable& packages() const { return packages_; }

 private:
  friend class FrontierBuilder;

  std::size_t party_a_ = 0;
  std::size_t party_b_ = 0;
  std::vector<double> u_a_;
  std::vector<double> u_b_;
  std::vector<PackageRef> vertex_packages_;
  std::vector<Edge> edges_;
  PackageTable packages_;
  double epsilon_ = 0.0;
};

}  // namespace parley
