#pragma once
/// \file bargaining_solution.hpp
/// The zone of possible agreement and the classical bargaining solutions over the agreement
/// space: Nash, Kalai-Smorodinsky, maximum welfare (DESIGN 1.8; THEORY "Bargaining
/// solutions").
///
/// A disagreement point d is indexed by party (size = number of parties); only the veto
/// parties' entries matter. Use disagreement_point.hpp for the usual choices (reservation
/// values, the frozen front) or pass war values from the battlefield analytics.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/model/agreement.hpp"

namespace parley {

/// \brief A solution point: the package, every party's utility of it, and its handle.
struct BargainingSolution {
  Agreement agreement;
  std::vector<double> utilities;  ///< u_i(agreement) for every party, by party index
  SpacePoint point;               ///< where it lies in the AgreementSpace
};

/// \brief One veto party's view of the zone of possible agreement.
struct ZopaSide {
  std::size_t party = 0;
  double disagreement = 0.0;  ///< d_i
  double ideal = 0.0;         ///< m_i, the most i can get from any agreement
  /// max u_i s.t. u_j >= d_j for every other veto party j: the best i can get from an
  /// agreement the others prefer to disagreement; nullopt if no agreement gives every other
  /// veto party its d_j. The zone is empty exactly when this is below d_i (or absent).
  std::optional<double> best_given_others;
  /// The range of u_i over the efficient agreements of the zone (those on the frontier
  /// with u_j >= d_j for every veto party): [low, high]. Meaningful only if the zone exists.
  double low = 0.0;
  double high = 0.0;
};

/// \brief The zone of possible agreement Z = {x : u_i(x) >= d_i for every veto party i}
/// (Fearon 1995's bargaining range, generalised to many issues); a utility equal to d_i up to
/// rounding meets it (worth_at_least, DESIGN 1.9).
struct Zopa {
  bool exists = false;
  std::vector<ZopaSide> sides;      ///< one per veto party, scenario order
  double max_welfare = 0.0;         ///< max over agreements of the veto parties' utility sum
  double disagreement_welfare = 0.0;  ///< sum of the veto parties' d_i
  /// The space's epsilon: with three or more veto parties, "exists" and the ranges are exact
  /// up to it.
  double epsilon = 0.0;
};

/// The zone of possible agreement for disagreement point d. With two veto parties a and b it
/// exists iff max{u_a : u_b >= d_b} >= d_a; party a's range is
/// [max_b_given_a(d_a).u_a, max_a_given_b(d_b).u_a], and symmetrically for b.
[[nodiscard]] Zopa zone_of_possible_agreement(const AgreementSpace& space, std::span<const double> disagreement);

/// The Nash bargaining solution (Nash 1950): argmax prod_i (u_i - d_i) over the agreements
/// with u_i >= d_i for every veto party i (the product over veto parties). With two veto
/// parties it is exact: the product is maximised at each vertex and, in closed form, along
/// each segment, where it is a concave-or-convex quadratic in the edge fraction t. nullopt
/// if the zone is empty. A zone reduced to d itself gives d's agreement (product 0).
[[nodiscard]] std::optional<BargainingSolution> nash_solution(const AgreementSpace& space,
                                                              std::span<const double> disagreement);

/// The Kalai-Smorodinsky solution (Kalai and Smorodinsky 1975): with ideal point
/// I_i = max{u_i : x in Z}, the agreement maximising min_i (u_i - d_i) / (I_i - d_i) over Z
/// (parties with I_i = d_i left out of the minimum), that is, the efficient agreement that
/// weakly dominates the furthest point of the segment from d to I. Exact with two veto
/// parties (on a segment the minimum of two affine functions is maximised where they cross
/// or at an end; across a gap, by the vertex that dominates the ray's last feasible point).
/// Ties are broken by the larger sum of normalised gains. nullopt if the zone is empty.
[[nodiscard]] std::optional<BargainingSolution> kalai_smorodinsky(const AgreementSpace& space,
                                                                  std::span<const double> disagreement);

/// The utilitarian point: argmax over all agreements of the veto parties' utility sum
/// (no disagreement constraint); always exists. Exact with two veto parties (a vertex of the
/// frontier). Ties: the first in frontier order.
[[nodiscard]] BargainingSolution max_welfare(const AgreementSpace& space);

/// The Nash product prod_i max(0, u_i - d_i) over the veto parties of `space`, from every
/// party's utilities (indexed by party).
[[nodiscard]] double nash_product(const AgreementSpace& space, std::span<const double> utilities,
                                  std::span<const double> disagreement);

}  // namespace parley
