// The contingent and stall strategies (DESIGN 1.6): demands from the reservation values and
// the believed surplus, and stalling while waiting pays.
#include <catch2/catch.hpp>

#include "decision_point.hpp"
#include "parley/agents/contingent_strategy.hpp"
#include "parley/agents/stall_strategy.hpp"
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

namespace {

// w_a(t, s) = delta_a sum_s' P_a(s'|s) max(min(1, 1 - r_b(t + 1, s')), r_a(t + 1, s')) - c_a on the
// straight frontier u_a + u_b = 1, with the posteriors moved by Belief::observe: an
// independent route to StallStrategy::waiting_value.
double waiting_by_hand(const Scenario& sc, const DecisionPoint& point, int t, int s) {
  const BattlefieldChain chain(*sc.battlefield);
  double expected = 0.0;
  for (int to = 0; to <= sc.battlefield->states; ++to) {
    double p = 0.0;
    const Belief& own = point.belief(0);
    for (std::size_t k = 0; k < own.hypotheses(); ++k)
      p += own.probabilities()[k] * own.chain(k).probability(t, s, to);
    if (p == 0.0) continue;
    Belief a = point.belief(0);
    Belief b = point.belief(1);
    a.observe(t, s, to);
    b.observe(t, s, to);
    const auto tables = war_values_by_belief(sc);
    const double ra = subjective_continuation(a, tables[0], t + 1, to);
    const double rb = subjective_continuation(b, tables[1], t + 1, to);
    expected += p * std::max(std::min(1.0, 1.0 - rb), ra);  // u_a <= 1
  }
  return sc.parties[0].discount * expected - sc.parties[0].cost;
}

}  // namespace

TEST_CASE("stall: never waits under common beliefs, where its reservation is a martingale", "[agents]") {
  const Scenario sc = war_scenario(front(8, 4, 0.6, 0.3), 20, {0.01, 0.99}, {0.01, 0.99});
  DecisionPoint point(sc);
  std::vector<double> floors, posterior;
  for (int s = 1; s < 8; ++s) {
    point.at(5, s);
    const auto w = StallStrategy::waiting_value(point.view(0), floors, posterior);
    REQUIRE(w);
    CHECK(*w == Approx(waiting_by_hand(sc, point, 5, s)).epsilon(1e-12));
    StallStrategy stall(0.5);
    ContingentStrategy contingent(0.5);
    CHECK(stall.aspiration(point.view(0)) == contingent.aspiration(point.view(0)));
  }
  // At the last period there are no later talks to wait for.
  point.at(19, 4);
  CHECK_FALSE(StallStrategy::waiting_value(point.view(0), floors, posterior));
}

TEST_CASE("stall: waits while it expects the battlefield to correct the other side's optimism", "[agents]") {
  // A knows its advantage (0.2); B gives equal weight to A being at a disadvantage (-0.6). A
  // bargaining range exists, but under A's belief the front will teach B, lowering B's
  // reservation value faster than a period of war costs A.
  const Scenario sc = war_scenario(front(8, 4, 0.5, 0.2), 40, {0.01, 1.0},
                                   {0.01, 1.0, belief({0.0, -0.8}, {0.5, 0.5})});
  DecisionPoint point(sc);
  point.at(2, 4);
  REQUIRE(*attainable_utility(point.view(0)) > point.reservation(0));
  std::vector<double> floors, posterior;
  const auto w = StallStrategy::waiting_value(point.view(0), floors, posterior);
  REQUIRE(w);
  CHECK(*w == Approx(waiting_by_hand(sc, point, 2, 4)).epsilon(1e-12));
  const double secured = std::max(*attainable_utility(point.view(0)), point.reservation(0));
  REQUIRE(*w > secured);
  StallStrategy stall(0.5);
  CHECK(stall.aspiration(point.view(0)) == Approx(*w).epsilon(1e-15));
  // An offer worth what settling secures now is refused: waiting pays more.
  Agreement x;
  x.amounts = {secured};
  const Answer answer = stall.respond(point.view(0), point.offer(1, x));
  CHECK_FALSE(answer.accept);
  CHECK(answer.reason == AnswerReason::waiting_pays);
  x.amounts = {std::min(1.0, *w)};
  CHECK(stall.respond(point.view(0), point.offer(1, x)).accept);
}
