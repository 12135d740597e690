#include "parley/agents/contingent_strategy.hpp"

#include <algorithm>
#include <stdexcept>

#include "parley/agents/strategy_registry.hpp"

namespace parley {

std::optional<double> attainable_utility(const StrategyView& view) {
  const auto point = view.space().best_for(view.self(), view.reservations());
  if (!point) return std::nullopt;
  return view.space().utility(*point, view.self());
}

ContingentStrategy::ContingentStrategy(double beta) : beta_(beta) {
  if (!(beta >= 0.0 && beta <= 1.0)) throw std::invalid_argument("contingent strategy: beta must be in [0, 1]");
}

double ContingentStrategy::demand(const StrategyView& view, double beta) {
  const double r = view.reservation();
  const auto attainable = attainable_utility(view);
  const double surplus = attainable ? std::max(0.0, *attainable - r) : 0.0;
  return r + beta * surplus;
}

double ContingentStrategy::aspiration(const StrategyView& view) const { return demand(view, beta_); }

bool ContingentStrategy::propose(const StrategyView& view, Agreement& offer) {
  return propose_at_aspiration(view, demand(view, beta_), offer);
}

Answer ContingentStrategy::respond(const StrategyView& view, const Offer& offer) {
  return answer_by_threshold(offer.utilities[view.self()], demand(view, beta_), view.reservation());
}

namespace {

StrategyMaker prepare_contingent(const BargainingSetting&, std::size_t, const StrategySpec& spec) {
  return copies_of(ContingentStrategy(spec.params.at("beta")));
}

}  // namespace

PARLEY_REGISTER_STRATEGY(
    contingent, 50,
    {"contingent", true, false,
     "demands track the front: its reservation value plus a share beta of the surplus it believes exists",
     "Slantchev (2003), APSR 97(4); Smith and Stam (2004), JCR 48(6)",
     {{"beta", 0.5, 0.0, 1.0, "share of the believed surplus demanded on top of the reservation value"}}},
    &prepare_contingent);

}  // namespace parley
