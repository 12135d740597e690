#pragma once
/// \file bargaining_equilibrium.hpp
/// The subgame-perfect Markov equilibrium of bargaining while fighting under complete
/// information, by backward induction over (period, front state) (DESIGN 1.7).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "parley/agreement/agreement_space.hpp"
#include "parley/battlefield/time_state_table.hpp"
#include "parley/model/between_talks.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/protocol_schedule.hpp"
#include "parley/model/scenario.hpp"
#include "parley/equilibrium/offer_space.hpp"
#include "parley/equilibrium/peace_offers.hpp"

namespace parley {

/// \brief How the solver decides what passes and what counts as a tie.
struct EquilibriumOptions {
  /// q: the number of veto parties whose acceptance makes an offer binding, the proposer
  /// counted among them. 0 (the default) means every veto party: unanimity, DESIGN 1.7's
  /// acceptance rule and the engine's. A quota q < (number of veto parties) is majority-style
  /// voting (Baron and Ferejohn 1989: q = (n + 1)/2): the proposer buys the q - 1 cheapest
  /// votes among the other veto parties.
  std::size_t quota = 0;
  // Ties are not an option: a proposer settles when its offer is worth_at_least its value of
  // fighting on, and coalitions whose offers are the same_utility to it are tied, with the one
  // tolerance of every utility comparison (utility_tolerance.hpp, DESIGN 1.9).
};

/// \brief What one proposer does at one (t, s) in equilibrium.
struct EquilibriumOffer {
  /// The offer's handle in the OfferSpace (AgreementSpace::package materialises it).
  SpacePoint point;
  /// Whether some agreement meets the floors of the responders whose votes are needed.
  bool feasible = false;
  /// Whether the proposer makes the offer (it is worth at least its own W_rho) and it passes.
  bool settles = false;
  /// Bit k set: the k-th veto party (BargainingEquilibrium::veto_parties()) is a responder
  /// whose vote the offer buys (its floor binds). Under unanimity: every veto party but the
  /// proposer.
  std::uint64_t coalition = 0;
  /// Under a quota, the number of coalitions equally cheap for the proposer (>= 1 when
  /// feasible). The proposer picks each with equal probability (the symmetric stationary
  /// equilibrium of Baron and Ferejohn 1989); this offer is the first in enumeration order,
  /// and the equilibrium values average over all of them.
  std::uint32_t tied_coalitions = 0;
};

/// \brief How the equilibrium plays out from the start, by forward propagation of the front's
/// distribution through the equilibrium policy (exact, no sampling).
///
/// With pi_0 the point mass on the start state: in a talk period t, mass q(t, s) pi_t(s)
/// settles, where q is the probability that the recognised proposer settles; the rest
/// fights, pi_{t+1}(s') = sum_s (1 - q(t, s)) pi_t(s) P_t(s, s'); mass entering an absorbing
/// state ends the war by collapse; what is interior at T freezes.
struct EquilibriumPath {
  double settled = 0.0;     ///< P(agreement before T)
  double collapse_a = 0.0;  ///< P(side A collapses first)
  double collapse_b = 0.0;  ///< P(side B collapses first)
  double frozen = 0.0;      ///< P(no agreement and no collapse by T)
  /// settled_at[t]: P(agreement at period t), t = 0..T-1.
  std::vector<double> settled_at;
  /// E[t | agreement], in periods; NaN when settled == 0.
  double expected_settlement_period = 0.0;
  /// E[periods fought]: t for an agreement at t, t + 1 for a collapse in period t, T when
  /// the front freezes.
  double expected_duration = 0.0;
  /// P(agreement on the mediator's plan): the part of `settled` struck on the plan's stage
  /// (BargainingEquilibrium::plan_stage); 0 without one.
  double settled_on_plan = 0.0;
};

/// \brief What the veto parties do with the mediator's plan at one (t, s) (issue 15).
enum class PlanVerdict : std::uint8_t {
  passes,              ///< enough veto parties get at least their value of rejecting it
  rejected,            ///< some veto party whose vote is needed gets less
  not_self_enforcing,  ///< under durability: a belligerent would renew the war from it (no peace)
};

/// \brief The subgame-perfect Markov equilibrium of a scenario under complete information.
///
/// Backward induction over (t, s) (DESIGN 1.7; Rubinstein 1982, Stahl 1972 for the finite
/// horizon; Baron and Ferejohn 1989 for random recognition; Slantchev 2003 and Powell 2004
/// for bargaining while fighting). For every party i (veto or not), in "utility at t" units
/// (a settlement on x at t is worth delta_i^t u_i(x) - C_i(t) from period 0, so dividing by
/// delta_i^t and adding back the sunk costs makes u_i(x) its value at t):
/// - at the horizon, V_i(T, s) = u_i(frozen(s)) (reservation_i without a battlefield);
/// - at an absorbing state, V_i(t, s) = u_i(collapse terms) for every t;
/// - for t < T the value of rejecting and fighting on is
///     W_i(t, s) = -c_i + delta_i sum_s' P_t(s, s') V_i(t + 1, s');
/// - in a period without talks, V_i(t, s) = W_i(t, s);
/// - in a talk period, the stages are solved from the last to the first. In a stage whose
///   offer failing leads to the continuation R (R = W after the last stage, the next stage's
///   value before it), proposer rho offers
///     x* = argmax u_rho(x)  s.t.  u_j(x) >= R_j(t, s) for every veto j != rho whose vote it
///     needs (every one under unanimity),
///   and settles when u_rho(x*) >= R_rho(t, s) (ties: responders accept, the proposer
///   settles; every ">=" here is worth_at_least, equality up to rounding, DESIGN 1.9); the stage is then worth u_i(x*) to everyone, otherwise R_i. With random
///   recognition it is worth the recognition-weighted mean over proposers. V_i(t, s) is the
///   first stage's value.
/// The battlefield is the scenario's true chain (complete information: beliefs play no role).
///
/// Proposers by protocol, from the ProtocolSchedule the engine's EpisodeRunner also follows:
/// - alternating: one stage, `order[k mod |order|]` in the k-th talk period (k counts talk
///   periods, not periods: with `every: 4` and order [a, b], a proposes at t = 0, 8, ... and
///   b at t = 4, 12, ...); an empty order means the veto parties in scenario order;
/// - random: one stage, every party with positive `recognition` (equal over `order` if it
///   is empty), which must have a veto;
/// - mediated: the mediator tables its package, then each party of `order` other than the
///   mediator counter-proposes in turn, each after the previous offer failed, all in the same
///   period: one stage per counter-proposer (so the last of them has the proposer's power:
///   the others can only offer what it would get).
///
/// The mediator's plan (issue 15). When the mediator plays `plan` and tables a proposal x_M,
/// the plan is the first stage of every mediated talk period: each veto party j compares it
/// with R_j(t, s), what the plan failing leads to (the first counter-stage's value, or W_j(t, s)
/// without counter-proposals), and the plan passes iff every veto party (under a quota, q of
/// them: the mediator has no vote) has u_j(x_M) >= R_j(t, s) (ties accept, DESIGN 1.9) and
/// x_M crosses none of its red lines; then
/// V_i(t, s) = u_i(x_M) for every party, else R_i(t, s). Under durability u_j(x_M) is the value
/// of the peace x_M makes, signed at (t, s), and a plan that is not self-enforcing there never
/// passes. So with `counter: false` a plan both sides prefer to fighting on passes at once, and
/// with counter-proposals it passes only where it is as good for every veto party as the
/// counter-offer that would follow (the first counter-proposer's best offer, which leaves the
/// other veto parties exactly their floors). The plan is the tabled package itself: a `plan`
/// mediator's drift toward the Nash package is behavioural (the engine's), not modelled here.
///
/// Between talks (issue 15; between_talks.hpp). Leverage measures in force while a veto party
/// rejects the plan, and offensives the belligerents choose, make the war after failed talks
/// depend on what was decided there: the state of the war between talks is (t, s, k), k the set
/// of measures in force and of pressers (BetweenTalksStates; k = 0: neither), and each k is a war
/// of its own (between_talks(k): A's advantage shifted and costs raised, W^k and V^k at periods
/// without talks, the counter-stages under the measures of k). Talks reset it: V(t, s) at a talk
/// period does not depend on k.
/// - Leverage. Each veto party j votes on the plan as if pivotal (the others accepting; weakly
///   undominated voting under unanimity): it accepts iff u_j(x_M) >= R^{j}_j(t, s), R^L the first
///   counter-stage's value (or the continuation without counter-proposals) of the war in which
///   only the measures L are in force, here j's. When the plan fails, the measures L* aimed at
///   the veto parties that voted no are in force, the counter-stages are those of the war under
///   L*, and V_i(t, s) = R^{L*}_i(t, s). A plan that breaks a constraint, or is not
///   self-enforcing, is rejected by every veto party, so every measure is then in force.
/// - Pressure. When talks fail, the belligerents with an offensive option (Party::pressure)
///   decide whether to press until the next talks, one after the other in veto order, each
///   knowing the earlier choices and anticipating the later ones (backward induction; ties: it
///   does not press): party p presses iff its continuation W^{L + P}_p(t, s) is higher with it
///   pressing. The continuation after failed talks under measures L is then W^{L + P*}, which the
///   counter-stages and the plan's votes weigh.
/// Needs unanimity and no closing hazard; leverage needs the plan stage.
///
/// A mediator playing another strategy tables packages the solver does not model: its stage is
/// skipped, and without counter-proposals such talk periods are periods without talks (the
/// values of declining every package: a lower bound for the veto parties).
///
/// Cost: O(T N (n + P Q)) for T periods, N states, n parties and P proposers per period, Q
/// the cost of one OfferSpace query (O(log vertices) on a two-party frontier; C(m, q - 1)
/// queries per proposer under a quota with m other veto parties).
class BargainingEquilibrium {
 public:
  /// \brief Solves the scenario's equilibrium with offers from `offers` (whose parties are the
  /// scenario's).
  ///
  /// \throws std::invalid_argument if the scenario has fewer than two veto parties or more
  /// than 64, offers.party_count() differs from the number of parties, a proposer with
  /// positive probability has no veto, the recognition probabilities do not sum to 1 (within
  /// 1e-9), or options.quota exceeds the number of veto parties.
  static BargainingEquilibrium solve(const Scenario& scenario, const OfferSpace& offers,
                                     const EquilibriumOptions& options = {});
  /// The same with the scenario's own agreements: AgreementSpaceOffers over `space`, which must
  /// outlive the equilibrium (package_into reads it), with two veto parties; with more,
  /// IntegerProgramOffers over the scenario (exact, issue 15), which the equilibrium keeps; or, when the scenario has a durability
  /// section, PeaceOffers (agreements valued by the peace they make, self-enforcing ones only;
  /// issue 14) with talks resumed after a breakdown (RenewedTalks::resumed: the renewed wars are
  /// solved jointly, renewed()), which the equilibrium keeps. Solving on a PeaceOffers through
  /// the first overload values a renewed war by its own RenewedTalks (none: fought to the end).
  /// \throws std::invalid_argument as above, and under durability without exactly two veto
  /// parties.
  static BargainingEquilibrium solve(const Scenario& scenario, const AgreementSpace& space,
                                     const EquilibriumOptions& options = {});

