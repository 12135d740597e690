#pragma once
/// \file frontier_envelope.hpp
/// Internal to the agreement layer: the working form of a two-party frontier while it is
/// built, and the upper envelope of two frontiers (the frontier of their union).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/agreement/pareto_frontier.hpp"

namespace parley::envelope {

using Ref = ParetoFrontier::PackageRef;

/// A vertex: utilities (x = u_a, y = u_b) and its package.
struct Vertex {
  double x = 0.0;
  double y = 0.0;
  Ref ref;
};

/// An edge between consecutive vertices: a segment along which `issue` moves from a0 (at the
/// left vertex's x) to a1 (at the right one's), every other issue as in `row`; or a gap.
struct Edge {
  bool segment = false;
  std::int32_t issue = -1;
  std::uint32_t row = 0;
  double a0 = 0.0;
  double a1 = 0.0;
};

/// \brief A frontier under construction, with the invariants of ParetoFrontier: x
/// non-decreasing, y non-increasing, segments strictly decreasing, `e.size() == v.size() - 1`
/// (both empty for the empty frontier).
///
/// It stands for the function E(x) = max{y : (x', y) on the frontier, x' >= x}: linear on a
/// segment, equal to the next vertex's y on a gap and left of the first vertex, -infinity
/// right of the last.
struct Frontier {
  std::vector<Vertex> v;
  std::vector<Edge> e;

  [[nodiscard]] bool empty() const { return v.empty(); }
  [[nodiscard]] bool has_segments() const;
  /// A single point.
  static Frontier point(double x, double y, const Ref& ref);
  /// A single segment from (x0, y0) to (x1, y1) (x1 > x0, y1 < y0) along which `issue` moves
  /// from a0 to a1, the rest of the package in `row`.
  static Frontier segment(double x0, double y0, double x1, double y1, std::int32_t issue, std::uint32_t row,
                          double a0, double a1);
};

/// \brief The frontier of the union of F and G: E_H = max(E_F, E_G), computed in one sweep
/// over the merged breakpoints in O(|F| + |G|).
///
/// On each elementary interval both are affine (a segment, or a constant for a gap), so the
/// maximum changes hands at most once, at the crossing. A point of H comes from F or G when
/// it is real there (a vertex or on a segment) and strictly above the other's E, or equal to
/// the other's and real there too (ties go to F). A point equal to the other's E where the
/// other is only a gap level is weakly dominated by a real point to its right and is dropped,
/// except as the closing end of a segment (the efficient set is then not closed).
[[nodiscard]] Frontier merge(const Frontier& f, const Frontier& g);

/// The frontier of the union of many frontiers, merged pairwise in a balanced tree:
/// O(N log m) for m pieces of N vertices in all.
[[nodiscard]] Frontier merge_all(std::vector<Frontier> pieces);

}  // namespace parley::envelope
