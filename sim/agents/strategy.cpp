#include "parley/agents/strategy.hpp"

#include <algorithm>

#include "parley/model/utility_tolerance.hpp"

namespace parley {

const char* to_string(AnswerReason reason) {
  switch (reason) {
    case AnswerReason::meets_demand: return "meets_demand";
    case AnswerReason::below_demand: return "below_demand";
    case AnswerReason::below_reservation: return "below_reservation";
    case AnswerReason::waiting_pays: return "waiting_pays";
    case AnswerReason::not_self_enforcing: return "not_self_enforcing";
    case AnswerReason::crosses_red_line: return "crosses_red_line";
    case AnswerReason::breaks_constraint: return "breaks_constraint";
  }
  return "?";
}

Answer answer_by_threshold(double utility, double demand, double reservation,
                           AnswerReason below_demand_reason) {
  Answer a;
  a.threshold = std::max(demand, reservation);
  // Ties go to acceptance (DESIGN 1.9): an offer worth the threshold up to rounding is accepted.
  a.accept = worth_at_least(utility, a.threshold);
  if (a.accept) a.reason = AnswerReason::meets_demand;
  else if (!worth_at_least(utility, reservation)) a.reason = AnswerReason::below_reservation;
  else a.reason = below_demand_reason;
  return a;
}

bool binds_below_reservation(const StrategyView& view, const Agreement& package) {
  if (!view.setting().is_veto(view.self())) return false;
  return !worth_at_least(view.scenario().utility(view.self(), package), view.reservation());
}

std::optional<SpacePoint> aspiration_offer(const StrategyView& view, double own_floor) {
  return view.space().best_for_others(view.self(), own_floor);
}

bool propose_at_aspiration(const StrategyView& view, double own_floor, Agreement& offer) {
  const auto point = aspiration_offer(view, own_floor);
  if (!point) return false;
  view.space().package_into(*point, offer);
  return true;
}

}  // namespace parley