  /// The package of an offer's point (offer(t, s, k).point), from the offer space it was solved
  /// with. \throws std::logic_error when the equilibrium was solved on an OfferSpace reference
  /// (the first overload), whose lifetime it does not know.
  void package_into(const SpacePoint& point, Agreement& out) const;
  /// The same, allocating.
  [[nodiscard]] Agreement package(const SpacePoint& point) const;
  /// The peace-valued offers under durability (nullptr without a durability section): each
  /// offer's class (SpacePoint::part), its hazard and whether any agreement is self-enforcing.
  [[nodiscard]] const PeaceOffers* peace_offers() const { return peace_.get(); }

  /// \brief The war renewed after a breakdown under balance b (PeaceOffers::balance(b)), solved
  /// jointly with this one (DESIGN 1.10, issue 14).
  ///
  /// Under durability a peace may break; the war then resumes from the agreement's line under
  /// the post-settlement balance, and talks resume under the same protocol, so the values of
  /// a peace depend on the equilibrium of the renewed war, whose own agreements may break in
  /// turn. The regimes are the first war (this object) and one renewed war per balance; a
  /// breakdown leads from any regime to the balance of the agreement that broke. All are
  /// solved by one backward induction over t: at each t the continuation rows of every regime,
  /// then the peace coefficients of t (PeaceOffers::complete_period, from V^b(t + 1) and
  /// W^b(t)), then the talk rows of every regime. Each renewed war is a BargainingEquilibrium of
  /// its own (battlefield: renewed_battlefield with the balance's advantage shift; costs raised
  /// by its cost shifts; the same horizon, protocol and periods, t absolute), without a path
  /// (path() of a renewed war is empty). None without a durability section.
  [[nodiscard]] std::size_t renewed_count() const { return renewed_.size(); }
  [[nodiscard]] const BargainingEquilibrium& renewed(std::size_t b) const { return renewed_[b]; }
  /// The regime whose offers and values apply in a war under `balance`: this equilibrium for
  /// nullptr (the first war) or without durability, else renewed(PeaceOffers::balance_index).
  /// \throws std::logic_error for a balance no agreement makes.
  [[nodiscard]] const BargainingEquilibrium& regime(const PostSettlementBalance* balance) const;

