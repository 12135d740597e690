// The mediator's `plan` strategy (DESIGN 1.6; Raiffa 1982): the tabled package, its drift
// toward the Nash package of the reservation values, and its answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "decision_point.hpp"
#include "parley/agents/plan_strategy.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Two belligerents and a mediator over a territory (continuous, 10 steps), a guarantee
// (ordinal, 4 levels) and three clauses. A wants territory, no guarantee and clause c0; B the
// opposite; clause c2 is good for both.
Scenario mediated_scenario() {
  Agreement tabled;
  tabled.amounts = {0.8, 0.0, 0.0};
  tabled.clauses = {1, 1, 0};
  return ScenarioBuilder("mediated")
      .horizon(10)
      .continuous("territory").steps(10)
      .ordinal("guarantee", {"none", "weak", "strong", "nato"})
      .clauses("plan", {{"c0", ""}, {"c1", ""}, {"c2", ""}})
      .belligerent("a").weights({0.5, 0.3, 0.2}).reservation(0.3)
          .curve(0, PiecewiseLinear::increasing(0, 1))
          .level_values(1, {1.0, 0.7, 0.3, 0.0})
          .clause_values(2, {1.0, -0.5, 0.5})
      .belligerent("b").weights({0.4, 0.4, 0.2}).reservation(0.2)
          .curve(0, PiecewiseLinear::decreasing(0, 1))
          .level_values(1, {0.0, 0.2, 0.7, 1.0})
          .clause_values(2, {-0.5, 0.25, 0.5})
      .mediator("m").weights({0.4, 0.3, 0.3}).proposal(tabled)
          .curve(0, PiecewiseLinear::increasing(0, 1))
          .level_values(1, {0.5, 0.5, 0.5, 0.5})
          .clause_values(2, {0.1, 0.1, 0.1})
      .mediated(2, {0, 1})
      .build();
}

}  // namespace

TEST_CASE("drift_package: issue by issue, clauses by the veto parties' gain", "[agents]") {
  const Scenario sc = mediated_scenario();
  Agreement from, to, out;
  from.amounts = {0.8, 0.0, 0.0};
  from.clauses = {1, 1, 0};
  to.amounts = {0.4, 3.0, 0.0};
  to.clauses = {0, 0, 1};
  const std::vector<std::size_t> order = {2, 1, 0};
  drift_package(sc, from, to, 0.0, order, out);
  CHECK(out == from);
  drift_package(sc, from, to, 1.0, order, out);
  CHECK(out == to);
  drift_package(sc, from, to, 0.5, order, out);
  CHECK(out.amounts[0] == Approx(0.6).epsilon(1e-14));  // 0.6 is on the grid of 10 steps
  CHECK(out.amounts[1] == 2.0);                          // level 1.5 rounds to 2
  CHECK(out.clauses == std::vector<std::uint8_t>{1, 0, 1});  // round(0.5 * 3) = 2 switches: c2, c1
  drift_package(sc, from, to, 0.3, order, out);
  CHECK(out.amounts[0] == Approx(0.7).epsilon(1e-14));   // 0.68 moves to the grid point 0.7
  CHECK(out.amounts[1] == 1.0);                          // level 0.9 rounds to 1
  CHECK(out.clauses == std::vector<std::uint8_t>{1, 1, 1});  // round(0.9) = 1 switch: c2
}

TEST_CASE("plan: tables the plan, then drifts toward the Nash package of the reservation values", "[agents]") {
  const Scenario sc = mediated_scenario();
  DecisionPoint point(sc);
  const auto nash = nash_solution(point.setting().space(), std::vector<double>{0.3, 0.2, 0.0});
  REQUIRE(nash);
  const Agreement& tabled = *sc.parties[2].proposal;
  // Gains of switching each clause away from the plan, sum over a, b of w a_c / (max - min):
  // c0 out: -(0.2 * 1 / 2 - 0.2 * 0.5 / 1.25) = -0.02; c1 out: -(-0.05 + 0.04) = 0.01;
  // c2 in: 0.05 + 0.08 = 0.13. Best first: c2, c1, c0.
  const std::vector<std::size_t> order = {2, 1, 0};
  for (const double drift : {0.0, 0.4, 1.0}) {
    PlanStrategy plan(sc, tabled, drift);
    plan.reset();
    Agreement offer;
    REQUIRE(plan.propose(point.view(2), offer));
    CHECK(offer == tabled);
    for (int k = 1; k <= 3; ++k) {
      REQUIRE(plan.propose(point.view(2), offer));
      Agreement expected;
      drift_package(sc, tabled, nash->agreement, 1.0 - std::pow(1.0 - drift, k), order, expected);
      CHECK(offer == expected);
    }
    plan.reset();
    REQUIRE(plan.propose(point.view(2), offer));
    CHECK(offer == tabled);
  }
  CHECK_THROWS_AS(PlanStrategy(sc, tabled, 1.5), std::invalid_argument);
}

