#pragma once
// A minimal scenario around a battlefield, for exact checks: one continuous issue, side A's
// share of the contested territory in [0, 1], linked to the front; party "a" (side A) values
// it increasing, party "b" (side B) decreasing. A's collapse gives B everything (share 0),
// B's collapse gives A everything (share 1), so u_a(frozen(s)) = s / N, u_a(collapse of A) = 0,
// u_a(collapse of B) = 1, and u_b = 1 - u_a.

#include "../support/scenario_builder.hpp"
#include "parley/model/scenario.hpp"

namespace parley::testing {

struct FrontParty {
  double cost = 0.0;
  double discount = 1.0;
  BeliefSpec belief{};
};

inline Scenario front_scenario(const BattlefieldParams& battlefield, int horizon,
                               const FrontParty& a = {}, const FrontParty& b = {}) {
  return ScenarioBuilder("front")
      .horizon(horizon)
      .continuous("territory").linked_to_front().status_quo(0.5)
      .belligerent("a").cost(a.cost).discount(a.discount).belief(a.belief)
          .weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .belligerent("b").cost(b.cost).discount(b.discount).belief(b.belief)
          .weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
      .battlefield(battlefield).sides("a", "b")
      .collapse_amounts({0.0}, {1.0})
      .build();
}

// A battlefield with a constant advantage whose collapse thresholds may lie inside 0..n
// (collapse_b < 0: at n).
inline BattlefieldParams constant_front(int n, int start, double tempo, double advantage,
                                        int collapse_a = 0, int collapse_b = -1) {
  BattlefieldParams bf = front(n, start, tempo, advantage);
  bf.collapse_a = collapse_a;
  bf.collapse_b = collapse_b < 0 ? n : collapse_b;
  return bf;
}

}  // namespace parley::testing
