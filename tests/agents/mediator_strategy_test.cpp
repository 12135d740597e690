// The mediator strategies (DESIGN 1.6): the plan, its drift toward the Nash package, and nash.
#include <catch2/catch.hpp>

#include <cmath>

#include "decision_point.hpp"
#include "parley/agents/nash_strategy.hpp"
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
  Scenario s;
  s.id = "mediated";
  s.horizon = 10;
  Issue territory;
  territory.id = "territory";
  territory.kind = IssueKind::continuous;
  territory.steps = 10;
  Issue guarantee;
  guarantee.id = "guarantee";
  guarantee.kind = IssueKind::ordinal;
  guarantee.levels = {"none", "weak", "strong", "nato"};
  Issue plan;
  plan.id = "plan";
  plan.kind = IssueKind::clauses;
  plan.clauses = {{"c0", ""}, {"c1", ""}, {"c2", ""}};
  plan.status_quo_clauses = {0, 0, 0};
  s.issues = {territory, guarantee, plan};
  const auto party = [](const char* id, Role role, std::vector<double> weights, PiecewiseLinear curve,
                        std::vector<double> levels, std::vector<double> clauses) {
    Party p;
    p.id = id;
    p.role = role;
    p.veto = role == Role::belligerent;
    p.weights = std::move(weights);
    p.values.resize(3);
    p.values[0].curve = std::move(curve);
    p.values[1].level_values = std::move(levels);
    p.values[2].clause_values = std::move(clauses);
    return p;
  };
  s.parties = {party("a", Role::belligerent, {0.5, 0.3, 0.2}, PiecewiseLinear::increasing(0, 1), {1.0, 0.7, 0.3, 0.0},
                     {1.0, -0.5, 0.5}),
               party("b", Role::belligerent, {0.4, 0.4, 0.2}, PiecewiseLinear::decreasing(0, 1), {0.0, 0.2, 0.7, 1.0},
                     {-0.5, 0.25, 0.5}),
               party("m", Role::mediator, {0.4, 0.3, 0.3}, PiecewiseLinear::increasing(0, 1), {0.5, 0.5, 0.5, 0.5},
                     {0.1, 0.1, 0.1})};
  s.parties[0].reservation = 0.3;
  s.parties[1].reservation = 0.2;
  Agreement tabled;
  tabled.amounts = {0.8, 0.0, 0.0};
  tabled.clauses = {1, 1, 0};
  s.parties[2].proposal = tabled;
  s.protocol.kind = ProtocolParams::Kind::mediated;
  s.protocol.mediator = 2;
  s.protocol.order = {0, 1};
  s.finalize();
  return s;
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

TEST_CASE("nash: the Nash split of the pie over the reservation values", "[agents]") {
  // u_a = x, u_b = 1 - x, d = (0.3, 0.1): argmax (x - 0.3)(0.9 - x) = 0.6.
  DecisionPoint point(pie_scenario(10, {}, {}, 0.3, 0.1));
  NashStrategy nash;
  Agreement offer;
  REQUIRE(nash.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(0.6).epsilon(1e-12));
  // An empty zone (r_a + r_b > 1): no proposal.
  DecisionPoint empty(pie_scenario(10, {}, {}, 0.7, 0.5));
  NashStrategy fresh;  // an instance serves one setting (it caches by period and state)
  CHECK_FALSE(fresh.propose(empty.view(0), offer));
}
