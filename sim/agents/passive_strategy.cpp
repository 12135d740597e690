#include "parley/agents/passive_strategy.hpp"

#include "parley/agents/strategy_registry.hpp"

namespace parley {

bool PassiveStrategy::propose(const StrategyView&, Agreement&) { return false; }

Answer PassiveStrategy::respond(const StrategyView& view, const Offer& offer) {
  return answer_by_threshold(offer.utilities[view.self()], view.reservation(), view.reservation());
}

double PassiveStrategy::aspiration(const StrategyView& view) const { return view.reservation(); }

namespace {

StrategyMaker prepare_none(const BargainingSetting&, std::size_t, const StrategySpec&) {
  return copies_of(PassiveStrategy());
}

}  // namespace

// Last in every listing, and not in the scenario format's catalog: a scenario names it only
// by leaving `strategy` out.
PARLEY_REGISTER_STRATEGY(none, 110,
                         {"none", true, true, "never proposes; accepts any offer worth at least its reservation value",
                          "the format's default for guarantors and observers", {}, false},
                         &prepare_none);

}  // namespace parley