  /// T.
  [[nodiscard]] int horizon() const { return horizon_; }
  /// N + 1 with a battlefield, 1 without (the single state 0).
  [[nodiscard]] int state_count() const { return state_count_; }
  /// s_0 (0 without a battlefield).
  [[nodiscard]] int start_state() const { return start_; }
  /// Number of parties.
  [[nodiscard]] std::size_t party_count() const { return parties_; }
  /// The veto parties, in scenario order (the bit order of EquilibriumOffer::coalition).
  [[nodiscard]] const std::vector<std::size_t>& veto_parties() const { return veto_; }
  /// Whether state s is absorbing (never without a battlefield).
  [[nodiscard]] bool absorbing(int s) const { return s <= collapse_a_ || s >= collapse_b_; }

  /// Whether period t (0 <= t < T) has talks.
  [[nodiscard]] bool talks(int t) const { return talk_index_[static_cast<std::size_t>(t)] >= 0; }
  /// The first talk period, or -1 if there is none before T.
  [[nodiscard]] int first_talk_period() const;
  /// Who may propose in period t, with what probability and at which stage, in the order of
  /// the stages (empty without talks). The k-th entry's offers are offer(t, s, k).
  [[nodiscard]] std::span<const Recognition> proposers(int t) const;
  /// Number of stages of talk period t (0 without talks).
  [[nodiscard]] std::size_t stage_count(int t) const;
  /// What party i gets at (t, s) if the offer of stage `stage` fails: the next stage's value,
  /// or W_i(t, s) after the last stage. A responder accepts that offer iff it is worth at
  /// least this much (the `equilibrium` strategy's acceptance threshold).
  [[nodiscard]] double rejection_value(int t, int s, std::size_t stage, std::size_t party) const;
  /// Party i's value at (t, s) at the start of stage `stage` (stage 0: V_i(t, s)).
  [[nodiscard]] double stage_value(int t, int s, std::size_t stage, std::size_t party) const {
    return stage_values_[party](stage_row(t, stage), s);
  }

