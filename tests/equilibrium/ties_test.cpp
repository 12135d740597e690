// Equilibria with ties (issue 18, DESIGN 1.9): a responder offered exactly its value of rejecting
// accepts, whatever the rounding of the two numbers compared. A dollar divided in whole cents
// makes the ties exact in the model and inexact in doubles: 0.9 x 0.2 = 0.18000000000000002
// against the 18-cent package's 0.18, 1 - 0.55 = 0.44999999999999996 against 0.9 x 0.5 = 0.45.
// Every expected share below is an exact number of cents; an exact comparison of utilities
// would move the offer by one cent.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/agents/strategy.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/pareto_frontier.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/model/utility_tolerance.hpp"

using namespace parley;
using parley::testing::ScenarioBuilder;

namespace {

constexpr double kNoFloor = -std::numeric_limits<double>::infinity();

/// The amount of a one-issue package in whole cents (the grid is 1/100, so exact).
long cents(const Agreement& x) { return std::lround(x.amounts[0] * 100.0); }

/// A dollar in whole cents between a proposer and a responder, one round (an ultimatum) or
/// more. `share` is the meaning: the proposer's share (u_proposer = z) or the
/// responder's (u_responder = z). The responder's value at the deadline is
/// discount x reservation.
Scenario dollar(int horizon, bool proposer_share, double responder_discount, double responder_reservation) {
  const auto mine = PiecewiseLinear::increasing(0.0, 1.0);
  const auto theirs = PiecewiseLinear::decreasing(0.0, 1.0);
  ScenarioBuilder s("dollar");
  s.horizon(horizon)
      .continuous("dollar").steps(100)
      .belligerent("proposer").weights({1.0}).curve(0, proposer_share ? mine : theirs)
      .belligerent("responder").weights({1.0}).curve(0, proposer_share ? theirs : mine)
      .discount(responder_discount).reservation(responder_reservation)
      .alternating({0, 1});
  return s.build();
}

}  // namespace

TEST_CASE("Ultimatum in cents: the responder, indifferent at 0, accepts, and the proposer keeps 100 cents", "[solve][ties]") {
  // One round, rejecting is worth 0 to both: the subgame-perfect offer leaves the responder
  // exactly indifferent, and it accepts (Rubinstein 1982's convention).
  const Scenario sc = dollar(1, true, 1.0, 0.0);
  const AgreementSpace space(sc);
  const auto eq = BargainingEquilibrium::solve(sc, space);
  const int s0 = eq.start_state();
  const EquilibriumOffer& offer = eq.offer(0, s0, 0);
  REQUIRE(offer.feasible);
  CHECK(offer.settles);
  CHECK(cents(space.package(offer.point)) == 100);
  CHECK(eq.offer_utilities(0, s0, 0)[0] == 1.0);
  CHECK(eq.offer_utilities(0, s0, 0)[1] == 0.0);
  CHECK(eq.path().settled == 1.0);
  CHECK(eq.path().settled_at[0] == 1.0);
}

TEST_CASE("Ultimatum in cents: rejecting worth 0.9 x 0.2, the proposer offers exactly 18 cents", "[solve][ties]") {
  // The responder's value of rejecting is 0.9 x 0.2 = 0.18000000000000002; the 18-cent package
  // is worth 0.18 = 0.17999999999999999 to it. In the model they are equal: the responder is
  // indifferent and accepts, and the proposer keeps 82 cents, not 81.
  const Scenario sc = dollar(1, false, 0.9, 0.2);
  REQUIRE(0.9 * 0.2 > 0.18);  // the rounding the tie rule absorbs
  const AgreementSpace space(sc);
  const auto eq = BargainingEquilibrium::solve(sc, space);
  const int s0 = eq.start_state();
  CHECK(eq.value(0, s0, 1) == Approx(0.18).margin(1e-15));
  const EquilibriumOffer& offer = eq.offer(0, s0, 0);
  REQUIRE(offer.feasible);
  CHECK(offer.settles);
  const Agreement x = space.package(offer.point);
  CHECK(cents(x) == 18);
  CHECK(x.amounts[0] == 0.18);
  CHECK(sc.utility(0, x) == Approx(0.82).margin(1e-15));
}

TEST_CASE("0.9 x 0.2 against 0.18: the queries and a responder's rule agree on the 18-cent offer", "[agreement][agents][ties]") {
  // The proposer's best offer (AgreementSpace::best_for, the query the solver and the
  // strategies use), the offer best for the proposer among those worth the floor to the
  // responder (best_for_others, the aspiration offer of the time-dependent strategies) and the
  // least offer the responder accepts by the rule every built-in answers with
  // (answer_by_threshold) are one and the same package: 18 cents.
  const Scenario sc = dollar(1, false, 0.9, 0.2);
  const AgreementSpace space(sc);
  const double floor = 0.9 * 0.2;

  std::vector<double> floors{kNoFloor, floor};
  const auto best = space.best_for(0, floors);
  REQUIRE(best);
  const Agreement offered = space.package(*best);
  CHECK(cents(offered) == 18);
  CHECK(best->t == 0.0);  // the vertex itself, not a point an ulp into the next segment

  const auto aspiration = space.best_for_others(1, floor);
  REQUIRE(aspiration);
  CHECK(cents(space.package(*aspiration)) == 18);

  long least_accepted = -1;
  for (long c = 0; c <= 100 && least_accepted < 0; ++c) {
    Agreement x = offered;
    x.amounts[0] = c == 100 ? 1.0 : static_cast<double>(c) / 100.0;
    if (answer_by_threshold(sc.utility(1, x), floor, floor).accept) least_accepted = c;
  }
  CHECK(least_accepted == cents(offered));
  CHECK(answer_by_threshold(sc.utility(1, offered), floor, floor).accept);
  CHECK(answer_by_threshold(sc.utility(1, offered), floor, floor).reason == AnswerReason::meets_demand);
}

