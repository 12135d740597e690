#pragma once
/// \file peace_offers.hpp
/// A scenario's agreements valued by the peace they make (DESIGN 1.10, issue 14), as the
/// equilibrium solver queries them: the proposer's best self-enforcing agreement given floors
/// on the others' values of the peace.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/battlefield/time_state_table.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/equilibrium/offer_space.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

class ProgramAnswers;

/// \brief One class of agreements that make the same peace: the same hazard, the same
/// post-settlement balance and the same renewal line.
struct PeaceClass {
  /// The agreements of the class: the frontier's restriction (pareto_frontier.hpp), one entry
  /// per issue.
  std::vector<IssueRestriction> restriction;
  double hazard = 0.0;       ///< h of every agreement of the class
  std::size_t balance = 0;   ///< index of its post-settlement balance (PeaceOffers::balance_count)
  int line = -1;             ///< the renewal line, or -1: the front at the settlement (no linked issue)
};

/// \brief How PeaceOffers values a war renewed after a breakdown.
enum class RenewedTalks {
  /// Fought to the end from the line, no talks (war_value; what peace_terms computes).
  none,
  /// Talks resume under the same protocol (DESIGN 1.10, issue 14): the values of the renewed
  /// war are the equilibrium's under the post-settlement balance, which BargainingEquilibrium
  /// supplies period by period as it solves (renewed_value_row, renewed_fight_row,
  /// complete_period).
  resumed,
};

/// \brief Agreements valued by their peace value, for BargainingEquilibrium (issue 14).
///
/// With a durability section, an agreement x struck at period t with the front at s is worth
/// to party i the value of the peace it makes, not u_i(x) (peace_value.hpp). Agreements split
/// into classes c that make the same peace: the same hazard h_c (the mechanisms' levels and
/// clauses it contains), the same post-settlement balance b_c and the same renewal line L_c
/// (the front state of its linked amount; the front at the settlement when no issue is
/// linked). Within a class, as long as nobody renews the war at will, the peace value is
/// affine in the agreement's utility,
///   V_i(x; t) = a_ic(t) u_i(x) + b_ic(t, L),
///   a_ic(T) = 1, a_ic(t) = (1 - delta_i) + delta_i (1 - h_c) a_ic(t + 1),
///   b_ic(T) = 0, b_ic(t) = delta_i (1 - h_c) b_ic(t + 1) + delta_i h_c V^b_i(t + 1, L),
/// from peace_outlook's recursion C_i(t) = (1 - delta_i) u_i + delta_i [(1 - h) V_i(t + 1) +
/// h V^b_i(t + 1)], with V^b_i(t, L) the value at the start of period t of the war renewed
/// under the class's balance from L. The agreement is self-enforcing (no veto belligerent ever
/// renews the war at will: W^b_j(t', L) <= C_j(t') for t <= t' < T) iff u_j(x) >= sigma_jc(t, L)
/// for every veto belligerent j, where
///   sigma_jc(t, L) = max_{t <= t' < T} (W^b_jc(t', L) - b_jc(t', L)) / a_jc(t')
/// (and -infinity under a binding commitment or without may-renew parties), W^b_j(t', L) the
/// value of renewing at t': fighting period t' under the balance, then V^b_j(t' + 1).
/// Under RenewedTalks::none, V^b = W^b = the war value of the renewed war fought to the end
/// (war_value on renewed_battlefield, as peace_terms computes it); under
/// RenewedTalks::resumed, V^b and W^b are the equilibrium value and continuation of the
/// bargaining game renewed under the balance (BargainingEquilibrium::renewed), where talks
/// resume and a new peace may break again.
///
/// The proposer's problem at (t, s), max V_rho(x) s.t. V_j(x) >= f_j for the responders whose
/// votes it needs, over self-enforcing agreements only, is then per class the frontier query
///   max u_rho s.t. u_j >= max((f_j - b_jc) / a_jc, sigma_jc) for the veto parties j != rho,
/// kept when u_rho >= sigma_rho,c, and the best class wins (ties: the larger sum of the others'
/// peace values, then the first class). A class whose bound a_c(t) max_c u_rho + b_c(t, L)
/// falls short of a value already reached is not queried (branch and bound). Every step is
/// exact on the two-party frontier.
///
/// With three or more veto parties the same query is, per class, the proposer's problem with
/// a floor on every veto responder, u_j >= max((f_j - b_jc) / a_jc, sigma_jc), solved exactly
/// by mixed-integer programming over the class (as IntegerProgramOffers, issue 15; each class's
/// answers kept for the floors they hold for, sim/equilibrium/program_answers.hpp). No program
/// is solved for a class the exact two-party frontiers of the class (one per pair of veto
/// parties, ParetoFrontier over the class's signable packages) rule out: some pair of
/// responders cannot both meet their floors, or max u_rho s.t. u_j >= g_j for one responder j
/// (a relaxation of the problem) is below the proposer's own threshold. The classes are taken
/// in decreasing order of that relaxation's bound a(t) min_j max{u_rho : u_j >= g_j} + b(t, L),
/// and the search stops at the first bound below the best value found (a class's kept answers
/// at lower floors may lower its bound further). Ties as above, the others' sum over every
/// other veto party, then the first class.
///
/// An agreement that some belligerent would break at once, or later, is never offered: the
/// solver's proposers offer self-enforcing agreements (Powell 2006's setting), so where none
/// meets the floors the war goes on.
///
/// Needs at least two veto parties and a battlefield. Classes: the product over issues with terms of
/// their term levels (the levels without a term form one more class), 2^k for k termed clauses,
/// times the N + 1 lines when an issue is linked to the front; empty classes are dropped.
class PeaceOffers final : public OfferSpace {
 public:
  /// Builds the classes and their frontiers; under RenewedTalks::none also every coefficient
  /// table. Under RenewedTalks::resumed the tables of period t are valid once the solver has
  /// called complete_period(t).
  /// \throws std::invalid_argument without a durability section or a battlefield, or with
  /// fewer than two veto parties.
  explicit PeaceOffers(const Scenario& scenario, const AgreementSpaceOptions& options = {},
                       RenewedTalks talks = RenewedTalks::none);
  ~PeaceOffers() override;
  PeaceOffers(const PeaceOffers&) = delete;
  PeaceOffers& operator=(const PeaceOffers&) = delete;

