#pragma once
/// \file passive_strategy.hpp
/// The strategy `none`: a party that never proposes (the format's default for guarantors and
/// observers, DESIGN 1.3).

#include "parley/agents/strategy.hpp"

namespace parley {

/// \brief Never proposes; if it has a veto, accepts exactly the offers worth at least its
/// reservation value r_i(t, s) (it prefers any such settlement to fighting on).
class PassiveStrategy final : public Strategy {
 public:
  bool propose(const StrategyView& view, Agreement& offer) override;
  Answer respond(const StrategyView& view, const Offer& offer) override;
  [[nodiscard]] double aspiration(const StrategyView& view) const override;
};

}  // namespace parley