  /// V_i(t, s), 0 <= t <= T: party i's equilibrium value at the start of period t.
  [[nodiscard]] double value(int t, int s, std::size_t party) const { return values_[party](t, s); }
  /// W_i(t, s), 0 <= t < T: party i's value of rejecting in period t and fighting on (what a
  /// responder must be offered; DESIGN 1.6's reservation value under complete information).
  [[nodiscard]] double continuation(int t, int s, std::size_t party) const { return continuation_[party](t, s); }
  /// The equilibrium offer of proposers(t)[k] at (t, s): t a talk period, s interior.
  [[nodiscard]] const EquilibriumOffer& offer(int t, int s, std::size_t k) const {
    return offers_[offer_slot(t, s, k)];
  }
  /// Every party's utility of offer(t, s, k) (party order), or W when it is infeasible.
  [[nodiscard]] std::span<const double> offer_utilities(int t, int s, std::size_t k) const {
    return {offer_utilities_.data() + offer_slot(t, s, k) * parties_, parties_};
  }
  /// The probability that talks at (t, s) end in agreement: the recognition probability of
  /// the proposers who settle (0 without talks or at an absorbing state).
  [[nodiscard]] double settlement_probability(int t, int s) const;

  /// The equilibrium's outcome distribution from the start.
  [[nodiscard]] const EquilibriumPath& path() const { return path_; }