  [[nodiscard]] std::size_t party_count() const override { return parties_; }
  /// best_for_at(0, start, ...): the offer at the start.
  [[nodiscard]] std::optional<SpacePoint> best_for(std::size_t proposer, std::span<const double> floors,
                                                   std::span<double> utilities) const override;
  /// The proposer's best self-enforcing agreement at (t, s) given floors on the veto
  /// responders' peace values; writes every party's peace value to `utilities`. SpacePoint::part
  /// is the class.
  [[nodiscard]] std::optional<SpacePoint> best_for_at(int t, int s, std::size_t proposer,
                                                      std::span<const double> floors,
                                                      std::span<double> utilities) const override;
  void package_into(const SpacePoint& point, Agreement& out) const override;

  /// With three or more veto parties, the number of mixed-integer programs solved so far over
  /// every class (queries no kept answer settled); 0 with two. For benchmarks.
  [[nodiscard]] std::size_t programs_solved() const;
  /// Number of non-empty classes.
  [[nodiscard]] std::size_t class_count() const { return classes_.size(); }
  [[nodiscard]] const PeaceClass& peace_class(std::size_t c) const { return classes_[c]; }
  /// The agreements of class c, as the two veto parties' frontier over the class.
  /// \throws std::logic_error with three or more veto parties (the classes are then programs).
  [[nodiscard]] const AgreementSpace& class_space(std::size_t c) const;
  /// Number of distinct post-settlement balances.
  [[nodiscard]] std::size_t balance_count() const { return balances_.size(); }
  /// The index of a post-settlement balance among balance_count(), if some class has it.
  [[nodiscard]] std::optional<std::size_t> balance_index(const PostSettlementBalance& balance) const;
  /// The post-settlement balance of index b.
  [[nodiscard]] const PostSettlementBalance& balance(std::size_t b) const { return balances_[b]; }
  [[nodiscard]] RenewedTalks renewed_talks() const { return talks_; }
  /// V^b_i(t, s): party i's value at the start of period t of the war renewed under balance b
  /// from state s (what a breakdown between t - 1 and t leads to), 0 <= t <= T.
  [[nodiscard]] double renewed_value(std::size_t b, std::size_t party, int t, int s) const {
    return renewed_value_[b * parties_ + party](t, s);
  }
  /// W^b_i(t, s): party i's value of renewing the war at will at t from s under balance b
  /// (fighting period t, then V^b(t + 1)), 0 <= t < T.
  [[nodiscard]] double renewed_fight(std::size_t b, std::size_t party, int t, int s) const {
    return renewed_fight_[b * parties_ + party](t, s);
  }
  /// The terms of the peace agreement x makes when signed at (t0, s), with this space's values
  /// of a renewed war (PeaceTerms::renewal = W^b, PeaceTerms::breakdown = V^b): what
  /// peace_outlook needs for x's exact outlook. terms_into reuses `out`'s storage.
  [[nodiscard]] PeaceTerms terms_of(const Agreement& x, int t0, int s) const;
  void terms_into(const Agreement& x, int t0, int s, PeaceTerms& out) const;

