// Streaming statistics (DESIGN 2): Welford and Chan against two-pass formulas, Wilson
// intervals against their closed forms, quantiles from the exact histogram, and a summary of
// hand-made episodes.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "../agents/test_scenarios.hpp"
#include "parley/engine/run_statistics.hpp"

using namespace parley;
using namespace parley::testing;

TEST_CASE("running moments: Welford and Chan's merge agree with the two-pass formulas", "[engine]") {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal(3.0, 2.0);
  std::vector<double> xs(1001);
  for (double& x : xs) x = normal(rng) + 1e6;  // a large offset: the naive sum of squares would lose digits
  double mean = 0.0;
  for (double x : xs) mean += x;
  mean /= static_cast<double>(xs.size());
  double ss = 0.0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  const double variance = ss / static_cast<double>(xs.size() - 1);

  RunningMoments all, left, right;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    all.add(xs[i]);
    (i < 400 ? left : right).add(xs[i]);
  }
  left.merge(right);
  for (const RunningMoments* m : {&all, &left}) {
    CHECK(m->count() == 1001);
    CHECK(m->mean() == Approx(mean).epsilon(1e-14));
    CHECK(m->variance() == Approx(variance).epsilon(1e-9));
    CHECK(m->standard_error() == Approx(std::sqrt(variance / 1001.0)).epsilon(1e-9));
  }
  RunningMoments empty;
  empty.merge(all);
  CHECK(empty.mean() == all.mean());
  CHECK(RunningMoments().variance() == 0.0);
}

TEST_CASE("wilson interval: closed forms at 0, n and n/2", "[engine]") {
  const double z2 = z_95 * z_95;
  // 0 of n: [0, z^2 / (n + z^2)].
  const Interval none = wilson_interval(0, 100);
  CHECK(none.low == 0.0);
  CHECK(none.high == Approx(z2 / (100.0 + z2)).epsilon(1e-14));
  const Interval all = wilson_interval(100, 100);
  CHECK(all.low == Approx(100.0 / (100.0 + z2)).epsilon(1e-14));
  CHECK(all.high == 1.0);
  // Half: symmetric about 1/2 with half-width z sqrt(1/(4n) + z^2/(4n^2)) / (1 + z^2/n).
  const Interval half = wilson_interval(50, 100);
  const double w = z_95 * std::sqrt(0.25 / 100.0 + z2 / 40000.0) / (1.0 + z2 / 100.0);
  CHECK(half.low == Approx(0.5 - w).epsilon(1e-14));
  CHECK(half.high == Approx(0.5 + w).epsilon(1e-14));
  const Interval nothing = wilson_interval(0, 0);
  CHECK(nothing.low == 0.0);
  CHECK(nothing.high == 1.0);
}

TEST_CASE("histogram quantiles: the smallest d with P(D <= d) >= q", "[engine]") {
  const std::vector<std::int64_t> counts = {1, 0, 3, 0, 4, 2};  // 10 values
  CHECK(histogram_quantile(counts, 1, 10) == 0);   // P(D <= 0) = 0.1
  CHECK(histogram_quantile(counts, 1, 2) == 4);    // P(D <= 2) = 0.4, P(D <= 4) = 0.8
  CHECK(histogram_quantile(counts, 4, 10) == 2);   // exactly 0.4 at 2
  CHECK(histogram_quantile(counts, 9, 10) == 5);
  CHECK(histogram_quantile(std::vector<std::int64_t>(4, 0), 1, 2) == 0);
}

TEST_CASE("run accumulator: outcomes, durations, payoffs and terms of hand-made episodes", "[engine]") {
  const Scenario sc = war_scenario(front(4, 2, 0.5, 0.0), 6, {}, {});
  RunAccumulator first(sc), second(sc);
  Agreement settled_terms, frozen_terms = sc.frozen(3);
  settled_terms.amounts = {0.25};
  const auto episode = [](Outcome outcome, int period, int duration, const Agreement& terms, double pa, double pb) {
    EpisodeResult r;
    r.outcome = outcome;
    r.period = period;
    r.duration = duration;
    r.terms = &terms;
    r.payoffs = {pa, pb};
    return r;
  };
  first.add(episode(Outcome::settled, 2, 2, settled_terms, 0.25, 0.75));
  first.add(episode(Outcome::frozen, 6, 6, frozen_terms, 0.75, 0.25));
  second.add(episode(Outcome::settled, 4, 4, settled_terms, 0.2, 0.7));
  second.add(episode(Outcome::collapse_b, 0, 1, sc.collapse_b_terms, 1.0, 0.0));
  first.merge(second);
  const RunSummary s = first.summary(9, 1);
  CHECK(s.runs == 4);
  CHECK(s.seed == 9);
  CHECK(s.point == 1);
  CHECK(s.settled.count == 2);
  CHECK(s.settled.p == 0.5);
  CHECK(s.frozen.count == 1);
  CHECK(s.collapse_b.count == 1);
  CHECK(s.collapse_a.count == 0);
  CHECK(s.duration.mean.mean == Approx((2.0 + 6.0 + 4.0 + 1.0) / 4.0).epsilon(1e-15));
  CHECK(s.duration.histogram == std::vector<std::int64_t>{0, 1, 1, 0, 1, 0, 1});
  CHECK(s.duration.median == 2);
  CHECK(s.settlement_periods == std::vector<std::int64_t>{0, 0, 1, 0, 1, 0});
  CHECK(s.settlement_period.mean == 3.0);
  CHECK(s.utility[0].mean == Approx((0.25 + 0.75 + 0.2 + 1.0) / 4.0).epsilon(1e-15));
  CHECK(s.settlement_terms[0].count == 2);
  CHECK(s.settlement_terms[0].amount.mean == 0.25);
  CHECK(s.outcome_terms[0].amount.mean == Approx((0.25 + 0.75 + 0.25 + 1.0) / 4.0).epsilon(1e-15));
  first.clear();
  CHECK(first.runs() == 0);
  CHECK(first.summary(0, 0).duration.histogram == std::vector<std::int64_t>(7, 0));
}
