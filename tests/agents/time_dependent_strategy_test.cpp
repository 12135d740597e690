// Time-dependent concession (Faratin, Sierra and Jennings 1998; DESIGN 1.6): the aspiration
// formula, the trade-off offer and the acceptance rule.
#include <catch2/catch.hpp>

#include <cmath>

#include "decision_point.hpp"
#include "parley/agents/time_dependent_strategy.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

TEST_CASE("time-dependent aspiration: Faratin's polynomial family", "[agents]") {
  // tau = r + (m - r)(1 - (t/T)^(1/e)).
  const double r = 0.2, m = 0.9;
  CHECK(TimeDependentStrategy::aspiration_at(r, m, 0, 10, 1.0) == Approx(m).epsilon(1e-15));
  CHECK(TimeDependentStrategy::aspiration_at(r, m, 5, 10, 1.0) == Approx(r + (m - r) * 0.5).epsilon(1e-15));
  CHECK(TimeDependentStrategy::aspiration_at(r, m, 5, 10, 0.2) ==
        Approx(r + (m - r) * (1.0 - std::pow(0.5, 5.0))).epsilon(1e-15));
  CHECK(TimeDependentStrategy::aspiration_at(r, m, 5, 10, 3.0) ==
        Approx(r + (m - r) * (1.0 - std::cbrt(0.5))).epsilon(1e-15));
  CHECK(TimeDependentStrategy::aspiration_at(r, m, 10, 10, 1.0) == r);
  // THEORY: with kappa = 0.1, t_max = 10, beta = 1, t = 5, alpha = 0.55. Parley's tau has
  // kappa = 0 on the scale [r, m]; an agent whose range starts kappa of the way conceded,
  // m' = m - kappa (m - r), concedes alpha of [r, m] by t = 5.
  const double kappa = 0.1;
  const double m_prime = m - kappa * (m - r);
  const double tau = TimeDependentStrategy::aspiration_at(r, m_prime, 5, 10, 1.0);
  CHECK((m - tau) / (m - r) == Approx(0.55).epsilon(1e-14));
}

TEST_CASE("time-dependent aspiration: Boulware above linear above Conceder, hardline at the ideal", "[agents]") {
  const double r = 0.1, m = 0.8;
  for (int t = 1; t < 20; ++t) {
    const double boulware = TimeDependentStrategy::aspiration_at(r, m, t, 20, 0.2);
    const double linear = TimeDependentStrategy::aspiration_at(r, m, t, 20, 1.0);
    const double conceder = TimeDependentStrategy::aspiration_at(r, m, t, 20, 3.0);
    CHECK(boulware > linear);
    CHECK(linear > conceder);
    CHECK(conceder > r);
    CHECK(TimeDependentStrategy::aspiration_at(r, m, t, 20, 0.0) == m);
  }
  // Never below the reservation value, even when fighting beats every agreement.
  CHECK(TimeDependentStrategy::aspiration_at(0.95, 0.8, 3, 20, 1.0) == 0.95);
  CHECK_THROWS_AS(TimeDependentStrategy(0.0, 10), std::invalid_argument);
  CHECK_THROWS_AS(TimeDependentStrategy(-1.0, 10), std::invalid_argument);
  CHECK_THROWS_AS(TimeDependentStrategy(1.0, 0), std::invalid_argument);
}