  /// Whether mediated talk periods open with the mediator's plan as a stage (see the class
  /// comment): the protocol is `mediated` and the mediator plays `plan` with a proposal.
  [[nodiscard]] bool plan_stage() const { return plan_stage_; }
  /// The mediator (meaningful when plan_stage()).
  [[nodiscard]] std::size_t mediator() const { return mediator_; }
  /// The plan x_M (meaningful when plan_stage()).
  [[nodiscard]] const Agreement& plan() const { return plan_; }
  /// What the veto parties do with the plan at (t, s): t a talk period, s interior, plan_stage().
  [[nodiscard]] PlanVerdict plan_verdict(int t, int s) const { return plan_verdicts_[plan_cell(t, s)]; }
  /// The veto parties that reject the plan at (t, s): bit k for veto_parties()[k] (the bit order
  /// of EquilibriumOffer::coalition), set when the plan crosses its red line or is worth less to
  /// it than plan_rejection_value; 0 where the plan passes unanimously or makes no peace.
  [[nodiscard]] std::uint64_t plan_rejected_by(int t, int s) const { return plan_rejected_by_[plan_cell(t, s)]; }
  /// Whether the plan breaks a constraint between terms (then no one can sign it).
  [[nodiscard]] bool plan_breaks_constraint() const { return plan_breaks_constraint_; }
  /// Every party's value of the plan signed at (t, s), u_i(x_M) (under durability the value of
  /// the peace it makes); R_i(t, s) when it is not self-enforcing.
  [[nodiscard]] std::span<const double> plan_utilities(int t, int s) const {
    return {plan_utilities_.data() + plan_cell(t, s) * parties_, parties_};
  }
  /// What party i gets at (t, s) if the plan fails: R_i(t, s), the first counter-stage's value or
  /// W_i(t, s) without counter-proposals. Under leverage, for a veto party R^{i}_i(t, s), the
  /// plan failing on its own vote with its measures in force; for the others R^{L*}_i(t, s), the
  /// plan failing as it does in equilibrium. A veto party accepts a package of the mediator iff
  /// it is worth at least this much (the `equilibrium` strategy's threshold).
  [[nodiscard]] double plan_rejection_value(int t, int s, std::size_t party) const {
    return plan_rejection_[plan_cell(t, s) * parties_ + party];
  }

  /// Number of between-talks states, 2^(leverage targets + pressers) (1 without either).
  [[nodiscard]] std::size_t between_talks_count() const { return between_talks_states_.size(); }
  /// The mask of between-talks state k (between_talks.hpp: bit b, measures aimed at the b-th veto
  /// party in force; bit kPressingBit + b, it presses).
  [[nodiscard]] std::uint64_t between_talks_mask(std::size_t k) const { return between_talks_states_.mask(k); }
  /// The state of a mask (bits that cannot vary ignored): after the veto parties in `rejecters`
  /// rejected the plan and those in `pressing` press (bits as plan_rejected_by).
  [[nodiscard]] std::size_t between_talks_state(std::uint64_t rejecters, std::uint64_t pressing = 0) const {
    return between_talks_states_.index_of(rejecters | pressing << kPressingBit);
  }
  /// The war while between-talks state k holds (k = 0: this one): its values at periods without
  /// talks, its continuations W^k, and, for a state of measures only, the counter-stages of a talk
  /// period after the plan failed with them in force (offer, rejection_value, stage_value) and
  /// pressing(). Its values at talk periods are this war's.
  [[nodiscard]] const BargainingEquilibrium& between_talks(std::size_t k) const {
    return k == 0 ? *this : between_[k - 1];
  }
  /// The between-talks state in force after talks at (t, s) end without agreement (0 where the
  /// plan passes): the measures aimed at the veto parties that reject the plan, and the
  /// belligerents that then press. The offers of this war at (t, s) are that state's counter-stages.
  [[nodiscard]] std::size_t after_talks(int t, int s) const {
    return after_talks_.empty() ? 0 : after_talks_[plan_cell(t, s)];
  }
  /// Who presses (bits as plan_rejected_by) if the talks at (t, s) fail with this war's measures in
  /// force (0 without pressers).
  [[nodiscard]] std::uint64_t pressing(int t, int s) const {
    return pressing_.empty() ? 0 : between_talks_states_.mask(pressing_[plan_cell(t, s)]) >> kPressingBit;
  }

