// Bayesian beliefs over advantage hypotheses (DESIGN 1.5) against hand-computed posteriors.
#include <catch2/catch.hpp>

#include <iterator>
#include <stdexcept>
#include <vector>

#include "front_scenario.hpp"
#include "parley/battlefield/belief.hpp"

using namespace parley;
using parley::testing::constant_front;
using parley::testing::front_scenario;
using parley::testing::FrontParty;

TEST_CASE("belief: Bayes' rule by hand", "[battlefield]") {
  // True advantage 0.1, tempo 0.5; hypotheses a = -0.1 (prior 0.4) and 0.4 (prior 0.6).
  const BattlefieldParams bf = constant_front(10, 5, 0.5, 0.1);
  Belief belief(BeliefSpec{{-0.2, 0.3}, {0.4, 0.6}}, &bf);
  CHECK(belief.expected_advantage(0) == Approx(0.4 * -0.1 + 0.6 * 0.4).epsilon(1e-14));
  // Up: likelihoods 0.5 * 0.9 / 2 = 0.225 and 0.5 * 1.4 / 2 = 0.35; 0.09 : 0.21.
  belief.observe(0, 5, 6);
  CHECK(belief.probabilities()[0] == Approx(0.3).epsilon(1e-14));
  CHECK(belief.probabilities()[1] == Approx(0.7).epsilon(1e-14));
  // Stay: both 0.5, nothing learnt.
  belief.observe(1, 6, 6);
  CHECK(belief.probabilities()[0] == Approx(0.3).epsilon(1e-14));
  // Down: 0.275 and 0.15; 0.0825 : 0.105.
  belief.observe(2, 6, 5);
  CHECK(belief.probabilities()[0] == Approx(0.0825 / 0.1875).epsilon(1e-14));
  CHECK(belief.probabilities()[1] == Approx(0.105 / 0.1875).epsilon(1e-14));
  CHECK(belief.expected_advantage(3) == Approx(0.44 * -0.1 + 0.56 * 0.4).epsilon(1e-14));
  // A move from an absorbing state says nothing.
  belief.observe(3, 0, 0);
  CHECK(belief.probabilities()[0] == Approx(0.44).epsilon(1e-14));
  belief.reset();
  CHECK(belief.probabilities() == std::vector<double>{0.4, 0.6});
}

TEST_CASE("belief: impossible moves rule hypotheses out", "[battlefield]") {
  // Offset 0.9 on 0.5 clamps to a = 1: a move down is impossible under it.
  const BattlefieldParams bf = constant_front(10, 5, 0.5, 0.5);
  Belief belief(BeliefSpec{{0.0, 0.9}, {0.5, 0.5}}, &bf);
  belief.observe(0, 5, 4);
  CHECK(belief.probabilities()[0] == 1.0);
  CHECK(belief.probabilities()[1] == 0.0);
  // A move no hypothesis allows (two states without offensives) leaves the belief alone.
  Belief sure(BeliefSpec{{0.9}, {1.0}}, &bf);
  sure.observe(0, 5, 4);
  CHECK(sure.probabilities()[0] == 1.0);
}

TEST_CASE("belief: offensives enter the likelihoods", "[battlefield]") {
  BattlefieldParams bf = constant_front(20, 10, 0.6, 0.0);
  bf.offensive_probability = 0.1;
  bf.offensive_size = 4;
  Belief belief(BeliefSpec{{-0.5, 0.5}, {0.5, 0.5}}, &bf);
  // A gain of four states: 0.6 * 0.5 / 2 * 0.1 against 0.6 * 1.5 / 2 * 0.1, so 1 : 3.
  belief.observe(0, 10, 14);
  CHECK(belief.probabilities()[0] == Approx(0.25).epsilon(1e-14));
}

TEST_CASE("belief: without a battlefield it stays at its prior", "[battlefield]") {
  Belief belief(BeliefSpec{{-0.2, 0.2}, {0.3, 0.7}}, nullptr);
  belief.observe(0, 0, 0);
  CHECK(belief.probabilities() == std::vector<double>{0.3, 0.7});
  CHECK(belief.expected_advantage(0) == 0.0);
}

