// The homogeneous front with no horizon against the gambler's ruin in closed form
// (Feller vol. I ch. XIV; docs/theory.md "The front as a random walk").
#include <catch2/catch.hpp>

#include <vector>

#include "gamblers_ruin.hpp"
#include "front_scenario.hpp"
#include "parley/battlefield/infinite_horizon.hpp"

using namespace parley;
using parley::testing::constant_front;
using parley::testing::GamblersRuin;
using parley::testing::relative_error;

namespace {

struct Walk {
  int n;
  double tempo;
  double advantage;
};

// Drift and no drift, with and without holding (tempo < 1), pure drift (q = 0), at several N.
const std::vector<Walk> walks = {
    {2, 1.0, 0.0},   {6, 0.75, 1.0 / 3.0}, {6, 0.4, 0.0},  {7, 1.0, -0.25}, {11, 0.3, 0.1},
    {25, 0.6, 0.0},  {25, 0.9, -0.15},     {40, 0.5, 1.0}, {60, 0.2, 0.05}, {120, 1.0, 0.02}};
const std::vector<double> discounts = {0.5, 0.8, 0.97, 0.999};

}  // namespace

TEST_CASE("infinite horizon: the worked gambler's ruin of docs/theory.md", "[battlefield]") {
  // N = 6, k = 2, p = 1/2, q = 1/4: tempo 3/4 and advantage 1/3.
  const BattlefieldChain chain(constant_front(6, 2, 0.75, 1.0 / 3.0));
  const InfiniteHorizon ih(chain);
  CHECK(relative_error(ih.collapse_b()(2), 16.0 / 21.0) < 1e-12);
  CHECK(relative_error(ih.collapse_a()(2), 5.0 / 21.0) < 1e-12);
  CHECK(relative_error(ih.expected_duration()(2), 72.0 / 7.0) < 1e-12);
  CHECK(relative_error(ih.discounted_collapse_b(0.8)(2), 4.0 / 35.0) < 1e-12);
  CHECK(relative_error(ih.discounted_collapse_a(0.8)(2), 3.0 / 35.0) < 1e-12);
}

TEST_CASE("infinite horizon: absorption and duration match the gambler's ruin", "[battlefield]") {
  for (const Walk& w : walks) {
    const BattlefieldChain chain(constant_front(w.n, 1, w.tempo, w.advantage));
    const FrontMoves m = chain.moves(0);
    const GamblersRuin ruin{w.n, m.up, m.down};
    const InfiniteHorizon ih(chain);
    INFO("N = " << w.n << ", tempo = " << w.tempo << ", advantage = " << w.advantage);
    for (int k = 1; k < w.n; ++k) {
      INFO("k = " << k);
      CHECK(relative_error(ih.collapse_b()(k), ruin.hit_top(k)) < 1e-9);
      if (w.advantage < 1.0) CHECK(relative_error(ih.collapse_a()(k), ruin.hit_bottom(k)) < 1e-9);
      else CHECK(ih.collapse_a()(k) == 0.0);  // q = 0: side A never collapses
      CHECK(relative_error(ih.expected_duration()(k), ruin.duration(k)) < 1e-9);
    }
    // The war is over at the thresholds.
    CHECK(ih.collapse_a()(0) == 1.0);
    CHECK(ih.collapse_b()(w.n) == 1.0);
    CHECK(ih.expected_duration()(0) == 0.0);
    CHECK(ih.expected_duration()(w.n) == 0.0);
  }
}