TEST_CASE("Random recognition over a dollar in cents: the proposer keeps exactly 1 - delta (n - 1)/n", "[solve][ties]") {
  // Baron and Ferejohn (1989) with two members under unanimity (Rubinstein with random
  // recognition): stationary values 1/n = 1/2, a responder is offered delta/n, the proposer
  // keeps 1 - delta (n - 1)/n. For these deltas that is a whole number of cents, so the
  // discrete dollar has the same equilibrium, exactly: 55, 60, 65, 70 cents. At delta = 0.9
  // member 0's offer ties: 1 - 0.55 = 0.44999999999999996 against 0.9 x 0.5 = 0.45.
  const int horizon = 12;
  for (const auto& [delta, kept_cents] : std::vector<std::pair<double, long>>{{0.9, 55}, {0.8, 60}, {0.7, 65}, {0.6, 70}}) {
    INFO("delta = " << delta);
    ScenarioBuilder b("legislature");
    b.horizon(horizon)
        .continuous("dollar").steps(100)
        .belligerent("member0").discount(delta).weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
        .belligerent("member1").discount(delta).weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
        .random({0.5, 0.5});
    const Scenario sc = b.build();
    const AgreementSpace space(sc);
    const auto eq = BargainingEquilibrium::solve(sc, space);
    const int s0 = eq.start_state();
    const double n = 2.0;
    for (int t = 0; t + 2 <= horizon; ++t) {
      INFO("t = " << t);
      const auto who = eq.proposers(t);
      REQUIRE(who.size() == 2);
      for (std::size_t k = 0; k < who.size(); ++k) {
        const std::size_t rho = who[k].party;
        const EquilibriumOffer& offer = eq.offer(t, s0, k);
        REQUIRE(offer.feasible);
        CHECK(offer.settles);
        const Agreement x = space.package(offer.point);
        // The dollar is member 0's share: member 0 keeps z, member 1 keeps 100 - z cents.
        CHECK((rho == 0 ? cents(x) : 100 - cents(x)) == kept_cents);
        const auto u = eq.offer_utilities(t, s0, k);
        CHECK(u[rho] == Approx(1.0 - delta * (n - 1.0) / n).margin(1e-12));
        CHECK(u[1 - rho] == Approx(delta / n).margin(1e-12));
      }
      CHECK(eq.value(t, s0, 0) == Approx(1.0 / n).margin(1e-12));
      CHECK(eq.value(t, s0, 1) == Approx(1.0 / n).margin(1e-12));
    }
    CHECK(eq.path().settled_at[0] == 1.0);
  }
}

TEST_CASE("Frontier: 0.1 + 0.2 and 0.3 are one u_a, so the point worth less to b is dropped", "[agreement][ties]") {
  // Two ordinal issues; a values the levels of the first (0, 0.1) and of the second
  // (0, 0.2, 0.3), b (0.5, 0.1) and (0, 0.8, 0.5). The packages (level 1, level 1) and
  // (level 0, level 2) are worth 0.1 + 0.2 = 0.30000000000000004 and 0.3 to a: the same, up to
  // rounding; and 0.9 and 1.0 to b. The first is dominated by the second once rounding is
  // removed, and the frontier is (0.2, 1.3), (0.3, 1.0), (0.4, 0.6).
  ScenarioBuilder b("sums");
  b.ordinal("first", 2).ordinal("second", 3)
      .belligerent("a").weights({1.0, 1.0}).level_values(0, {0.0, 0.1}).level_values(1, {0.0, 0.2, 0.3})
      .belligerent("b").weights({1.0, 1.0}).level_values(0, {0.5, 0.1}).level_values(1, {0.0, 0.8, 0.5});
  const Scenario sc = b.build();
  REQUIRE(0.1 + 0.2 != 0.3);
  const auto f = ParetoFrontier::build(sc, 0, 1);
  std::string vertices;
  for (std::size_t v = 0; v < f.size(); ++v)
    vertices += "(" + Catch::Detail::stringify(f.u_a(v)) + ", " + Catch::Detail::stringify(f.u_b(v)) + ") ";
  INFO("frontier: " << vertices);
  REQUIRE(f.size() == 3);
  CHECK(f.u_a(0) == Approx(0.2));
  CHECK(f.u_b(0) == Approx(1.3));
  CHECK(same_utility(f.u_a(1), 0.3));
  CHECK(f.u_b(1) == Approx(1.0));
  CHECK(f.package(f.vertex(1)).amounts == std::vector<double>{0.0, 2.0});
  CHECK(f.u_a(2) == Approx(0.4));
  CHECK(f.u_b(2) == Approx(0.6));
  // No two vertices the same to a; and the query for b's floor 0.9 gives the (0.3, 1.0) package.
  for (std::size_t v = 0; v + 1 < f.size(); ++v) CHECK_FALSE(same_utility(f.u_a(v), f.u_a(v + 1)));
  const auto p = f.max_b_given_a(0.3);
  REQUIRE(p);
  CHECK(p->u_b == Approx(1.0));
}
