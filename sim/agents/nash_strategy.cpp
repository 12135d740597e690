#include "parley/agents/nash_strategy.hpp"

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

}  // namespace parley