 private:
  BargainingEquilibrium() = default;
  [[nodiscard]] std::size_t stride() const { return static_cast<std::size_t>(state_count_); }
  /// The row of stage_values_ that holds stage g of talk period t.
  [[nodiscard]] int stage_row(int t, std::size_t g) const {
    return static_cast<int>(static_cast<std::size_t>(talk_index_[static_cast<std::size_t>(t)]) * max_stages_ + g);
  }
  [[nodiscard]] std::size_t plan_cell(int t, int s) const {
    return static_cast<std::size_t>(talk_index_[static_cast<std::size_t>(t)]) * stride() + static_cast<std::size_t>(s);
  }
  /// Keeps what package_into and peace_offers read, in this war, the renewed ones and the
  /// between-talks ones.
  void keep_offer_space(const std::shared_ptr<const OfferSpace>& offers, const std::shared_ptr<const PeaceOffers>& peace);
  /// P(agreement in the counter-stages of talks at (t, s)), the plan aside.
  [[nodiscard]] double counter_settlement_probability(int t, int s) const;
  [[nodiscard]] std::size_t offer_slot(int t, int s, std::size_t k) const {
    return (static_cast<std::size_t>(talk_index_[static_cast<std::size_t>(t)]) * stride() +
            static_cast<std::size_t>(s)) * max_proposers_ + k;
  }

  friend class EquilibriumSolver;

  int horizon_ = 0;
  int state_count_ = 1;
  int start_ = 0;
  int collapse_a_ = -1;
  int collapse_b_ = 1;
  std::size_t parties_ = 0;
  std::vector<std::size_t> veto_;
  std::vector<int> talk_index_;                       ///< per period: index among talk periods, or -1
  std::vector<std::vector<Recognition>> proposers_;   ///< per talk period, by stage
  std::vector<std::size_t> stages_;                   ///< per talk period
  std::size_t max_proposers_ = 0;
  std::size_t max_stages_ = 0;
  std::vector<TimeStateTable> values_;        ///< per party: (T + 1) x states
  std::vector<TimeStateTable> continuation_;  ///< per party: T x states
  /// per party: (talk periods x max_stages) x states, row stage_row(t, g)
  std::vector<TimeStateTable> stage_values_;
  std::vector<EquilibriumOffer> offers_;  ///< talk periods x states x max_proposers
  std::vector<double> offer_utilities_;   ///< one row of `parties` per offer
  EquilibriumPath path_;
  bool plan_stage_ = false;
  std::size_t mediator_ = 0;
  Agreement plan_;
  std::vector<PlanVerdict> plan_verdicts_;  ///< talk periods x states
  std::vector<std::uint64_t> plan_rejected_by_;  ///< talk periods x states, a veto-party mask
  bool plan_breaks_constraint_ = false;
  std::uint64_t plan_red_lines_ = 0;  ///< veto parties (bits as plan_rejected_by) whose red line the plan crosses
  std::vector<double> plan_utilities_;      ///< one row of `parties` per (talk period, state)
  std::vector<double> plan_rejection_;      ///< plan_rejection_value, one row of `parties` per (talk period, state)
  BetweenTalksStates between_talks_states_;
  std::vector<std::uint16_t> after_talks_;  ///< talk periods x states: the state after failed talks
  std::vector<std::uint16_t> pressing_;     ///< talk periods x states: this war's measures and who presses
  std::vector<BargainingEquilibrium> between_;  ///< per between-talks state k >= 1, at k - 1
  /// What package_into materialises from (null after the OfferSpace overload).
  std::shared_ptr<const OfferSpace> offer_space_;
  std::shared_ptr<const PeaceOffers> peace_;
  std::vector<BargainingEquilibrium> renewed_;  ///< per balance of peace_ (durability only)
};

}  // namespace parley
