// The mediator's `nash` strategy (DESIGN 1.6; Nash 1950): the Nash bargaining package over
// the veto parties' reservation values, following the front.
#include <catch2/catch.hpp>

#include <algorithm>

#include "decision_point.hpp"
#include "parley/agents/nash_strategy.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

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

TEST_CASE("nash: the split follows the front through the reservation values", "[agents]") {
  // On the straight frontier u_a = x, u_b = 1 - x the Nash package over d = (r_a, r_b) is
  // argmax (x - r_a)(1 - x - r_b) = (1 + r_a - r_b) / 2 wherever the zone is not empty. The
  // front moving A's way raises r_a and lowers r_b, and the split moves toward A.
  const Scenario sc = war_scenario(front(10, 5, 0.5, 0.2), 30, {0.002, 0.99}, {0.004, 0.98});
  DecisionPoint point(sc);
  NashStrategy nash;
  Agreement offer;
  double previous = 0.0;
  for (int s = 3; s <= 7; ++s) {
    point.at(3, s);
    const double ra = point.reservation(0);
    const double rb = point.reservation(1);
    REQUIRE(ra + rb < 1.0);
    REQUIRE(nash.propose(point.view(0), offer));
    CHECK(offer.amounts[0] == Approx((1.0 + ra - rb) / 2.0).epsilon(1e-9));
    CHECK(offer.amounts[0] > previous);
    previous = offer.amounts[0];
  }
  // Back at a state it has seen, the cached package is the same.
  point.at(3, 5);
  REQUIRE(nash.propose(point.view(0), offer));
  CHECK(offer.amounts[0] == Approx((1.0 + point.reservation(0) - point.reservation(1)) / 2.0).epsilon(1e-9));
}

TEST_CASE("nash: answers by its reservation value alone and demands nothing more", "[agents]") {
  DecisionPoint point(pie_scenario(10, {}, {}, 0.3, 0.1));
  NashStrategy nash;
  CHECK(nash.aspiration(point.view(0)) == 0.3);
  CHECK(point.answer(nash, 0, 1, {0.3}).accept);  // less than its Nash share 0.6
  const Answer no = point.answer(nash, 0, 1, {0.29});
  CHECK_FALSE(no.accept);
  CHECK(no.reason == AnswerReason::below_reservation);
}