  /// For the solver under RenewedTalks::resumed: V^b_i(t, .) and W^b_i(t, .) to be written,
  /// from the horizon down; complete_period(t) then computes a(t), b(t, .) and sigma(t, .)
  /// from V^b(t + 1) and W^b(t).
  [[nodiscard]] std::span<double> renewed_value_row(std::size_t b, std::size_t party, int t) {
    return renewed_value_[b * parties_ + party].row(t);
  }
  [[nodiscard]] std::span<double> renewed_fight_row(std::size_t b, std::size_t party, int t) {
    return renewed_fight_[b * parties_ + party].row(t);
  }
  void complete_period(int t);
  /// Party i's value of the peace agreement x would make if signed at (t, s): a_ic(t) u_i(x) +
  /// b_ic(t, L) when x is self-enforcing (its class found by hazard, balance and line), else the
  /// exact core's value (peace_outlook of terms_of), which a renewal at will shapes. What a
  /// responder playing the equilibrium weighs an arbitrary offer by.
  [[nodiscard]] double value_of(const Agreement& x, int t, int s, std::size_t party) const;
  /// The class of x when x signed at (t, s) is self-enforcing (no veto belligerent ever renews
  /// the war at will), else std::nullopt: an agreement the solver's proposers never offer and
  /// the `equilibrium` strategy never signs.
  [[nodiscard]] std::optional<std::size_t> self_enforcing_class(const Agreement& x, int t, int s) const;
  /// a_ic(t) u_i(x) + b_ic(t, L): party i's value of x, signed at (t, s), in its self-enforcing
  /// class c (self_enforcing_class).
  [[nodiscard]] double value_in_class(std::size_t c, const Agreement& x, int t, int s, std::size_t party) const {
    return a(c, party, t) * scenario_->utility(party, x) + b(c, party, t, s);
  }

  /// Whether some agreement of some class is self-enforcing at (t, s), whatever anyone's floor:
  /// false is Powell's case, where no agreement can end the war.
  [[nodiscard]] bool any_self_enforcing(int t, int s) const;

 private:
  /// The column of a class's intercept and threshold tables at front state s: one column when
  /// the class has its own line, one per state when the line is the front at the settlement.
  [[nodiscard]] int column_of(std::size_t c, int s) const { return classes_[c].line >= 0 ? 0 : s; }
  [[nodiscard]] double a(std::size_t c, std::size_t i, int t) const {
    return slope_[(c * parties_ + i) * static_cast<std::size_t>(horizon_ + 1) + static_cast<std::size_t>(t)];
  }
  [[nodiscard]] double b(std::size_t c, std::size_t i, int t, int s) const {
    return intercept_[c * parties_ + i](t, column_of(c, s));
  }
  /// sigma_ic(t, L): -infinity for a party that may not renew the war.
  [[nodiscard]] double sigma(std::size_t c, std::size_t i, int t, int s) const;
  /// best_for_at with three or more veto parties (the classes' programs).
  [[nodiscard]] std::optional<SpacePoint> best_for_many(int t, int s, std::size_t proposer,
                                                        std::span<const double> floors,
                                                        std::span<double> utilities) const;

