// The contingent strategy (DESIGN 1.6): demands from the reservation values and the believed
// surplus.
#include <catch2/catch.hpp>

#include "decision_point.hpp"
#include "parley/agents/contingent_strategy.hpp"
#include "parley/battlefield/war_value.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

TEST_CASE("contingent: demand is r + beta (A - r), with A = 1 - r_b on a straight frontier", "[agents]") {
  const Scenario sc = war_scenario(front(10, 5, 0.5, 0.2), 30, {0.002, 0.99}, {0.004, 0.98});
  DecisionPoint point(sc);
  point.at(3, 6);
  const double ra = war_value(sc, 0)(3, 6);
  const double rb = war_value(sc, 1)(3, 6);
  REQUIRE(point.reservation(0) == ra);
  REQUIRE(rb > 0.0);  // the floor 1 - r_b is then inside the frontier
  REQUIRE(ra + rb < 1.0);
  REQUIRE(*attainable_utility(point.view(0)) == Approx(1.0 - rb).epsilon(1e-13));
  for (const double beta : {0.0, 0.3, 1.0}) {
    ContingentStrategy strategy(beta);
    CHECK(strategy.aspiration(point.view(0)) == Approx(ra + beta * (1.0 - rb - ra)).epsilon(1e-13));
  }
  // beta = 1 offers the other side exactly its continuation value (Slantchev 2003).
  ContingentStrategy greedy(1.0);
  Agreement offer;
  REQUIRE(greedy.propose(point.view(0), offer));
  CHECK(1.0 - offer.amounts[0] == Approx(rb).epsilon(1e-13));
  // ... which a beta = 0 responder accepts, and which it would not take a hair less of.
  ContingentStrategy modest(0.0);
  CHECK(modest.respond(point.view(1), point.offer(0, offer)).accept);
  offer.amounts[0] += 1e-9;
  const Answer no = modest.respond(point.view(1), point.offer(0, offer));
  CHECK_FALSE(no.accept);
  CHECK(no.reason == AnswerReason::below_reservation);
}

TEST_CASE("contingent: mutual optimism empties the range and demands fall to r", "[agents]") {
  // Both sides believe the advantage is theirs: r_a + r_b > 1, no agreement gives b its r_b
  // and a anything above r_a.
  const Scenario sc = war_scenario(front(10, 5, 0.5, 0.0), 30, {0.0, 1.0, belief({0.8}, {1.0})},
                                   {0.0, 1.0, belief({-0.8}, {1.0})});
  DecisionPoint point(sc);
  REQUIRE(point.reservation(0) + point.reservation(1) > 1.0);
  ContingentStrategy strategy(0.5);
  CHECK(strategy.aspiration(point.view(0)) == point.reservation(0));
}
