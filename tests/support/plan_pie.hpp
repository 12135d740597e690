#pragma once
// Rubinstein's pie with a mediator tabling a plan (issue 15): the hand-computable game of the
// mediator's plan and leverage tests.

#include "scenario_builder.hpp"

namespace parley::testing {

/// Rubinstein's pie (u1 = x, u2 = 1 - x; reservations r1, r2 at the deadline, no cost) with a
/// mediator (party 2, no veto, valuing the pie as player 1 does) who plays `plan` and tables the
/// split x = `plan_share`; talks every period, counter-proposals by player 1 then player 2 when
/// `counter`. A builder, for tests that change the talk periods.
inline ScenarioBuilder plan_pie_builder(int horizon, double d1, double d2, double plan_share, bool counter,
                                        double r1 = 0.0, double r2 = 0.0) {
  ScenarioBuilder s("plan-pie");
  s.horizon(horizon)
      .continuous("pie")
      .belligerent("player1").discount(d1).weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0)).reservation(r1)
      .belligerent("player2").discount(d2).weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).reservation(r2)
      .mediator("mediator").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .strategy(strategy("plan")).proposal(Agreement{{plan_share}, {}})
      .mediated(2, {0, 1}, counter);
  return s;
}

/// The same, built.
inline Scenario plan_pie(int horizon, double d1, double d2, double plan_share, bool counter, double r1 = 0.0,
                         double r2 = 0.0) {
  return plan_pie_builder(horizon, d1, d2, plan_share, counter, r1, r2).build();
}

}  // namespace parley::testing
