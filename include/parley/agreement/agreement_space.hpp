#pragma once
/// \file agreement_space.hpp
/// The agreement space of a scenario as the strategies and the solver query it: what each
/// veto party can get, and the best agreement for one party given floors on the others'
/// utilities (DESIGN 1.6, 1.7, 1.8).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "parley/agreement/epsilon_pareto_set.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

/// Options of both constructions.
struct AgreementSpaceOptions {
  FrontierOptions frontier;
  EpsilonSetOptions epsilon_set;
};

/// \brief A point of the agreement space returned by a query: a cheap handle.
///
/// With two veto parties: the frontier point at fraction `t` of edge `index` (t == 0: the
/// vertex `index`). With more: point `index` of the epsilon-Pareto set (t == 0).
/// `value` is the quantity the query maximised (u_i for best_for, the other's utility or the
/// others' sum for best_for_others). Materialise the package with AgreementSpace::package.
struct SpacePoint {
  std::size_t index = 0;
  double t = 0.0;
  double value = 0.0;
  /// Which part of a partitioned offer space holds the point (PeaceOffers' class); 0 for an
  /// AgreementSpace's own queries.
  std::size_t part = 0;
};

/// \brief The agreement space of a scenario over its veto parties.
///
/// With exactly two veto parties it holds their exact ParetoFrontier (DESIGN 1.8) and every
/// query is exact and O(log n); with more it holds an EpsilonParetoSet and queries scan it
/// (O(points * parties)), exact up to epsilon(). Queries never allocate. utility(point, i) is
/// exact for every party, mediators, guarantors and observers included: at a vertex it is
/// precomputed; inside a segment only one continuous issue moves, so it is the precomputed
/// utility of the rest of the package plus w_ik v_ik(amount) through i's own value function
/// (which may bend where the veto parties' do not).
class AgreementSpace {
 public:
  AgreementSpace() = default;
  /// Builds the space of a finalized scenario with at least two veto parties. The scenario is
  /// copied. `options.frontier.restriction` restricts the space to a class of agreements
  /// (IssueRestriction): every query then ranges over the class, and an empty class gives a
  /// space with no point (point_count() == 0, every query nullopt). Whatever the number of veto
  /// parties the space holds only the signable packages: those that cross no veto party's red
  /// line and keep every constraint between terms (admissible_packages.hpp); with three or more
  /// the epsilon-Pareto set covers that class (EpsilonSetOptions::restriction, alternatives).
  explicit AgreementSpace(const Scenario& scenario, const AgreementSpaceOptions& options = {});

  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  /// Indices of the veto parties, in scenario order.
  [[nodiscard]] std::span<const std::size_t> veto_parties() const { return veto_; }
  /// True when the space is the exact two-party frontier.
  [[nodiscard]] bool is_exact() const { return veto_.size() == 2; }
  /// The frontier of the two veto parties (veto_parties()[0] is a, [1] is b); only when
  /// is_exact().
  [[nodiscard]] const ParetoFrontier& frontier() const { return frontier_; }
  /// The epsilon-Pareto set; only when !is_exact().
  [[nodiscard]] const EpsilonParetoSet& epsilon_set() const { return epsilon_set_; }
  /// 0 for an exact frontier (unless its discrete thinning was triggered), otherwise the
  /// epsilon of the set: every agreement is within epsilon of a stored point in every veto
  /// party's utility.
  [[nodiscard]] double epsilon() const;

  /// m_i = max_x u_i(x) = sum_k w_ik max v_ik, for any party (utility is separable, so the
  /// maximum is issue by issue; DESIGN 1.6 uses it as the time-dependent tactics' start).
  /// Over the whole space X, even when the queries range over a class of agreements.
  [[nodiscard]] double max_utility(std::size_t party) const { return max_utility_[party]; }
  /// min_x u_i(x) = sum_k w_ik min v_ik, for any party; over the whole space X, like
  /// max_utility.
  [[nodiscard]] double min_utility(std::size_t party) const { return min_utility_[party]; }

  /// The agreement best for veto party i subject to floors on the other veto parties:
  ///   argmax u_i(x) s.t. worth_at_least(u_j(x), floors[j]) for every veto j != i
  /// (floors indexed by party index, entries of i and of non-veto parties ignored), the
  /// proposer's offer of the subgame-perfect equilibrium (DESIGN 1.7): a floor met up to
  /// rounding is met (ties go to acceptance, DESIGN 1.9). Among maximisers (the same up to
  /// rounding), the one best for the others. nullopt if no agreement meets the floors.
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t party, std::span<const double> floors) const noexcept;
  /// The trade-off offer at aspiration `own_floor` (Faratin et al. 1998; DESIGN 1.6): among
  /// agreements with worth_at_least(u_i, own_floor) (DESIGN 1.9), the one maximising the other veto party's utility
  /// (with two veto parties) or the sum of the other veto parties' utilities (more). nullopt
  /// if own_floor exceeds what i can get.
  [[nodiscard]] std::optional<SpacePoint> best_for_others(std::size_t party, double own_floor) const noexcept;

  /// u_party at a point, for any party (exact interpolation, no allocation).
  [[nodiscard]] double utility(const SpacePoint& point, std::size_t party) const noexcept;
  /// The agreement at a point (allocates).
  [[nodiscard]] Agreement package(const SpacePoint& point) const;
  /// The agreement at a point written into `out`, reusing its storage.
  void package_into(const SpacePoint& point, Agreement& out) const;

  /// Every party's utility of an agreement, u_i(x) = Scenario::utility (allocates the vector).
  [[nodiscard]] std::vector<double> utilities(const Agreement& x) const;
  /// Every party's utility of an agreement into `out` (size = number of parties).
  void utilities_into(const Agreement& x, std::span<double> out) const;

  /// Number of points the queries range over: frontier vertices, or epsilon-set points.
  [[nodiscard]] std::size_t point_count() const;
  /// Number of edges (two veto parties: vertices - 1; more: 0).
  [[nodiscard]] std::size_t edge_count() const;
  /// The vertex or set point `index` as a SpacePoint (value 0).
  [[nodiscard]] SpacePoint point(std::size_t index) const { return {index, 0.0, 0.0}; }

 private:
  [[nodiscard]] SpacePoint from_frontier(const ParetoFrontier::Point& p, double value) const noexcept;

  Scenario scenario_;
  std::vector<std::size_t> veto_;
  ParetoFrontier frontier_;
  EpsilonParetoSet epsilon_set_;
  std::vector<double> max_utility_;
  std::vector<double> min_utility_;
  /// w_ik v_ik(amount) for continuous issue k.
  [[nodiscard]] double moving_term(std::size_t party, std::size_t issue, double amount) const noexcept;

  /// Every party's utility at each vertex or set point (point-major, one row of parties each);
  /// and, per segment edge, every party's utility of the edge's package without its moving
  /// issue (zeros for gaps).
  std::vector<double> vertex_utilities_;
  std::vector<double> edge_rest_utilities_;
};

}  // namespace parley
