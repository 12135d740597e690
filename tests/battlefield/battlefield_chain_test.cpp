// The battlefield chain's move probabilities (DESIGN 1.4) and its preconditions.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "front_scenario.hpp"
#include "parley/battlefield/battlefield_chain.hpp"

using namespace parley;
using parley::testing::constant_front;

TEST_CASE("battlefield chain: moves r(1 + a)/2, r(1 - a)/2, 1 - r", "[battlefield]") {
  const BattlefieldChain chain(constant_front(10, 5, 0.4, 0.25));
  CHECK(chain.states() == 10);
  CHECK(chain.state_count() == 11);
  CHECK(chain.probability(0, 5, 6) == Approx(0.4 * 1.25 / 2).epsilon(1e-15));
  CHECK(chain.probability(0, 5, 4) == Approx(0.4 * 0.75 / 2).epsilon(1e-15));
  CHECK(chain.probability(0, 5, 5) == Approx(0.6).epsilon(1e-15));
  CHECK(chain.probability(0, 5, 7) == 0.0);
  // Absorbing states keep the front.
  CHECK(chain.absorbing(0));
  CHECK(chain.absorbing(10));
  CHECK(!chain.absorbing(1));
  CHECK(chain.probability(0, 0, 0) == 1.0);
  CHECK(chain.probability(0, 10, 9) == 0.0);
  CHECK(chain.homogeneous());
}

TEST_CASE("battlefield chain: offsets are clamped into [-1, 1]", "[battlefield]") {
  const BattlefieldChain optimist(constant_front(10, 5, 0.5, 0.6), 0.7);
  CHECK(optimist.advantage(0) == 1.0);
  CHECK(optimist.probability(0, 5, 4) == 0.0);
  const BattlefieldChain pessimist(constant_front(10, 5, 0.5, 0.6), -0.8);
  CHECK(pessimist.advantage(3) == Approx(-0.2).epsilon(1e-14));
}

TEST_CASE("battlefield chain: offensives are clamped into the absorbing thresholds", "[battlefield]") {
  BattlefieldParams bf = constant_front(12, 6, 0.5, 0.2, 2, 10);
  bf.offensive_probability = 0.25;
  bf.offensive_size = 3;
  const BattlefieldChain chain(bf);
  const double up = 0.5 * 1.2 / 2, down = 0.5 * 0.8 / 2;
  CHECK(chain.probability(0, 6, 9) == Approx(up * 0.25).epsilon(1e-15));
  CHECK(chain.probability(0, 6, 7) == Approx(up * 0.75).epsilon(1e-15));
  CHECK(chain.probability(0, 6, 3) == Approx(down * 0.25).epsilon(1e-15));
  // From 8 an offensive up would reach 11: it ends on the threshold 10, as B's collapse.
  CHECK(chain.probability(0, 8, 10) == Approx(up * 0.25).epsilon(1e-15));
  CHECK(chain.probability(0, 8, 11) == 0.0);
  // From 3, an ordinary and an offensive move down both end at the threshold 2.
  CHECK(chain.probability(0, 3, 2) == Approx(down).epsilon(1e-15));
  CHECK(chain.destination(3, -3) == 2);
  // Every row of P_t is a probability distribution, and agrees with probability().
  const auto p = chain.transition(0);
  for (int s = 0; s <= 12; ++s) {
    CHECK(p.row(s).sum() == Approx(1.0).epsilon(1e-15));
    for (int to = 0; to <= 12; ++to) CHECK(p.coeff(s, to) == chain.probability(0, s, to));
  }
}

TEST_CASE("battlefield chain: time-varying advantage", "[battlefield]") {
  BattlefieldParams bf = constant_front(10, 5, 1.0, 0.5);
  bf.advantage.kind = AdvantageSchedule::Kind::steps;
  bf.advantage.steps = {{4, -0.5}};
  const BattlefieldChain chain(bf);
  CHECK(!chain.homogeneous());
  CHECK(chain.probability(3, 5, 6) == Approx(0.75).epsilon(1e-15));
  CHECK(chain.probability(4, 5, 6) == Approx(0.25).epsilon(1e-15));
  CHECK(chain.moves(4).stay == 0.0);
}

TEST_CASE("battlefield chain: bad parameters are rejected", "[battlefield]") {
  const auto rejects = [](auto change) {
    BattlefieldParams bf = constant_front(10, 5, 0.5, 0.0);
    change(bf);
    CHECK_THROWS_AS(BattlefieldChain(bf), std::invalid_argument);
  };
  rejects([](BattlefieldParams& b) { b.tempo = 0.0; });
  rejects([](BattlefieldParams& b) { b.tempo = 1.5; });
  rejects([](BattlefieldParams& b) { b.states = 1; b.start = 1; b.collapse_b = 1; });
  rejects([](BattlefieldParams& b) { b.collapse_a = 5; b.collapse_b = 6; });
  rejects([](BattlefieldParams& b) { b.collapse_b = 11; });
  rejects([](BattlefieldParams& b) { b.start = 0; });
  rejects([](BattlefieldParams& b) { b.advantage.a0 = 1.2; });
  rejects([](BattlefieldParams& b) {
    b.advantage.kind = AdvantageSchedule::Kind::steps;
    b.advantage.steps = {{3, -1.5}};
  });
  rejects([](BattlefieldParams& b) {
    b.advantage.kind = AdvantageSchedule::Kind::exponential;
    b.advantage.half_life = 0.0;
  });
  rejects([](BattlefieldParams& b) { b.offensive_probability = -0.1; });
  rejects([](BattlefieldParams& b) { b.offensive_size = 0; });
}
