// Sampling the front: common random numbers, and 10^5 seeded paths against the exact
// outcome distribution (99.9% confidence intervals).
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "front_scenario.hpp"
#include "parley/battlefield/front_sampler.hpp"
#include "parley/battlefield/war_outcome.hpp"

using namespace parley;
using parley::testing::constant_front;

namespace {

constexpr double z999 = 3.2905;  // two-sided 99.9% normal quantile

// Compares the empirical outcome of `runs` seeded paths with the exact distribution.
void check_against_exact(const BattlefieldChain& chain, int horizon, std::uint64_t seed) {
  const WarOutcome exact = war_outcome(chain, chain.start(), horizon);
  const FrontSampler sampler(chain, horizon);
  const int runs = 100000;
  int count_a = 0, count_b = 0, count_frozen = 0;
  double duration_sum = 0.0;
  for (int run = 0; run < runs; ++run) {
    RandomStream rng(seed, 0, static_cast<std::uint64_t>(run));
    const FrontPathEnd end = sampler.run_to_end(rng);
    if (end.state <= chain.collapse_a()) ++count_a;
    else if (end.state >= chain.collapse_b()) ++count_b;
    else ++count_frozen;
    duration_sum += end.duration;
  }
  const auto check_frequency = [&](int count, double p) {
    const double f = static_cast<double>(count) / runs;
    INFO("frequency " << f << ", exact " << p);
    CHECK(std::abs(f - p) <= z999 * std::sqrt(p * (1.0 - p) / runs));
  };
  check_frequency(count_a, exact.collapse_a);
  check_frequency(count_b, exact.collapse_b);
  check_frequency(count_frozen, exact.frozen);
  // Var(min(tau, T)) from the exact end distribution.
  double second = horizon * static_cast<double>(horizon) * exact.frozen;
  for (int t = 0; t < horizon; ++t)
    second += (t + 1.0) * (t + 1.0) *
              (exact.end_a[static_cast<std::size_t>(t)] + exact.end_b[static_cast<std::size_t>(t)]);
  const double variance = second - exact.expected_duration * exact.expected_duration;
  const double mean = duration_sum / runs;
  INFO("mean duration " << mean << ", exact " << exact.expected_duration);
  CHECK(std::abs(mean - exact.expected_duration) <= z999 * std::sqrt(variance / runs));
}

}  // namespace

TEST_CASE("front sampler: one uniform per interior move, none once absorbed", "[battlefield]") {
  BattlefieldParams bf = constant_front(10, 5, 0.7, 0.2, 2, 8);
  bf.offensive_probability = 0.3;
  bf.offensive_size = 3;
  const FrontSampler sampler(BattlefieldChain(bf), 50);
  RandomStream rng(5, 0, 0);
  for (int s : {0, 2, 8, 10}) {
    const RandomStream before = rng;
    CHECK(sampler.step(3, s, rng) == s);
    CHECK(rng.state() == before.state());
  }
  for (int s = 3; s < 8; ++s) {
    RandomStream advanced = rng;
    advanced.next();
    const int to = sampler.step(3, s, rng);
    CHECK(rng.state() == advanced.state());
    CHECK(to >= 2);
    CHECK(to <= 8);
  }
  CHECK_THROWS_AS(sampler.step(50, 5, rng), std::out_of_range);
  CHECK_THROWS_AS(sampler.step(-1, 5, rng), std::out_of_range);
}

TEST_CASE("front sampler: the same run gives the same front", "[battlefield]") {
  const BattlefieldChain chain(constant_front(30, 15, 0.5, 0.05));
  const FrontSampler sampler(chain, 200);
  std::vector<int> first, second;
  for (std::uint64_t run = 0; run < 20; ++run) {
    RandomStream a(77, 3, run), b(77, 3, run);
    const FrontPathEnd ea = sampler.run_to_end(a, first);
    // Step by step, as the engine drives it between rounds of talks.
    int s = chain.start();
    second = {s};
    for (int t = 0; t < sampler.horizon() && !chain.absorbing(s); ++t) second.push_back(s = sampler.step(t, s, b));
    CHECK(first == second);
    CHECK(ea.state == first.back());
    CHECK(ea.duration == static_cast<int>(first.size()) - 1);
    // Without offensives the front moves at most one state a period.
    for (std::size_t t = 1; t < first.size(); ++t) CHECK(std::abs(first[t] - first[t - 1]) <= 1);
  }
}

TEST_CASE("front sampler: frequencies and duration match the exact outcome", "[battlefield]") {
  SECTION("constant drift with holding") {
    check_against_exact(BattlefieldChain(constant_front(10, 4, 0.6, 0.1)), 60, 11);
  }
  SECTION("exhaustion schedule, offensives, inner thresholds, a belief offset") {
    BattlefieldParams bf = constant_front(20, 9, 0.8, 0.4, 2, 17);
    bf.advantage.kind = AdvantageSchedule::Kind::exponential;
    bf.advantage.a_inf = -0.3;
    bf.advantage.half_life = 10;
    bf.offensive_probability = 0.2;
    bf.offensive_size = 3;
    check_against_exact(BattlefieldChain(bf, -0.1), 80, 12);
  }
}
