#pragma once
// A minimal scenario around a battlefield, for exact checks: one continuous issue, side A's
// share of the contested territory in [0, 1], linked to the front; party "a" (side A) values
// it increasing, party "b" (side B) decreasing. A's collapse gives B everything (share 0),
// B's collapse gives A everything (share 1), so u_a(frozen(s)) = s / N, u_a(collapse of A) = 0,
// u_a(collapse of B) = 1, and u_b = 1 - u_a.

#include <utility>

#include "parley/model/scenario.hpp"

namespace parley::testing {

struct FrontParty {
  double cost = 0.0;
  double discount = 1.0;
  BeliefSpec belief{};
};

inline Scenario front_scenario(const BattlefieldParams& battlefield, int horizon,
                               const FrontParty& a = {}, const FrontParty& b = {}) {
  Scenario s;
  s.id = "front";
  s.horizon = horizon;
  Issue territory;
  territory.id = "territory";
  territory.kind = IssueKind::continuous;
  territory.linked_to_front = true;
  territory.status_quo = 0.5;
  s.issues = {territory};
  const auto party = [](const char* id, const FrontParty& spec, PiecewiseLinear curve) {
    Party p;
    p.id = id;
    p.cost = spec.cost;
    p.discount = spec.discount;
    p.belief = spec.belief;
    p.weights = {1.0};
    p.values.resize(1);
    p.values[0].curve = std::move(curve);
    return p;
  };
  s.parties = {party("a", a, PiecewiseLinear::increasing(0.0, 1.0)),
               party("b", b, PiecewiseLinear::decreasing(0.0, 1.0))};
  s.battlefield = battlefield;
  s.battlefield->side_a = "a";
  s.battlefield->side_b = "b";
  s.collapse_a_terms.amounts = {0.0};
  s.collapse_b_terms.amounts = {1.0};
  s.finalize();
  return s;
}

// A battlefield with a constant advantage.
inline BattlefieldParams constant_front(int n, int start, double tempo, double advantage,
                                        int collapse_a = 0, int collapse_b = -1) {
  BattlefieldParams bf;
  bf.states = n;
  bf.start = start;
  bf.collapse_a = collapse_a;
  bf.collapse_b = collapse_b < 0 ? n : collapse_b;
  bf.tempo = tempo;
  bf.advantage.kind = AdvantageSchedule::Kind::constant;
  bf.advantage.a0 = advantage;
  return bf;
}

}  // namespace parley::testing