  /// The scenario (one copy, at a stable address: the classes' programs point into it).
  std::shared_ptr<const Scenario> scenario_;
  std::size_t parties_ = 0;
  int horizon_ = 0;
  int start_ = 0;
  RenewedTalks talks_ = RenewedTalks::none;
  std::vector<std::size_t> veto_;
  std::vector<double> discount_;            ///< delta_i per party
  std::vector<std::uint8_t> may_renew_;     ///< per party
  std::vector<PeaceClass> classes_;
  std::vector<AgreementSpace> spaces_;      ///< per class, with two veto parties
  /// Per class, with three or more veto parties: the proposer's problem over the class.
  std::vector<std::unique_ptr<ProgramAnswers>> programs_;
  /// Per class and pair of veto parties (positions d < e in veto_, in lexicographic order), the
  /// exact frontier of (u_{veto[d]}, u_{veto[e]}) over the class's signable packages.
  std::vector<ParetoFrontier> pair_frontiers_;
  std::size_t pair_count_ = 0;
  /// The frontier of class c for veto positions d != e (either order).
  [[nodiscard]] const ParetoFrontier& pair_frontier(std::size_t c, std::size_t d, std::size_t e) const;
  /// max u_{veto[d]} s.t. u_{veto[e]} >= floor over class c, from its pair frontier; -infinity
  /// when nothing meets the floor, +infinity (no bound) when the frontier was thinned.
  [[nodiscard]] double pair_best(std::size_t c, std::size_t d, std::size_t e, double floor) const;
  std::vector<double> best_utility_;        ///< max u_i over class c, [class * parties + party] (veto parties)
  /// The slopes lambda of the support values (best_for_at's bound).
  static constexpr std::array<double, 6> kSupportSlopes{0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
  /// M_c(lambda) = max over class c of u_rho + lambda u_j, [(class * 2 + side) * slopes + k],
  /// side 0 when the proposer rho is the first veto party.
  std::vector<double> support_;
  std::vector<PostSettlementBalance> balances_;
  std::vector<TimeStateTable> renewed_value_;  ///< V^b_i(t, s), [balance * parties + party]
  std::vector<TimeStateTable> renewed_fight_;  ///< W^b_i(t, s), [balance * parties + party]
  std::vector<double> slope_;               ///< a_ic(t), [class][party][t]
  std::vector<TimeStateTable> intercept_;   ///< b_ic(t, L), [class * parties + party]; one column per line
  std::vector<TimeStateTable> threshold_;   ///< sigma_ic(t, L) of may-renew parties, [class * parties + party]
  // Scratch of the queries (the solver is single-threaded per equilibrium).
  mutable std::vector<double> floors_;
  /// The veto parties' a, b and sigma packed by period for best_for_at's pass over the
  /// classes: row t, class c at packed_offset_[c]: a of veto party 0 and 1, then per column
  /// (one, or one per state for a class without a line) b of 0 and 1, sigma of 0 and 1.
  std::vector<double> packed_;
  std::vector<std::size_t> packed_offset_;
  std::size_t packed_stride_ = 0;
  mutable std::vector<double> class_bounds_;  ///< per class: the bound of the current query
  mutable std::vector<double> class_floors_;  ///< per class: the responder's floor on u_j
  /// best_for_many's scratch: every veto responder's floor on its utility, [class * parties +
  /// party], and the open classes with their bounds.
  mutable std::vector<double> responder_floors_;
  mutable std::vector<std::pair<double, std::size_t>> open_classes_;
};

}  // namespace parley
