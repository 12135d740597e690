#include "parley/agents/passive_strategy.hpp"

namespace parley {

bool PassiveStrategy::propose(const StrategyView&, Agreement&) { return false; }

Answer PassiveStrategy::respond(const StrategyView& view, const Offer& offer) {
  return answer_by_threshold(offer.utilities[view.self()], view.reservation(), view.reservation());
}

double PassiveStrategy::aspiration(const StrategyView& view) const { return view.reservation(); }

const StrategyInfo& PassiveStrategy::info() {
  static const StrategyInfo none{"none", true, true,
                                 "never proposes; accepts any offer worth at least its reservation value",
                                 "the format's default for guarantors and observers", {}};
  return none;
}

}  // namespace parley
