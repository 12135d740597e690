// How a war fought to the end finishes, by forward propagation (DESIGN 1.4).
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

#include "front_scenario.hpp"
#include "gamblers_ruin.hpp"
#include "parley/battlefield/war_outcome.hpp"

using namespace parley;
using parley::testing::constant_front;
using parley::testing::GamblersRuin;
using parley::testing::relative_error;

TEST_CASE("war outcome: a two-step schedule by hand", "[battlefield]") {
  // N = 3, start 1, T = 2, tempo 0.8; advantage 0.5 then -0.5 from period 1:
  // t = 0: up 0.6, stay 0.2, down 0.2 (A collapses: 0.2);
  // t = 1: from 2 (0.6): up 0.2 -> B collapses 0.12, stay -> 2 0.12, down 0.6 -> 1 0.36;
  //        from 1 (0.2): up -> 2 0.04, stay -> 1 0.04, down -> A collapses 0.12.
  BattlefieldParams bf = constant_front(3, 1, 0.8, 0.5);
  bf.advantage.kind = AdvantageSchedule::Kind::steps;
  bf.advantage.steps = {{1, -0.5}};
  const WarOutcome w = war_outcome(BattlefieldChain(bf), 1, 2);
  CHECK(w.collapse_a == Approx(0.2 + 0.12).epsilon(1e-14));
  CHECK(w.collapse_b == Approx(0.12).epsilon(1e-14));
  CHECK(w.frozen == Approx(0.12 + 0.36 + 0.04 + 0.04).epsilon(1e-14));
  REQUIRE(w.end_a.size() == 2);
  CHECK(w.end_a[0] == Approx(0.2).epsilon(1e-14));
  CHECK(w.end_a[1] == Approx(0.12).epsilon(1e-14));
  CHECK(w.end_b[0] == 0.0);
  CHECK(w.end_b[1] == Approx(0.12).epsilon(1e-14));
  CHECK(w.final_distribution[1] == Approx(0.40).epsilon(1e-14));
  CHECK(w.final_distribution[2] == Approx(0.16).epsilon(1e-14));
  CHECK(w.expected_duration == Approx(0.2 * 1 + (0.12 + 0.12 + 0.56) * 2).epsilon(1e-14));
  CHECK(w.median_duration == 2);
  CHECK(w.expected_frozen_share == Approx((0.40 / 3.0 + 0.16 * 2.0 / 3.0) / 0.56).epsilon(1e-14));
}

TEST_CASE("war outcome: long horizons reach the gambler's ruin", "[battlefield]") {
  // P(absorbed by T) -> the ruin probabilities and E[min(tau, T)] -> E[tau] geometrically.
  struct Walk {
    int n, k;
    double tempo, advantage;
  };
  for (const Walk w : {Walk{6, 2, 0.75, 1.0 / 3.0}, Walk{10, 3, 0.4, 0.0}, Walk{15, 9, 1.0, -0.2}}) {
    const BattlefieldChain chain(constant_front(w.n, w.k, w.tempo, w.advantage));
    const GamblersRuin ruin{w.n, chain.moves(0).up, chain.moves(0).down};
    const WarOutcome o = war_outcome(chain, w.k, 6000);
    CHECK(o.frozen < 1e-12);
    CHECK(relative_error(o.collapse_b, ruin.hit_top(w.k)) < 1e-9);
    CHECK(relative_error(o.collapse_a, ruin.hit_bottom(w.k)) < 1e-9);
    CHECK(relative_error(o.expected_duration, ruin.duration(w.k)) < 1e-9);
  }
}

TEST_CASE("war outcome: forward propagation equals transition-matrix powers", "[battlefield]") {
  BattlefieldParams bf = constant_front(25, 12, 0.6, 0.3, 2, 22);
  bf.advantage.kind = AdvantageSchedule::Kind::linear;
  bf.advantage.a1 = -0.5;
  bf.advantage.t0 = 4;
  bf.advantage.t1 = 30;
  bf.offensive_probability = 0.15;
  bf.offensive_size = 5;
  const BattlefieldChain chain(bf, 0.1);
  const int horizon = 40;
  const WarOutcome o = war_outcome(chain, 12, horizon);
  Eigen::RowVectorXd pi = Eigen::RowVectorXd::Zero(26);
  pi(12) = 1.0;
  double absorbed_before = 0.0;
  double expected_duration = 0.0;
  for (int t = 0; t < horizon; ++t) {
    pi = pi * chain.transition(t);
    const double absorbed = pi.head(3).sum() + pi.tail(4).sum();
    CHECK(std::abs(o.end_a[static_cast<std::size_t>(t)] + o.end_b[static_cast<std::size_t>(t)] -
                   (absorbed - absorbed_before)) < 1e-14);
    expected_duration += (t + 1) * (absorbed - absorbed_before);
    absorbed_before = absorbed;
  }
  expected_duration += horizon * (1.0 - absorbed_before);
  CHECK(std::abs(o.collapse_a - pi.head(3).sum()) < 1e-14);
  CHECK(std::abs(o.collapse_b - pi.tail(4).sum()) < 1e-14);
  CHECK(std::abs(o.frozen - pi.segment(3, 19).sum()) < 1e-14);
  CHECK(std::abs(o.expected_duration - expected_duration) < 1e-12);
  for (int s = 3; s < 22; ++s) CHECK(std::abs(o.final_distribution[static_cast<std::size_t>(s)] - pi(s)) < 1e-14);
  CHECK(std::abs(o.collapse_a + o.collapse_b + o.frozen - 1.0) < 1e-13);
  const double end_a_total = std::accumulate(o.end_a.begin(), o.end_a.end(), 0.0);
  CHECK(std::abs(end_a_total - o.collapse_a) < 1e-14);
}

TEST_CASE("war outcome: a start on a threshold ends the war at once", "[battlefield]") {
  const BattlefieldChain chain(constant_front(10, 5, 0.5, 0.0, 2, 8));
  const WarOutcome o = war_outcome(chain, 1, 20);
  CHECK(o.collapse_a == 1.0);
  CHECK(o.expected_duration == 0.0);
  CHECK(o.median_duration == 0);
  const WarOutcome sc = war_outcome(parley::testing::front_scenario(constant_front(10, 9, 0.5, 0.0), 20));
  CHECK(sc.collapse_a + sc.collapse_b + sc.frozen == Approx(1.0).epsilon(1e-13));
}

TEST_CASE("war outcome: the median is the first duration reaching one half", "[battlefield]") {
  // Tempo 1, advantage 1, start one below the top: B collapses in period 0 for sure.
  const WarOutcome sure = war_outcome(BattlefieldChain(constant_front(5, 4, 1.0, 1.0)), 4, 10);
  CHECK(sure.median_duration == 1);
  CHECK(sure.expected_duration == 1.0);
  // Start 1 of N = 2 with tempo 1/2: the war ends in period t with probability 2^-(t+1), so
  // half end in period 0 (exactly one half: the tie counts).
  const WarOutcome halves = war_outcome(BattlefieldChain(constant_front(2, 1, 0.5, 0.0)), 1, 10);
  CHECK(halves.median_duration == 1);
  // With tempo 1/4: P(D <= d) = 1 - (3/4)^d reaches 1/2 at d = 3.
  const WarOutcome slow = war_outcome(BattlefieldChain(constant_front(2, 1, 0.25, 0.0)), 1, 10);
  CHECK(slow.median_duration == 3);
}
