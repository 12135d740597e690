#include "parley/agents/equilibrium_strategy.hpp"

#include <algorithm>
#include <utility>

#include "parley/model/utility_tolerance.hpp"

namespace parley {

EquilibriumStrategy::EquilibriumStrategy(std::shared_ptr<const BargainingEquilibrium> equilibrium, std::size_t party)
    : equilibrium_(std::move(equilibrium)), party_(party) {}

int EquilibriumStrategy::proposal_slot(int t, std::size_t proposer, std::size_t earlier) const {
  // The proposer's stages in this period, in order; its n-th offer of the period is made at
  // its n-th stage (one stage per occurrence in the mediated protocol's order).
  const auto who = equilibrium_->proposers(t);
  int last = -1;
  std::size_t seen = 0;
  for (std::size_t k = 0; k < who.size(); ++k) {
    if (who[k].party != proposer) continue;
    if (seen == earlier) return static_cast<int>(k);
    // Under random recognition a party has one entry, whatever it proposed before.
    last = static_cast<int>(k);
    ++seen;
  }
  return last;
}

namespace {

/// Offers `proposer` made in period t before the offer at `end` of the history.
std::size_t earlier_offers(std::span<const Offer> history, std::size_t end, int t, std::size_t proposer) {
  return static_cast<std::size_t>(std::count_if(history.begin(), history.begin() + static_cast<std::ptrdiff_t>(end),
                                                [&](const Offer& o) { return o.period == t && o.proposer == proposer; }));
}

}  // namespace

bool EquilibriumStrategy::propose(const StrategyView& view, Agreement& offer) {
  // The war in progress: the first, or one renewed under a post-settlement balance; its
  // counter-stages are those of the war with the measures the plan's rejecters put in force
  // (issue 15; leverage state 0 without leverage).
  const BargainingEquilibrium& war = equilibrium_->regime(view.state().balance);
  const BargainingEquilibrium& eq = war.between_talks(war.between_talks_state(view.state().leverage));
  const int t = view.period();
  const int s = view.front();
  if (t >= eq.horizon() || !eq.talks(t)) return false;
  const auto history = view.history();
  const int k = proposal_slot(t, party_, earlier_offers(history, history.size(), t, party_));
  if (k < 0) return false;
  const EquilibriumOffer& planned = eq.offer(t, s, static_cast<std::size_t>(k));
  if (!planned.settles) return false;
  const double own = eq.offer_utilities(t, s, static_cast<std::size_t>(k))[party_];
  // Its own offer binds it; under leverage the solver's values of failing talks may lie below the
  // war fought to the end (the measures make rejecting costly), so the solver's word decides.
  if (war.between_talks_count() == 1 && !worth_at_least(own, view.reservation())) return false;
  eq.package_into(planned.point, offer);
  return true;
}

Answer EquilibriumStrategy::respond(const StrategyView& view, const Offer& offer) {
  const BargainingEquilibrium& eq = equilibrium_->regime(view.state().balance);
  const int t = view.period();
  const int s = view.front();
  double threshold = eq.value(t, s, party_);  // a package outside the solver's stages
  if (eq.talks(t) && eq.plan_stage() && offer.proposer == eq.mediator()) {
    // The mediator's package (its plan, or the plan as its strategy has moved it): accepted iff
    // it is worth what the plan failing leads to (BargainingEquilibrium, issue 15).
    threshold = eq.plan_rejection_value(t, s, party_);
  } else if (eq.talks(t)) {
    const auto history = view.history();
    const std::size_t position = history.empty() ? 0 : history.size() - 1;  // the offer is the last entry
    const int k = proposal_slot(t, offer.proposer, earlier_offers(history, position, t, offer.proposer));
    // A counter-proposal after the plan failed: the war with the measures its rejecters put in force.
    const BargainingEquilibrium& counters = eq.between_talks(eq.between_talks_state(view.state().leverage));
    if (k >= 0)
      threshold = counters.rejection_value(t, s, eq.proposers(t)[static_cast<std::size_t>(k)].stage, party_);
  }
  // Under leverage the solver's thresholds may lie below the war fought to the end (the measures
  // make rejecting costly): the view's reservation, which knows nothing of them, does not bound
  // them (issue 15).
  const double reservation = eq.between_talks_count() > 1 ? std::min(threshold, view.reservation()) : view.reservation();
  // Under durability the solver's thresholds are values of peace, so the offer is weighed by
  // the peace it would make (issue 14), not by u_i.
  const PeaceOffers* peace = eq.peace_offers();
  if (!peace) return answer_by_threshold(offer.utilities[party_], threshold, reservation);
  const auto c = peace->self_enforcing_class(offer.package, t, s);
  if (!c) {
    // The solver's equilibrium is over self-enforcing agreements (Powell 2006): one that a
    // belligerent would break is no peace, and signing it would only move the front.
    Answer no;
    no.threshold = threshold;
    no.reason = AnswerReason::not_self_enforcing;
    return no;
  }
  return answer_by_threshold(peace->value_in_class(*c, offer.package, t, s, party_), threshold, reservation);
}

bool EquilibriumStrategy::press(const StrategyView& view) {
  const BargainingEquilibrium& war = equilibrium_->regime(view.state().balance);
  const int t = view.period();
  if (t >= war.horizon() || !war.talks(t)) return false;
  const auto& veto = war.veto_parties();
  const auto b = static_cast<std::size_t>(std::find(veto.begin(), veto.end(), party_) - veto.begin());
  if (b == veto.size()) return false;
  const BargainingEquilibrium& measures = war.between_talks(war.between_talks_state(view.state().leverage));
  return (measures.pressing(t, view.front()) >> b & 1U) != 0;
}

double EquilibriumStrategy::aspiration(const StrategyView& view) const {
  const BargainingEquilibrium& eq = equilibrium_->regime(view.state().balance);
  return std::max(eq.value(view.period(), view.front(), party_), view.reservation());
}

StrategyMaker prepare_equilibrium_strategy(const BargainingSetting& setting, std::size_t party, const StrategySpec&) {
  return copies_of(EquilibriumStrategy(setting.equilibrium(), party));
}

PARLEY_REGISTER_STRATEGY(equilibrium, 80,
                         {"equilibrium", true, false,
                          "plays the subgame-perfect Markov equilibrium policy under complete information",
                          "Rubinstein (1982); Slantchev (2003); Powell (2004)", {}},
                         &prepare_equilibrium_strategy);

}  // namespace parley
