#pragma once
/// \file strategy.hpp
/// The strategy interface: how a party proposes and answers (DESIGN 1.6). Small on purpose,
/// like OpenSpiel's Bot: every built-in is one class behind it, looked up by name in the
/// registry (strategy_registry.hpp).

#include <optional>

#include "parley/agents/offer.hpp"
#include "parley/agents/strategy_view.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley {

/// Why a party answered as it did (for `parley run --trace`).
enum class AnswerReason {
  meets_demand,       ///< worth at least what it demands now
  below_demand,       ///< worth at least its reservation value but less than its demand
  below_reservation,  ///< worth less than rejecting and fighting on, r_i(t, s)
  waiting_pays,       ///< worth less than what it expects to get by waiting (stall)
  not_self_enforcing, ///< a belligerent would renew the war at will: not a peace (DESIGN 1.10)
  crosses_red_line,   ///< it crosses one of the party's red lines: never, at any price (issue 15)
  breaks_constraint,  ///< it breaks a constraint between terms: no party can sign it (issue 15)
};
const char* to_string(AnswerReason reason);

/// \brief An answer to an offer: accept or reject, the utility it required, and why.
struct Answer {
  bool accept = false;
  double threshold = 0.0;  ///< the least utility it would have accepted
  AnswerReason reason = AnswerReason::below_reservation;
};

/// \brief Accepts iff worth_at_least(`utility`, max(`demand`, `reservation`)).
///
/// The one acceptance rule of every built-in: whatever a strategy demands, it never takes
/// less than its reservation value r_i(t, s) (rejecting and fighting on is worth that much, so
/// accepting less would be dominated). Ties go to acceptance (DESIGN 1.9): an offer worth the
/// threshold up to rounding (a utility returned by an agreement-space query and the same
/// package evaluated by Scenario::utility, 0.9 x 0.2 against 0.18) is accepted.
/// `below_demand_reason` is the reason given when the demand, not the reservation, binds.
[[nodiscard]] Answer answer_by_threshold(double utility, double demand, double reservation,
                                         AnswerReason below_demand_reason = AnswerReason::below_demand);

/// Whether proposing `package` would bind the view's party to less than its reservation
/// value: true iff the party has a veto and !worth_at_least(u_i(package), r_i(t, s)). A
/// veto party's own proposal binds it, so strategies that table fixed packages (the mediator
/// ones, if a scenario gives them to a veto party) pass instead.
[[nodiscard]] bool binds_below_reservation(const StrategyView& view, const Agreement& package);

/// \brief The aspiration offer: the package that gives the view's party i at least
/// `own_floor` and the other veto parties the most,
///   x* = argmax { u_j(x) : u_i(x) >= own_floor } with two veto parties (j the other one),
///   x* = argmax { sum_{j veto, j != i} u_j(x) : u_i(x) >= own_floor } with more
/// (AgreementSpace::best_for_others: the trade-off offer of Faratin, Sierra and Jennings
/// 1998). nullopt if no agreement is worth `own_floor` to i. Every aspiration-driven built-in
/// proposes it, and `linear` and its kin also price their own next offer with it.
[[nodiscard]] std::optional<SpacePoint> aspiration_offer(const StrategyView& view, double own_floor);

/// Writes the aspiration offer at `own_floor` (aspiration_offer) into `offer` and returns
/// true; false (offer untouched) if no agreement is worth `own_floor` to the view's party.
bool propose_at_aspiration(const StrategyView& view, double own_floor, Agreement& offer);

/// \brief A party's behaviour in the talks.
///
/// One instance plays one party in one episode at a time (an EpisodeRunner owns one per
/// party, so instances are never shared between threads); reset() starts a new episode.
/// Contract, checked for every registered strategy by the conformance tests:
/// - propose() writes a legal package (every issue in its domain, on its grid if it has
///   `steps`) or passes; a veto party never proposes a package worth less to itself than
///   r_i(t, s) beyond rounding (worth_at_least), since its own proposal binds it;
/// - respond() never accepts an offer worth less than r_i(t, s) beyond rounding (except the
///   `equilibrium` strategy where leverage or pressure make its solver's values of failing talks
///   lie below the war fought to the end, which r_i is: issue 15);
/// - both are deterministic functions of the view and of the episode's earlier decisions.
class Strategy {
 public:
  virtual ~Strategy() = default;

  /// Forgets everything about the previous episode.
  virtual void reset() {}

  /// Proposes: writes a package into `offer` (whose storage it may reuse) and returns true,
  /// or returns false to make no offer this time.
  virtual bool propose(const StrategyView& view, Agreement& offer) = 0;

  /// Answers `offer` (the last entry of view.history()).
  virtual Answer respond(const StrategyView& view, const Offer& offer) = 0;

  /// The utility it currently demands (its aspiration), for reports; at least r_i(t, s).
  [[nodiscard]] virtual double aspiration(const StrategyView& view) const = 0;

  /// Whether it presses (its Party::pressure, issue 15) in the periods until the next talks:
  /// asked when talks end without agreement, of a veto party with an offensive option. The
  /// default never presses.
  virtual bool press(const StrategyView& view) {
    static_cast<void>(view);
    return false;
  }
};

}  // namespace parley
