#pragma once
// What the meta-game tests share: a small war to play meta-games on.

#include "../agents/test_scenarios.hpp"

namespace parley::testing {

// A war over a territory linked to the front, where a collapse is not total (the loser keeps
// 0.2) and costs are small, so neither side's value of fighting on ever falls to 0: a side
// playing `hardline` (it accepts only its ideal, all of the territory) never settles with
// anyone, and the war is fought to the end. Talks every other period.
inline Scenario partial_collapse_war() {
  BattlefieldParams bf = front(8, 4, 0.5, 0.15);
  Scenario sc = war_scenario(bf, 30, {0.002, 0.99}, {0.003, 0.995});
  sc.collapse_a_terms.amounts = {0.2};
  sc.collapse_b_terms.amounts = {0.8};
  sc.protocol.every = 2;
  return sc;
}

}  // namespace parley::testing
