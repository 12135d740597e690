// The stall strategy (DESIGN 1.6; Slantchev 2003, Powell 2004): it rejects while, by its own
// belief, waiting pays, and plays contingent otherwise.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "decision_point.hpp"
#include "parley/agents/contingent_strategy.hpp"
#include "parley/agents/stall_strategy.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/engine/simulation.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

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

TEST_CASE("stall: without a battlefield waiting is worth what settling now is, and it plays contingent", "[agents]") {
  // Split the pie, r_a = 0.3, r_b = 0.1, no cost of delay and no discounting: nothing can
  // change, so G_a = A_a = 1 - r_b = 0.9 now and next period, w_a = 1 x 0.9 - 0 = 0.9, which
  // is not more than G_a. Its demand is contingent's: 0.3 + 0.5 (0.9 - 0.3) = 0.6.
  DecisionPoint point(pie_scenario(10, {}, {}, 0.3, 0.1));
  point.at(4, 0);
  std::vector<double> floors, posterior;
  const auto w = StallStrategy::waiting_value(point.view(0), floors, posterior);
  REQUIRE(w);
  CHECK(*w == Approx(0.9).epsilon(1e-12));
  StallStrategy stall(0.5);
  CHECK(stall.aspiration(point.view(0)) == Approx(0.6).epsilon(1e-12));
  // It proposes the aspiration offer: 0.6 to itself, the rest to B.
  Agreement offer;
  REQUIRE(stall.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(0.6).epsilon(1e-12));
  // It takes 0.6; refuses 0.55 for its demand and 0.25 for its reservation value.
  CHECK(point.answer(stall, 0, 1, {0.6}).accept);
  const Answer short_of_demand = point.answer(stall, 0, 1, {0.55});
  CHECK_FALSE(short_of_demand.accept);
  CHECK(short_of_demand.reason == AnswerReason::below_demand);
  CHECK(point.answer(stall, 0, 1, {0.25}).reason == AnswerReason::below_reservation);
}

TEST_CASE("stall: proposes at its waiting value while waiting pays, and not at the last talk period", "[agents]") {
  // The optimism scenario of the test above: at t = 2 it waits, and its offer gives it w_a
  // (the territory share w_a on the straight frontier u_a = x).
  const Scenario sc = war_scenario(front(8, 4, 0.5, 0.2), 40, {0.01, 1.0},
                                   {0.01, 1.0, belief({0.0, -0.8}, {0.5, 0.5})});
  DecisionPoint point(sc);
  point.at(2, 4);
  std::vector<double> floors, posterior;
  const auto w = StallStrategy::waiting_value(point.view(0), floors, posterior);
  REQUIRE(w);
  REQUIRE(*w < 1.0);  // an agreement is worth w_a to it
  StallStrategy stall(0.5);
  Agreement offer;
  REQUIRE(stall.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(*w).epsilon(1e-12));
  // At the last talk period (t + 1 = T) there is nothing to wait for: its demand is
  // contingent's, whatever it believes.
  point.at(39, 4);
  CHECK_FALSE(StallStrategy::waiting_value(point.view(0), floors, posterior));
  CHECK(stall.aspiration(point.view(0)) == ContingentStrategy::demand(point.view(0), 0.5));
}

TEST_CASE("stall: beta outside [0, 1] is refused", "[agents]") {
  CHECK_THROWS_AS(StallStrategy(-0.1), std::invalid_argument);
  CHECK_THROWS_AS(StallStrategy(1.5), std::invalid_argument);
  CHECK(StallStrategy(1.0).beta() == 1.0);
}

