// What an agreement's terms make of the peace after it (issue 14): which mechanisms it
// contains, its breakdown hazard, the balance and the line of a renewed war.
#include <catch2/catch.hpp>

#include "parley/model/post_settlement.hpp"
#include "../support/scenario_builder.hpp"

namespace {

parley::Scenario mechanisms_scenario() {
  using parley::testing::ScenarioBuilder;
  parley::Scenario s = ScenarioBuilder("mechanisms")
                           .horizon(10)
                           .continuous("territory", 0.0, 0.5).linked_to_front().status_quo(0.25)
                           .ordinal("guarantee", {"none", "coalition", "article5"})
                           .clauses("plan", 3)
                           .belligerent("a").weights({1.0, 0.0, 0.0})
                           .belligerent("b").weights({1.0, 0.0, 0.0})
                           .front(8, 4, 0.5, 0.0).sides("a", "b")
                           .alternating({0, 1})
                           .build();
  parley::DurabilityParams d;
  d.base_hazard = 0.5;
  using parley::testing::durability_term;
  const auto article5 = durability_term(1, 2, -1, 0.2, -0.25, {0.0, 0.003});
  const auto buffer = durability_term(2, -1, 1, 0.5, 0.1);
  const auto provocation = durability_term(2, -1, 2, 5.0);  // a clause that makes breakdown likelier
  d.terms = {article5, buffer, provocation};
  s.durability = d;
  return s;
}

parley::Agreement agreement(double territory, int guarantee, std::vector<std::uint8_t> clauses) {
  parley::Agreement x;
  x.amounts = {territory, static_cast<double>(guarantee), 0.0};
  x.clauses = std::move(clauses);
  return x;
}

}  // namespace

TEST_CASE("post-settlement: the hazard multiplies the base by every mechanism contained, at most 1",
          "[model][durability]") {
  const parley::Scenario s = mechanisms_scenario();
  CHECK(parley::breakdown_hazard(s, agreement(0.1, 0, {0, 0, 0})) == 0.5);
  CHECK(parley::breakdown_hazard(s, agreement(0.1, 2, {0, 0, 0})) == Approx(0.1).margin(1e-15));
  CHECK(parley::breakdown_hazard(s, agreement(0.1, 2, {1, 1, 0})) == Approx(0.05).margin(1e-15));
  CHECK(parley::breakdown_hazard(s, agreement(0.1, 1, {0, 0, 1})) == 1.0);  // 0.5 * 5 capped
  CHECK(parley::contains_term(s, s.durability->terms[1], agreement(0.1, 0, {0, 1, 0})));
  CHECK_FALSE(parley::contains_term(s, s.durability->terms[0], agreement(0.1, 1, {0, 1, 0})));
  parley::Scenario final_settlements = s;
  final_settlements.durability.reset();
  CHECK(parley::breakdown_hazard(final_settlements, agreement(0.1, 2, {1, 1, 1})) == 0.0);
}

TEST_CASE("post-settlement: the balance sums the mechanisms' shifts, and the line is the agreement's",
          "[model][durability]") {
  const parley::Scenario s = mechanisms_scenario();
  const auto balance = parley::post_settlement_balance(s, agreement(0.1, 2, {0, 1, 0}));
  CHECK(balance.advantage_shift == Approx(-0.15).margin(1e-15));
  CHECK(balance.cost_shift == std::vector<double>{0.0, 0.003});
  CHECK(parley::post_settlement_balance(s, agreement(0.1, 0, {0, 0, 0})).cost_shift == std::vector<double>{0.0, 0.0});
  // Territory 0.1 of [0, 0.5] on a front of 8 states: round(8 * 0.2) = 2, whatever the front.
  CHECK(parley::renewal_line(s, agreement(0.1, 0, {0, 0, 0}), 7) == 2);
  CHECK(parley::renewal_line(s, agreement(0.5, 0, {0, 0, 0}), 0) == 8);
  // No issue linked to the front: the war resumes where the front stood.
  parley::Scenario unlinked = s;
  unlinked.issues[0].linked_to_front = false;
  CHECK(parley::renewal_line(unlinked, agreement(0.1, 0, {0, 0, 0}), 7) == 7);
  // The renewed war's battlefield: the scenario's unless the section gives its own.
  parley::Scenario renewed = s;
  renewed.durability->renewed_tempo = 0.9;
  CHECK(parley::renewed_battlefield(s).tempo == 0.5);
  CHECK(parley::renewed_battlefield(renewed).tempo == 0.9);
}
