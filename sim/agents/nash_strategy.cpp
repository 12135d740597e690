#include "parley/agents/nash_strategy.hpp"

#include "parley/agents/strategy_registry.hpp"

namespace parley {

bool NashStrategy::propose(const StrategyView& view, Agreement& offer) {
  const Agreement* target = nash_.find(view);
  if (!target) return false;
  offer.amounts = target->amounts;
  offer.clauses = target->clauses;
  return !binds_below_reservation(view, offer);
}

Answer NashStrategy::respond(const StrategyView& view, const Offer& offer) {
  return answer_by_threshold(offer.utilities[view.self()], view.reservation(), view.reservation());
}

double NashStrategy::aspiration(const StrategyView& view) const { return view.reservation(); }

namespace {

StrategyMaker prepare_nash(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return copies_of(NashStrategy());
}

}  // namespace

PARLEY_REGISTER_STRATEGY(nash, 100,
                         {"nash", false, true, "proposes the Nash bargaining package of its estimates",
                          "Nash (1950), Econometrica 18(2)", {}},
                         &prepare_nash);

}  // namespace parley