TEST_CASE("infinite horizon: discounted absorption matches the gambler's ruin", "[battlefield]") {
  for (const Walk& w : walks) {
    const BattlefieldChain chain(constant_front(w.n, 1, w.tempo, w.advantage));
    const FrontMoves m = chain.moves(0);
    const GamblersRuin ruin{w.n, m.up, m.down};
    const InfiniteHorizon ih(chain);
    for (double delta : discounts) {
      const Eigen::VectorXd top = ih.discounted_collapse_b(delta);
      const Eigen::VectorXd bottom = ih.discounted_collapse_a(delta);
      INFO("N = " << w.n << ", tempo = " << w.tempo << ", advantage = " << w.advantage
                  << ", delta = " << delta);
      for (int k = 1; k < w.n; ++k) {
        INFO("k = " << k);
        // Values below 1e-250 are beyond what any payoff can feel; they must still be tiny.
        const double exact_top = ruin.discounted_top(k, delta);
        if (exact_top > 1e-250) CHECK(relative_error(top(k), exact_top) < 1e-9);
        else CHECK(top(k) < 1e-240);
        const double exact_bottom = ruin.discounted_bottom(k, delta);
        if (exact_bottom > 1e-250) CHECK(relative_error(bottom(k), exact_bottom) < 1e-9);
        else CHECK(bottom(k) < 1e-240);
      }
    }
  }
}

TEST_CASE("infinite horizon: a party's war value is its discounted collapse lottery minus costs",
          "[battlefield]") {
  // V(k) = u_a D_A(k) + u_b D_B(k) - c (1 - D_A(k) - D_B(k)) / (1 - delta) with
  // D = E[delta^tau; .]: costs are paid every period until absorption, sum_{t < tau} delta^t.
  const double cost = 0.003, delta = 0.97, u_a = 0.2, u_b = 0.9;
  for (const Walk& w : walks) {
    const BattlefieldChain chain(constant_front(w.n, 1, w.tempo, w.advantage));
    const FrontMoves m = chain.moves(0);
    const GamblersRuin ruin{w.n, m.up, m.down};
    const Eigen::VectorXd v = InfiniteHorizon(chain).value(cost, delta, u_a, u_b);
    for (int k = 1; k < w.n; ++k) {
      const double da = ruin.discounted_bottom(k, delta);
      const double db = ruin.discounted_top(k, delta);
      const double exact = u_a * da + u_b * db - cost * (1.0 - da - db) / (1.0 - delta);
      CHECK(relative_error(v(k), exact) < 1e-9);
    }
    CHECK(v(0) == u_a);
    CHECK(v(w.n) == u_b);
  }
}

TEST_CASE("infinite horizon: inner collapse thresholds shift the ruin problem", "[battlefield]") {
  // States 3..15 of 0..20 behave as the ruin problem on 0..12.
  const BattlefieldChain chain(constant_front(20, 9, 0.7, -0.2, 3, 15));
  const FrontMoves m = chain.moves(0);
  const GamblersRuin ruin{12, m.up, m.down};
  const InfiniteHorizon ih(chain);
  for (int s = 4; s < 15; ++s) {
    CHECK(relative_error(ih.collapse_b()(s), ruin.hit_top(s - 3)) < 1e-9);
    CHECK(relative_error(ih.expected_duration()(s), ruin.duration(s - 3)) < 1e-9);
    CHECK(relative_error(ih.discounted_collapse_a(0.9)(s), ruin.discounted_bottom(s - 3, 0.9)) < 1e-9);
  }
  for (int s = 0; s <= 3; ++s) CHECK(ih.collapse_a()(s) == 1.0);
  for (int s = 15; s <= 20; ++s) CHECK(ih.collapse_b()(s) == 1.0);
}

TEST_CASE("infinite horizon: offensives keep the chain stochastic and absorbing", "[battlefield]") {
  // No closed form with offensives; the fundamental-matrix identities must still hold:
  // B_A + B_B = 1, and m = 1 + Q m on the interior (first-step analysis).
  BattlefieldParams bf = constant_front(30, 15, 0.6, 0.1);
  bf.offensive_probability = 0.2;
  bf.offensive_size = 4;
  const BattlefieldChain chain(bf);
  const InfiniteHorizon ih(chain);
  const Eigen::VectorXd interior_m = ih.expected_duration().segment(1, 29);
  const Eigen::VectorXd first_step = Eigen::VectorXd::Ones(29) + ih.interior() * interior_m;
  for (int s = 1; s < 30; ++s) {
    CHECK(std::abs(ih.collapse_a()(s) + ih.collapse_b()(s) - 1.0) < 1e-12);
    CHECK(relative_error(ih.expected_duration()(s), first_step(s - 1)) < 1e-12);
  }
}
