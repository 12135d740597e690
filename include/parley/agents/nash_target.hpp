#pragma once
/// \file nash_target.hpp
/// The Nash bargaining package of a mediator's estimates, as the mediator strategies use it
/// (DESIGN 1.6, 1.8).

#include <cstdint>
#include <vector>

#include "parley/agents/strategy_view.hpp"
#include "parley/model/agreement.hpp"

namespace parley {

/// \brief The Nash package at the current state: argmax prod_j (u_j(x) - r_j(t, s)) over the
/// veto parties j, with the disagreement point their reservation values r_j(t, s) (each
/// party's value of fighting on under its own belief; nash_solution, Nash 1950).
///
/// A mediator proposes it every round, so it is cached: when the setting's beliefs are
/// static, r(t, s) depends on (t, s) alone and each (t, s) is solved once per instance (the
/// cache lives in the instance, so threads never share it; no allocation once the states an
/// episode visits have been seen). With learning beliefs, or in a war renewed after a peace
/// broke (DESIGN 1.10), it is solved afresh each time.
/// An instance serves one setting.
class NashTarget {
 public:
  /// The package for the view's state, or nullptr if the zone of possible agreement is
  /// empty there (no agreement gives every veto party its reservation value). The pointer
  /// stays valid until the next call.
  const Agreement* find(const StrategyView& view);

 private:
  static constexpr std::int32_t unknown = -1;
  static constexpr std::int32_t empty_zone = -2;
  std::vector<std::int32_t> slot_;   ///< per (t, s): index into packages_, or a marker
  std::vector<Agreement> packages_;
  Agreement fresh_;                  ///< the last package solved without caching
};

}  // namespace parley
