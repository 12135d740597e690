// Monte Carlo against the exact analytics (DESIGN 1.4, 2): with talks disabled the episode is
// the war fought to the end, whose outcome distribution, duration and payoffs are known
// exactly (war_outcome, war_value).
#include <catch2/catch.hpp>

#include <cmath>

#include "../agents/test_scenarios.hpp"
#include "parley/battlefield/war_outcome.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/engine/monte_carlo.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Talks only at the horizon, i.e. never (talks are held at t < T).
Scenario without_talks(Scenario s) {
  s.protocol.periods = {s.horizon};
  return s;
}

void check_proportion(const ProportionEstimate& estimate, double exact, std::int64_t runs) {
  const double half = z_999 * std::sqrt(exact * (1.0 - exact) / static_cast<double>(runs));
  CHECK(std::abs(estimate.p - exact) <= half);
}

}  // namespace

TEST_CASE("monte carlo without talks: outcomes, duration and payoffs match the exact war", "[engine]") {
  BattlefieldParams bf = front(6, 3, 0.5, 0.2);
  bf.advantage.kind = AdvantageSchedule::Kind::linear;  // a time-inhomogeneous chain
  bf.advantage.a0 = 0.4;
  bf.advantage.a1 = -0.2;
  bf.advantage.t0 = 0;
  bf.advantage.t1 = 15;
  bf.offensive_probability = 0.1;
  bf.offensive_size = 2;
  const Scenario sc = without_talks(war_scenario(bf, 20, {0.01, 0.98}, {0.02, 0.99}));
  const WarOutcome exact = war_outcome(sc);
  REQUIRE(exact.collapse_a > 0.05);
  REQUIRE(exact.collapse_b > 0.05);
  REQUIRE(exact.frozen > 0.05);

  RunOptions options;
  options.runs = 4000;
  options.seed = 7;
  options.threads = 2;
  const RunSummary summary = simulate(sc, options);
  REQUIRE(summary.runs == options.runs);
  CHECK(summary.settled.count == 0);
  check_proportion(summary.collapse_a, exact.collapse_a, options.runs);
  check_proportion(summary.collapse_b, exact.collapse_b, options.runs);
  check_proportion(summary.frozen, exact.frozen, options.runs);
  CHECK(std::abs(summary.duration.mean.mean - exact.expected_duration) <= z_999 * summary.duration.mean.std_error);
  // Each side's expected payoff is its war value at the start, V_i(0, s_0) (DESIGN 1.1, 1.4).
  for (std::size_t i = 0; i < 2; ++i) {
    const double v = war_value(sc, i)(0, bf.start);
    CHECK(std::abs(summary.utility[i].mean - v) <= z_999 * summary.utility[i].std_error);
  }
  // The final territory line of frozen wars has the exact conditional mean too.
  CHECK(summary.outcome_terms[0].count == options.runs);
  const double frozen_share = exact.expected_frozen_share;
  const double mean_final = summary.outcome_terms[0].amount.mean;
  const double mean_exact = exact.collapse_b * 1.0 + exact.frozen * frozen_share;
  CHECK(std::abs(mean_final - mean_exact) <= z_999 * summary.outcome_terms[0].amount.std_error);
}

TEST_CASE("monte carlo: results do not depend on the number of threads", "[engine]") {
  const Scenario sc = war_scenario(front(8, 4, 0.4, 0.1), 30, {0.005, 0.995, {}, strategy("prolonged")},
                                   {0.01, 0.99, {}, strategy("quick")}, 20);
  RunOptions options;
  options.runs = 3 * runs_per_block + 17;  // a last, partial block
  options.seed = 11;
  options.threads = 1;
  const RunSummary one = simulate(sc, options);
  options.threads = 2;
  const RunSummary two = simulate(sc, options);
  options.threads = 5;
  const RunSummary five = simulate(sc, options);
  for (const RunSummary* other : {&two, &five}) {
    CHECK(other->settled.count == one.settled.count);
    CHECK(other->collapse_a.count == one.collapse_a.count);
    CHECK(other->duration.histogram == one.duration.histogram);
    CHECK(other->settlement_periods == one.settlement_periods);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(other->utility[i].mean == one.utility[i].mean);          // bit for bit
      CHECK(other->utility[i].std_error == one.utility[i].std_error);
    }
    CHECK(other->settlement_terms[0].amount.mean == one.settlement_terms[0].amount.mean);
  }
  // A different seed gives a different sample.
  options.seed = 12;
  CHECK(simulate(sc, options).utility[0].mean != one.utility[0].mean);
}

TEST_CASE("monte carlo: progress is reported block by block up to the total", "[engine]") {
  const Scenario sc = pie_scenario(5, {0.0, 0.9, {}, strategy("linear")}, {0.0, 0.9, {}, strategy("linear")});
  RunOptions options;
  options.runs = 2 * runs_per_block + 1;
  options.threads = 2;
  std::vector<std::int64_t> reported;
  options.progress = [&](std::int64_t done, std::int64_t total) {
    CHECK(total == options.runs);
    reported.push_back(done);
  };
  (void)simulate(sc, options);
  CHECK(reported == std::vector<std::int64_t>{runs_per_block, 2 * runs_per_block, options.runs});
  options.runs = 0;
  CHECK_THROWS_AS(simulate(sc, options), std::invalid_argument);
}
