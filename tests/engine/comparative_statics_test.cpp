// The comparative statics of bargaining while fighting (THEORY: Slantchev 2003, Smith and
// Stam 2004; Faratin et al. 1998), reproduced in simulation with fixed seeds and enough runs
// that each difference is many standard errors wide.
#include <catch2/catch.hpp>

#include <cmath>

#include "../agents/test_scenarios.hpp"
#include "parley/engine/monte_carlo.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

RunSummary run(const Scenario& sc, std::int64_t runs = 1500) {
  RunOptions options;
  options.runs = runs;
  options.seed = 2025;
  options.threads = 2;
  return simulate(sc, options);
}

// b's mean is larger than a's by more than z_999 standard errors of the difference.
void check_larger(const MeanEstimate& a, const MeanEstimate& b) {
  const double se = std::sqrt(a.std_error * a.std_error + b.std_error * b.std_error);
  CHECK(b.mean - a.mean > z_999 * se);
}

}  // namespace

TEST_CASE("comparative statics: higher costs of war shorten it", "[engine]") {
  const auto war = [](double cost) {
    return war_scenario(front(10, 5, 0.3, 0.1), 60, {cost, 1.0, {}, strategy("linear")},
                        {cost, 1.0, {}, strategy("linear")});
  };
  const RunSummary cheap = run(war(0.001));
  const RunSummary costly = run(war(0.01));
  check_larger(costly.duration.mean, cheap.duration.mean);
  CHECK(costly.settled.p > cheap.settled.p);
}

TEST_CASE("comparative statics: more divergent priors prolong the war", "[engine]") {
  // Each side gives weight w to an advantage of 0.5 in its own favour and the rest to the
  // truth (0); the front teaches them the truth and the bargaining range reopens (Smith and
  // Stam 2004). The priors grow apart with w over the same two hypotheses, so every move of
  // the front is equally informative and only the distance to travel differs. (Moving the
  // favourable hypothesis itself, d in {0, d}, also makes the front more informative: beyond
  // d = 0.3 or so in this set-up, faster learning ends the war sooner, and the duration falls
  // with d although the priors are further apart.)
  const auto war = [](double w) {
    return war_scenario(front(12, 6, 0.6, 0.0), 80,
                        {0.004, 1.0, belief({0.0, 0.5}, {1.0 - w, w}), strategy("contingent")},
                        {0.004, 1.0, belief({0.0, -0.5}, {1.0 - w, w}), strategy("contingent")});
  };
  const RunSummary close = run(war(0.5));
  const RunSummary apart = run(war(0.8));
  check_larger(close.duration.mean, apart.duration.mean);
}

TEST_CASE("comparative statics: a quick side settles earlier and on worse terms than a prolonged one", "[engine]") {
  // Costs high enough that the bargaining range, 1 - r_a - r_b (about twice the expected cost
  // of the war still to come), is wider than what the linear B has still to concede, so that
  // A's concessions decide when they meet. (At a cost of 0.003 a period the range is always
  // narrower: they could only meet at the last talks, whatever A plays.)
  // Both plan to have conceded by period 40 of the 50 (their planning horizon, issue 16).
  const auto war = [](const char* a_strategy) {
    return war_scenario(front(10, 5, 0.3, 0.0), 50, {0.01, 1.0, {}, strategy(a_strategy, {{"horizon", 40.0}})},
                        {0.01, 1.0, {}, strategy("linear", {{"horizon", 40.0}})});
  };
  const RunSummary quick = run(war("quick"));
  const RunSummary prolonged = run(war("prolonged"));
  REQUIRE(quick.settled.count > 100);
  REQUIRE(prolonged.settled.count > 100);
  check_larger(quick.settlement_period, prolonged.settlement_period);
  // Side A's share of the territory in the settlement.
  check_larger(quick.settlement_terms[0].amount, prolonged.settlement_terms[0].amount);
}

TEST_CASE("comparative statics: complete information and equilibrium-like play settle at once", "[engine]") {
  // The proposer offers the responder exactly its continuation value, which it accepts.
  const Scenario sc = war_scenario(front(10, 3, 0.5, -0.2), 40, {0.002, 0.99, {}, strategy("contingent", {{"beta", 1.0}})},
                                   {0.004, 0.98, {}, strategy("contingent", {{"beta", 0.0}})});
  const RunSummary s = run(sc, 600);
  CHECK(s.settled.count == s.runs);
  CHECK(s.duration.histogram[0] == s.runs);
  CHECK(s.utility[0].std_dev == 0.0);  // the same deal in every run
}