namespace {

// Split the pie with party a (a veto party) playing `plan` and tabling a share `tabled`.
Scenario pie_with_plan(double tabled, double ra, double rb) {
  Scenario s = pie_scenario(10, {}, {}, ra, rb);
  Agreement plan;
  plan.amounts = {tabled};
  s.parties[0].proposal = plan;
  return s;
}

}  // namespace

TEST_CASE("plan: each round moves the fraction drift of the remaining way to the Nash split", "[agents]") {
  // u_a = x, u_b = 1 - x, d = (0.3, 0.1): the Nash split is x = 0.6. From the plan x = 0.9
  // with drift 0.5, the k-th offer is 0.9 + (1 - 0.5^k)(0.6 - 0.9): 0.9, 0.75, 0.675, 0.6375.
  const Scenario sc = pie_with_plan(0.9, 0.3, 0.1);
  DecisionPoint point(sc);
  PlanStrategy plan(sc, *sc.parties[0].proposal, 0.5);
  plan.reset();
  Agreement offer;
  for (const double expected : {0.9, 0.75, 0.675, 0.6375}) {
    REQUIRE(plan.propose(point.view(0), offer));
    CHECK(offer.amounts[0] == Approx(expected).epsilon(1e-12));
  }
  // With drift 1 the second offer is the Nash split itself.
  PlanStrategy jump(sc, *sc.parties[0].proposal, 1.0);
  REQUIRE(jump.propose(point.view(0), offer));
  REQUIRE(jump.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(0.6).epsilon(1e-12));
}

TEST_CASE("plan: tables the plan as is when the zone of agreement is empty", "[agents]") {
  // r_a + r_b = 1.2 > 1: no split gives both their reservation values, so there is no Nash
  // package to drift toward.
  const Scenario sc = pie_with_plan(0.9, 0.7, 0.5);
  DecisionPoint point(sc);
  PlanStrategy plan(sc, *sc.parties[0].proposal, 0.5);
  Agreement offer;
  for (int k = 0; k < 3; ++k) {
    REQUIRE(plan.propose(point.view(0), offer));
    CHECK(offer.amounts[0] == 0.9);
  }
}

TEST_CASE("plan: a veto party passes rather than table a plan worth less than its reservation value", "[agents]") {
  // Party a holds a veto and values the plan x = 0.2 below r_a = 0.3: its own offer would
  // bind it, so it passes; a plan worth 0.5 it tables.
  const Scenario low = pie_with_plan(0.2, 0.3, 0.1);
  DecisionPoint point(low);
  PlanStrategy plan(low, *low.parties[0].proposal, 0.0);
  Agreement offer;
  CHECK_FALSE(plan.propose(point.view(0), offer));
  const Scenario fair = pie_with_plan(0.5, 0.3, 0.1);
  DecisionPoint fair_point(fair);
  PlanStrategy fair_plan(fair, *fair.parties[0].proposal, 0.0);
  REQUIRE(fair_plan.propose(fair_point.view(0), offer));
  CHECK(offer.amounts[0] == 0.5);
  // It answers by its reservation value alone: 0.3 is taken, 0.29 is not.
  CHECK(fair_plan.aspiration(fair_point.view(0)) == 0.3);
  CHECK(fair_point.answer(fair_plan, 0, 1, {0.3}).accept);
  const Answer no = fair_point.answer(fair_plan, 0, 1, {0.29});
  CHECK_FALSE(no.accept);
  CHECK(no.reason == AnswerReason::below_reservation);
}

TEST_CASE("plan: a plan of the wrong shape or a drift outside [0, 1] is refused", "[agents]") {
  const Scenario sc = pie_with_plan(0.5, 0.3, 0.1);
  Agreement two_issues;
  two_issues.amounts = {0.5, 0.5};
  CHECK_THROWS_AS(PlanStrategy(sc, two_issues, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(PlanStrategy(sc, *sc.parties[0].proposal, -0.1), std::invalid_argument);
  CHECK(PlanStrategy(sc, *sc.parties[0].proposal, 0.25).drift() == 0.25);
}