TEST_CASE("stall: presses exactly where pressing pays by its belief, and contingent never does", "[agents][pressure]") {
  // Pressing (issue 15) moves the advantage 0.4 toward A at 0.03 more a period. It pays where the
  // war fought pressing to the end is worth more than the war fought without: in the last period it
  // gains delta r 0.4 / N = 0.0297 of expected territory for 0.03, so it does not; earlier, with
  // more periods of better odds ahead and B's collapse (all the territory) within reach, it does. The tables by hand: the war values on
  // the shifted chain with the raised cost.
  Scenario sc = war_scenario(front(8, 4, 0.6, 0.0), 20, {0.01, 0.99}, {0.01, 0.99});
  sc.parties[0].pressure = Pressure{0.4, 0.03};
  DecisionPoint point(sc);
  Scenario pressed = sc;
  pressed.parties[0].cost += 0.03;
  const WarValueTable with = war_value(pressed, 0, 0.4);
  const WarValueTable without = war_value(sc, 0);
  StallStrategy stall(0.5);
  ContingentStrategy contingent(0.5);
  int presses = 0, holds = 0;
  for (int t = 0; t < 20; ++t)
    for (int s = 1; s < 8; ++s) {
      INFO("t = " << t << ", s = " << s);
      point.at(t, s);
      const bool pays = with.continuation(t, s) > without.continuation(t, s) + 1e-12;
      CHECK(stall.press(point.view(0)) == pays);
      CHECK_FALSE(contingent.press(point.view(0)));
      CHECK_FALSE(stall.press(point.view(1)));  // B has no offensive option
      (pays ? presses : holds) += 1;
    }
  CHECK(presses > 0);
  CHECK(holds > 0);
  CHECK(stall.press(point.at(0, 4).view(0)));
  CHECK_FALSE(stall.press(point.at(19, 4).view(0)));
}

TEST_CASE("stall differs from contingent where pressing pays, and only there", "[agents][pressure]") {
  // A mediator tables a split every third period, without counter-proposals; A rejects it where
  // the front favours it, and then, playing `stall`, presses if that pays. Under common beliefs
  // stall never waits, so without an offensive option (or with one too dear to pay) it is
  // `contingent`, run for run; with one that pays it is not.
  const auto runs = [](const char* name, std::optional<Pressure> pressure) {
    ScenarioBuilder b("stall-pressing");
    b.horizon(30).continuous("territory").linked_to_front().status_quo(0.5);
    add_side(b, "a", Side{0.002, 0.97, {}, strategy(name)}, PiecewiseLinear::increasing(0.0, 1.0));
    add_side(b, "b", Side{0.002, 0.97, {}, strategy("contingent")}, PiecewiseLinear::decreasing(0.0, 1.0));
    b.mediator("mediator").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
        .strategy(strategy("plan")).proposal(Agreement{{0.55}, {}})
        .mediated(2, {0, 1}, false).every(3)
        .battlefield(front(10, 6, 0.6, 0.0)).sides("a", "b").collapse_amounts({0.0}, {1.0});
    Scenario sc = b.build();
    sc.parties[0].pressure = pressure;
    const Simulation simulation(sc);
    RunOptions options;
    options.runs = 2000;
    options.seed = 9;
    options.threads = 1;
    return simulate(simulation, options);
  };
  const auto same = [](const RunSummary& x, const RunSummary& y) {
    return x.settled.count == y.settled.count && x.utility[0].mean == y.utility[0].mean &&
           x.utility[1].mean == y.utility[1].mean;
  };
  CHECK(same(runs("stall", std::nullopt), runs("contingent", std::nullopt)));
  const Pressure dear{0.2, 0.05};
  CHECK(same(runs("stall", dear), runs("contingent", dear)));
  const Pressure pays{0.4, 0.001};
  const RunSummary pressing = runs("stall", pays);
  const RunSummary calm = runs("contingent", pays);
  CHECK_FALSE(same(pressing, calm));
  // Pressing pays A: its mean payoff is higher, beyond the runs' noise.
  CHECK(pressing.utility[0].mean - calm.utility[0].mean > 3.0 * std::hypot(pressing.utility[0].std_error,
                                                                           calm.utility[0].std_error));
}
