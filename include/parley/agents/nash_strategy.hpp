#pragma once
/// \file nash_strategy.hpp
/// The mediator's `nash` built-in (DESIGN 1.6; Nash 1950).

#include "parley/agents/nash_target.hpp"
#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief Proposes the Nash bargaining package of its estimates at every round.
///
/// The disagreement point is the veto parties' reservation values r_j(t, s) (NashTarget), so
/// the package follows the front and the beliefs. It passes when the zone of possible
/// agreement is empty (no package is better than war for every veto party). As a mediator
/// it has no veto; given one, it accepts any offer worth at least its reservation value.
/// (The Nash package gives every veto party at least its reservation value, so a veto party
/// playing `nash` never binds itself below it.)
class NashStrategy final : public Strategy {
 public:
  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;

 private:
  NashTarget nash_;
};

}  // namespace parley
