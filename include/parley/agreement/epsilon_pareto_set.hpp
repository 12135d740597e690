#pragma once
/// \file epsilon_pareto_set.hpp
/// An epsilon-Pareto set of three or more parties' utilities over the agreement space
/// (DESIGN 1.8: "epsilon-dominance, with the epsilon reported, for more than two").

#include <cstddef>
#include <span>
#include <vector>

#include "parley/agreement/package_table.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief Resolution of the epsilon-Pareto set.
struct EpsilonSetOptions {
  /// While the running set of non-dominated partial packages has at most this many points it
  /// is kept exactly; beyond, it is pruned by epsilon-box dominance.
  std::size_t max_points = 4096;
  /// Side of the epsilon-dominance boxes (Laumanns, Thiele, Deb, Zitzler 2002).
  double box = 0.004;
  /// A continuous issue without `steps` is sampled at this many equal intervals plus every
  /// breakpoint of every party's value function.
  int continuous_intervals = 16;
  /// The class of agreements the set covers instead of the whole space (issue 15), as
  /// FrontierOptions::restriction: empty, or one IssueRestriction per issue.
  std::vector<IssueRestriction> restriction;
  /// A union of classes (the packages that keep the constraints between terms), as
  /// FrontierOptions::alternatives: when not empty, the set covers `restriction` intersected
  /// with the union of these classes. Empty: `restriction` alone.
  std::vector<std::vector<IssueRestriction>> alternatives;
};

/// \brief A finite set P of agreements covering the utility set to within epsilon.
///
/// Guarantee: for every agreement x there is a p in P with u_k(p) >= u_k(x) - epsilon() for
/// every party k of the set, and no point of P is dominated by another. (For two parties
/// ParetoFrontier is exact; with three or more the efficient set is a surface and an exact
/// description would be far larger than any query needs.)
///
/// Construction: each issue's own options (ordinal levels; a continuous issue's grid plus
/// every breakpoint, between which all utilities are affine, so that sampling loses at most
/// min(max_k (Delta_k)^+, max_k (-Delta_k)^+) over a grid interval whose utility change is
/// Delta; the subsets of a clauses issue, built clause by clause, with clauses good for all
/// always in and bad for all always out) are added one issue at a time to the running set of
/// non-dominated partial packages. Exact dominance pruning loses nothing; when the set
/// exceeds `max_points` it is cut down by epsilon-box dominance (Laumanns et al. 2002):
/// utility space is cut into boxes of side `box`, one point per box is kept (the one with
/// the largest utility sum) and dominated boxes go, which moves the cover by less than `box`
/// per coordinate (the box is doubled until the set fits, and the box used is counted). Hence
///   epsilon = (sum of the boxes used) + sum over sampled issues of the sampling loss,
/// a bound computed during the build and reported by epsilon().
///
/// Over a class of agreements (EpsilonSetOptions::restriction: the packages that cross no
/// veto party's red line, say) every issue offers only the options the class allows (the
/// allowed levels; the grid points, or the samples and breakpoints, of the allowed interval;
/// the clauses it forces in or out fixed), so the guarantee holds with the class for "every
/// agreement". A union of classes (EpsilonSetOptions::alternatives) is covered class by class
/// (each a product of per-issue options, which the stagewise pruning needs) and the union of
/// the classes' sets pruned again: then epsilon = max over classes of their epsilon + the box
/// of that last pruning, if any. An empty class contributes no point; when every class is
/// empty the set is empty (size() == 0: nothing can be signed).
class EpsilonParetoSet {
 public:
  EpsilonParetoSet() = default;

  /// Builds the set over parties `parties` (indices into scenario.parties, at least one) of
  /// a finalized scenario.
  /// \throws std::invalid_argument, naming the issue, for a restriction that does not fit the
  /// scenario's issues (as ParetoFrontier::build).
  static EpsilonParetoSet build(const Scenario& scenario, std::span<const std::size_t> parties,
                                const EpsilonSetOptions& options = {});

  /// Number of points.
  [[nodiscard]] std::size_t size() const { return dimension_ == 0 ? 0 : utilities_.size() / dimension_; }
  /// Number of parties (coordinates).
  [[nodiscard]] std::size_t dimension() const { return dimension_; }
  /// The parties, in coordinate order.
  [[nodiscard]] std::span<const std::size_t> parties() const { return parties_; }
  /// u_{parties()[k]} of point p.
  [[nodiscard]] double utility(std::size_t point, std::size_t k) const {
    return utilities_[point * dimension_ + k];
  }
  /// Every coordinate of point p.
  [[nodiscard]] std::span<const double> utilities(std::size_t point) const {
    return {utilities_.data() + point * dimension_, dimension_};
  }
  /// The agreement of point p (allocates).
  [[nodiscard]] Agreement package(std::size_t point) const;
  /// The agreement of point p written into `out`, reusing its storage.
  void package_into(std::size_t point, Agreement& out) const;
  /// The cover bound described above.
  [[nodiscard]] double epsilon() const { return epsilon_; }

 private:
  std::vector<std::size_t> parties_;
  std::size_t dimension_ = 0;
  std::vector<double> utilities_;
  PackageTable packages_;
  double epsilon_ = 0.0;
};

}  // namespace parley
