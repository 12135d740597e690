// Tit for tat (DESIGN 1.6): concession returned in its own utility.
#include <catch2/catch.hpp>

#include "decision_point.hpp"
#include "parley/agents/tit_for_tat_strategy.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

Agreement share(double x) {
  Agreement a;
  a.amounts = {x};
  return a;
}

}  // namespace

TEST_CASE("tit for tat: opens at its ideal and returns the other side's concession", "[agents]") {
  DecisionPoint point(pie_scenario(20, {}, {}));
  for (const double reciprocity : {1.0, 0.5}) {
    point.clear_history();
    TitForTatStrategy tft(reciprocity);
    tft.reset();
    CHECK(tft.aspiration(point.view(0)) == 1.0);
    // B offers x = 0.2 (u_b = 0.8), then x = 0.3 (u_b = 0.7): a concession of 0.1 by B's measure.
    point.offer(1, share(0.2));
    CHECK(tft.aspiration(point.view(0)) == 1.0);
    point.offer(1, share(0.3));
    const double demand = 1.0 - reciprocity * 0.1;
    CHECK(tft.aspiration(point.view(0)) == Approx(demand).epsilon(1e-14));
    Agreement offer;
    REQUIRE(tft.propose(point.view(0), offer));
    CHECK(offer.amounts[0] == Approx(demand).epsilon(1e-14));
    // Its own offer is no concession by B. B hardens back to 0.2: the demand goes back up.
    point.offer(0, offer);
    point.offer(1, share(0.2));
    CHECK(tft.aspiration(point.view(0)) == Approx(1.0).epsilon(1e-14));
    // B offers x = 0.25, a concession of 0.05 from its last offer: it accepts only at its demand.
    const Answer answer = tft.respond(point.view(0), point.offer(1, share(0.25)));
    CHECK_FALSE(answer.accept);
    CHECK(answer.threshold == Approx(1.0 - reciprocity * 0.05).epsilon(1e-14));
  }
}

TEST_CASE("tit for tat: the demand never falls below the reservation value", "[agents]") {
  DecisionPoint point(pie_scenario(20, {}, {}, 0.4, 0.0));
  TitForTatStrategy tft(2.0);
  tft.reset();
  point.offer(1, share(0.0));
  point.offer(1, share(0.5));  // a concession of 0.5, doubled: the demand would be 0
  CHECK(tft.aspiration(point.view(0)) == Approx(0.4).epsilon(1e-15));
  CHECK_FALSE(tft.respond(point.view(0), point.offer(1, share(0.39))).accept);
  CHECK(tft.respond(point.view(0), point.offer(1, share(0.41))).accept);
}