TEST_CASE("belief: bad priors are rejected", "[battlefield]") {
  const BattlefieldParams bf = constant_front(10, 5, 0.5, 0.0);
  CHECK_THROWS_AS(Belief(BeliefSpec{{0.0, 0.1}, {1.0}}, &bf), std::invalid_argument);
  CHECK_THROWS_AS(Belief(BeliefSpec{{0.0, 0.1}, {0.7, 0.7}}, &bf), std::invalid_argument);
  CHECK_THROWS_AS(Belief(BeliefSpec{{0.0, 0.1}, {1.2, -0.2}}, &bf), std::invalid_argument);
  CHECK_THROWS_AS(Belief(BeliefSpec{{}, {}}, &bf), std::invalid_argument);
}

TEST_CASE("belief: subjective values average the hypotheses' tables", "[battlefield]") {
  BattlefieldParams bf = constant_front(12, 6, 0.5, 0.0);
  bf.offensive_probability = 0.1;
  bf.offensive_size = 2;
  const BeliefSpec spec{{-0.3, 0.1, 0.5}, {0.3, 0.3, 0.4}};
  const FrontParty a{0.004, 0.97, spec};
  const Scenario sc = front_scenario(bf, 20, a);
  const auto tables = war_values_by_belief(sc)[0];
  Belief belief(spec, &*sc.battlefield);
  belief.observe(0, 6, 7);
  belief.observe(1, 7, 9);
  const auto& pi = belief.probabilities();
  const double v = pi[0] * tables[0](2, 9) + pi[1] * tables[1](2, 9) + pi[2] * tables[2](2, 9);
  CHECK(subjective_value(belief, tables, 2, 9) == Approx(v).epsilon(1e-14));

  // The martingale property of the header: the subjective continuation at (t, s) equals
  // -c + delta E[subjective value at (t + 1, s') under the posterior after s -> s'], the
  // expectation over the predictive distribution sum_k pi_k P^k(s, s').
  const int t = 2, s = 9;
  double expected_next = 0.0;
  for (int to = 0; to <= 12; ++to) {
    double predictive = 0.0;
    for (std::size_t k = 0; k < 3; ++k) predictive += pi[k] * belief.chain(k).probability(t, s, to);
    if (predictive == 0.0) continue;
    Belief after = belief;
    after.observe(t, s, to);
    expected_next += predictive * subjective_value(after, tables, t + 1, to);
  }
  CHECK(subjective_continuation(belief, tables, t, s) ==
        Approx(-a.cost + a.discount * expected_next).epsilon(1e-13));
  CHECK_THROWS_AS(subjective_value(belief, {tables[0]}, 2, 9), std::invalid_argument);
}

TEST_CASE("belief: tabulated likelihoods agree with the schedule evaluated on the fly",
          "[battlefield]") {
  BattlefieldParams bf = constant_front(20, 10, 0.7, 0.3);
  bf.advantage.kind = AdvantageSchedule::Kind::exponential;
  bf.advantage.a_inf = -0.4;
  bf.advantage.half_life = 5;
  bf.offensive_probability = 0.2;
  bf.offensive_size = 3;
  const BeliefSpec spec{{-0.5, 0.0, 0.5}, {0.2, 0.5, 0.3}};
  Belief tabulated(spec, &bf, 10);  // periods 10.. are evaluated on the fly
  Belief on_the_fly(spec, &bf);
  const int path[] = {10, 11, 11, 14, 13, 12, 9, 10, 13, 13, 12, 11, 12, 15, 14};
  for (int t = 0; t + 1 < static_cast<int>(std::size(path)); ++t) {
    tabulated.observe(t, path[t], path[t + 1]);
    on_the_fly.observe(t, path[t], path[t + 1]);
    for (std::size_t k = 0; k < 3; ++k)
      REQUIRE(tabulated.probabilities()[k] == on_the_fly.probabilities()[k]);
  }
  // The whole path's posterior: prior times the product of likelihoods, normalised.
  std::vector<double> posterior(spec.prior);
  for (int t = 0; t + 1 < static_cast<int>(std::size(path)); ++t)
    for (std::size_t k = 0; k < 3; ++k) posterior[k] *= on_the_fly.chain(k).probability(t, path[t], path[t + 1]);
  const double total = posterior[0] + posterior[1] + posterior[2];
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(tabulated.probabilities()[k] == Approx(posterior[k] / total).epsilon(1e-12));
}