TEST_CASE("time-dependent aspiration: conceded by the planning horizon, not the scenario's", "[agents]") {
  // Past P the aspiration is r; hardline never concedes.
  CHECK(TimeDependentStrategy::aspiration_at(0.2, 0.9, 15, 10, 0.2) == 0.2);
  CHECK(TimeDependentStrategy::aspiration_at(0.2, 0.9, 15, 10, 0.0) == Approx(0.9).epsilon(1e-15));
  // The same player at t = 5 with P = 10 asks the same in a scenario of horizon 10 and of 40:
  // the scenario's horizon is a truncation the parties do not know (issue 16).
  DecisionPoint short_talks(pie_scenario(10, {}, {}));
  DecisionPoint long_talks(pie_scenario(40, {}, {}));
  short_talks.at(5, 0);
  long_talks.at(5, 0);
  TimeDependentStrategy linear_ten(1.0, 10);
  CHECK(linear_ten.aspiration(short_talks.view(0)) == Approx(0.5).epsilon(1e-14));
  CHECK(linear_ten.aspiration(long_talks.view(0)) == linear_ten.aspiration(short_talks.view(0)));
  long_talks.at(20, 0);
  CHECK(linear_ten.aspiration(long_talks.view(0)) == Approx(0.0).margin(1e-15));
  CHECK(linear_ten.planning_horizon() == 10);
}

TEST_CASE("time-dependent strategy: proposes the trade-off offer at its aspiration", "[agents]") {
  // Split the pie, no battlefield, no costs: r = 0, m = 1, so a linear player at t = 5 of
  // T = 10 demands 1/2 and offers x = 1/2.
  DecisionPoint point(pie_scenario(10, {}, {}));
  point.at(5, 0);
  TimeDependentStrategy linear(1.0, 10);
  Agreement offer;
  REQUIRE(linear.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(0.5).epsilon(1e-14));
  CHECK(linear.aspiration(point.view(0)) == Approx(0.5).epsilon(1e-14));
  // B's proposal: x = 1 - tau_B.
  TimeDependentStrategy boulware(0.2, 10);
  REQUIRE(boulware.propose(point.view(1), offer));
  CHECK(offer.amounts[0] == Approx(std::pow(0.5, 5.0)).epsilon(1e-13));
  TimeDependentStrategy hardline = TimeDependentStrategy::hardline();
  REQUIRE(hardline.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx(1.0).epsilon(1e-14));
}

TEST_CASE("time-dependent strategy: accepts what beats its own next offer, never below r", "[agents]") {
  DecisionPoint point(pie_scenario(10, {}, {}, 0.3, 0.0));
  TimeDependentStrategy linear(1.0, 10);
  // A's reservation without a battlefield or costs is its reservation value 0.3 at every t.
  point.at(4, 0);
  REQUIRE(point.reservation(0) == Approx(0.3).epsilon(1e-15));
  // At t = 4 its aspiration is 0.3 + 0.7 * 0.6 = 0.72; its next offer (t = 5) is worth 0.65.
  const double next = 0.3 + 0.7 * 0.5;
  Agreement x;
  x.amounts = {next - 0.01};
  CHECK_FALSE(linear.respond(point.view(0), point.offer(1, x)).accept);
  x.amounts = {next};
  const Answer yes = linear.respond(point.view(0), point.offer(1, x));
  CHECK(yes.accept);
  CHECK(yes.threshold == Approx(next).epsilon(1e-14));
  CHECK(yes.reason == AnswerReason::meets_demand);
  // At the last talk period anything worth r is taken, and nothing below it.
  point.at(9, 0);
  x.amounts = {0.3};
  CHECK(linear.respond(point.view(0), point.offer(1, x)).accept);
  x.amounts = {0.29};
  const Answer no = linear.respond(point.view(0), point.offer(1, x));
  CHECK_FALSE(no.accept);
  CHECK(no.reason == AnswerReason::below_reservation);
  // `hardline` holds its ideal to the end (DESIGN 1.6), the last talk period included.
  TimeDependentStrategy hardline = TimeDependentStrategy::hardline();
  x.amounts = {0.99};
  const Answer held = hardline.respond(point.view(0), point.offer(1, x));
  CHECK_FALSE(held.accept);
  CHECK(held.threshold == Approx(1.0).epsilon(1e-14));
  x.amounts = {1.0};
  CHECK(hardline.respond(point.view(0), point.offer(1, x)).accept);
}
