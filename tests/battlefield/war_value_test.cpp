// Exact war values V_i(t, s) by backward induction (DESIGN 1.4): hand-computed cases,
// an independent matrix recursion, and the limit T -> infinity.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "front_scenario.hpp"
#include "parley/battlefield/infinite_horizon.hpp"
#include "parley/battlefield/war_value.hpp"

using namespace parley;
using parley::testing::constant_front;
using parley::testing::front_scenario;
using parley::testing::FrontParty;

namespace {

// N = 3, T = 2, tempo 0.8; advantage 0.5 in period 0, -0.5 from period 1 (a two-step
// schedule): up 0.6 / stay 0.2 / down 0.2 at t = 0, up 0.2 / stay 0.2 / down 0.6 at t = 1.
BattlefieldParams two_step_front() {
  BattlefieldParams bf = constant_front(3, 1, 0.8, 0.5);
  bf.advantage.kind = AdvantageSchedule::Kind::steps;
  bf.advantage.steps = {{1, -0.5}};
  return bf;
}

// V(t) = V(t + 1) recursion through the sparse transition matrices of the chain, with
// absorbing states pinned to their collapse values: an independent route to the table.
std::vector<Eigen::VectorXd> matrix_recursion(const BattlefieldChain& chain, int horizon,
                                              const WarPayoffs& w) {
  const int n = chain.state_count();
  std::vector<Eigen::VectorXd> v(static_cast<std::size_t>(horizon) + 1);
  v[static_cast<std::size_t>(horizon)] = Eigen::Map<const Eigen::VectorXd>(w.frozen.data(), n);
  for (int t = horizon; t >= 0; --t) {
    Eigen::VectorXd& row = v[static_cast<std::size_t>(t)];
    if (t < horizon)
      row = Eigen::VectorXd::Constant(n, -w.cost) +
            w.discount * (chain.transition(t) * v[static_cast<std::size_t>(t) + 1]);
    for (int s = 0; s < n; ++s) {
      if (s <= chain.collapse_a()) row(s) = w.collapse_a;
      if (s >= chain.collapse_b()) row(s) = w.collapse_b;
    }
  }
  return v;
}

}  // namespace

TEST_CASE("war value: a two-step schedule by hand", "[battlefield]") {
  const Scenario sc = front_scenario(two_step_front(), 2, FrontParty{0.01, 0.9}, FrontParty{0.02, 0.95});
  const WarValueTable a = war_value(sc, 0);
  const WarValueTable b = war_value(sc, 1);
  REQUIRE(a.horizon() == 2);
  REQUIRE(a.state_count() == 4);
  {
    const double c = 0.01, d = 0.9;
    const double v11 = -c + d * (0.2 * 2.0 / 3.0 + 0.2 * 1.0 / 3.0 + 0.6 * 0.0);
    const double v12 = -c + d * (0.2 * 1.0 + 0.2 * 2.0 / 3.0 + 0.6 * 1.0 / 3.0);
    CHECK(a(2, 1) == Approx(1.0 / 3.0).epsilon(1e-14));
    CHECK(a(2, 2) == Approx(2.0 / 3.0).epsilon(1e-14));
    CHECK(a(1, 1) == Approx(v11).epsilon(1e-14));
    CHECK(a(1, 2) == Approx(v12).epsilon(1e-14));
    CHECK(a(0, 1) == Approx(-c + d * (0.6 * v12 + 0.2 * v11 + 0.2 * 0.0)).epsilon(1e-14));
    CHECK(a(0, 2) == Approx(-c + d * (0.6 * 1.0 + 0.2 * v12 + 0.2 * v11)).epsilon(1e-14));
    for (int t = 0; t <= 2; ++t) {
      CHECK(a(t, 0) == 0.0);
      CHECK(a(t, 3) == 1.0);
    }
    CHECK(a.continuation(0, 1) == a(0, 1));
  }
  {
    const double c = 0.02, d = 0.95;
    const double v11 = -c + d * (0.2 * 1.0 / 3.0 + 0.2 * 2.0 / 3.0 + 0.6 * 1.0);
    const double v12 = -c + d * (0.2 * 0.0 + 0.2 * 1.0 / 3.0 + 0.6 * 2.0 / 3.0);
    CHECK(b(1, 1) == Approx(v11).epsilon(1e-14));
    CHECK(b(1, 2) == Approx(v12).epsilon(1e-14));
    CHECK(b(0, 1) == Approx(-c + d * (0.6 * v12 + 0.2 * v11 + 0.2 * 1.0)).epsilon(1e-14));
    CHECK(b(0, 2) == Approx(-c + d * (0.6 * 0.0 + 0.2 * v12 + 0.2 * v11)).epsilon(1e-14));
  }
}

TEST_CASE("war value: the stencil sweep equals the transition-matrix recursion", "[battlefield]") {
  // Time-varying schedules, offensives of several sizes (beyond both thresholds, and larger
  // than half the interior so that the sweep has no bulk), inner thresholds, offsets.
  struct Case {
    int n, ca, cb, size;
    double offensive;
    AdvantageSchedule::Kind kind;
    double offset;
  };
  const std::vector<Case> cases = {
      {30, 0, 30, 1, 0.0, AdvantageSchedule::Kind::exponential, 0.0},
      {30, 2, 27, 4, 0.2, AdvantageSchedule::Kind::exponential, 0.3},
      {30, 0, 30, 4, 0.5, AdvantageSchedule::Kind::linear, -0.4},
      {12, 1, 11, 7, 0.3, AdvantageSchedule::Kind::steps, 0.0},
      {8, 0, 8, 1, 0.4, AdvantageSchedule::Kind::constant, 1.5},  // clamped to a = 1
  };
  for (const Case& c : cases) {
    BattlefieldParams bf = constant_front(c.n, c.ca + 1, 0.7, 0.4, c.ca, c.cb);
    bf.offensive_probability = c.offensive;
    bf.offensive_size = c.size;
    bf.advantage.kind = c.kind;
    bf.advantage.a1 = -0.6;
    bf.advantage.t0 = 3;
    bf.advantage.t1 = 20;
    bf.advantage.a_inf = -0.3;
    bf.advantage.half_life = 6;
    bf.advantage.steps = {{5, -0.2}, {14, 0.9}};
    const Scenario sc = front_scenario(bf, 25, FrontParty{0.004, 0.98}, FrontParty{0.0, 1.0});
    const BattlefieldChain chain(bf, c.offset);
    for (std::size_t i = 0; i < 2; ++i) {
      const WarValueTable table = war_value(sc, i, c.offset);
      const auto reference = matrix_recursion(chain, 25, war_payoffs(sc, i));
      INFO("N = " << c.n << ", K = " << c.size << ", party " << i);
      for (int t = 0; t <= 25; ++t)
        for (int s = 0; s <= c.n; ++s)
          CHECK(std::abs(table(t, s) - reference[static_cast<std::size_t>(t)](s)) < 1e-14);
    }
  }
}

TEST_CASE("war value: finite horizons converge to the infinite-horizon solve", "[battlefield]") {
  // |V_T(0, s) - V_inf(s)| is at most delta^T times the payoff range plus the mass of wars
  // still going at T, so it falls geometrically and is below 1e-9 by T = 2000.
  BattlefieldParams bf = constant_front(10, 5, 0.5, -0.1);
  bf.offensive_probability = 0.1;
  bf.offensive_size = 2;
  const FrontParty a{0.002, 0.98};
  const Eigen::VectorXd limit =
      InfiniteHorizon(BattlefieldChain(bf)).value(war_payoffs(front_scenario(bf, 1, a), 0));
  double previous = 1.0;
  for (int horizon : {25, 100, 400, 2000}) {
    const WarValueTable v = war_value(front_scenario(bf, horizon, a), 0);
    double gap = 0.0;
    for (int s = 0; s <= 10; ++s) gap = std::max(gap, std::abs(v(0, s) - limit(s)));
    INFO("T = " << horizon << ", gap = " << gap);
    CHECK(gap < previous);
    previous = gap;
  }
  CHECK(previous < 1e-9);
}

TEST_CASE("war value: without a battlefield the reservation value is discounted", "[battlefield]") {
  Scenario sc = front_scenario(constant_front(4, 2, 0.5, 0.0), 12, FrontParty{0.01, 0.9});
  sc.battlefield.reset();
  sc.parties[0].reservation = 0.35;
  const WarValueTable v = war_value(sc, 0);
  REQUIRE(v.state_count() == 1);
  REQUIRE(v.horizon() == 12);
  for (int t = 0; t <= 12; ++t) {
    // V(t) = delta^(T - t) r - c (1 - delta^(T - t)) / (1 - delta).
    const double dn = std::pow(0.9, 12 - t);
    CHECK(v(t, 0) == Approx(dn * 0.35 - 0.01 * (1.0 - dn) / (1.0 - 0.9)).epsilon(1e-13));
  }
  const auto by_belief = war_values_by_belief(sc);
  REQUIRE(by_belief.size() == 2);
  CHECK(by_belief[0][0](0, 0) == v(0, 0));
}

TEST_CASE("war value: payoffs come from the frozen front and the collapse terms", "[battlefield]") {
  Scenario sc = front_scenario(constant_front(8, 3, 0.5, 0.0, 1, 7), 5);
  const WarPayoffs a = war_payoffs(sc, 0);
  REQUIRE(a.frozen.size() == 9);
  for (int s = 0; s <= 8; ++s) CHECK(a.frozen[static_cast<std::size_t>(s)] == Approx(s / 8.0).epsilon(1e-15));
  CHECK(a.collapse_a == 0.0);
  CHECK(a.collapse_b == 1.0);
  // Without imposed terms a collapse freezes the front at its threshold (the format's default).
  sc.collapse_a_terms = {};
  sc.collapse_b_terms = {};
  const WarPayoffs b = war_payoffs(sc, 1);
  CHECK(b.collapse_a == Approx(1.0 - 1.0 / 8.0).epsilon(1e-15));
  CHECK(b.collapse_b == Approx(1.0 - 7.0 / 8.0).epsilon(1e-15));
}

TEST_CASE("war value: tables by belief follow each party's hypotheses", "[battlefield]") {
  BattlefieldParams bf = constant_front(20, 10, 0.5, 0.1);
  FrontParty a{0.003, 0.99, BeliefSpec{{-0.3, 0.0, 0.4}, {0.2, 0.5, 0.3}}};
  FrontParty b{0.001, 0.97, BeliefSpec{{0.25}, {1.0}}};
  const Scenario sc = front_scenario(bf, 30, a, b);
  const auto tables = war_values_by_belief(sc);
  REQUIRE(tables.size() == 2);
  REQUIRE(tables[0].size() == 3);
  REQUIRE(tables[1].size() == 1);
  for (std::size_t k = 0; k < 3; ++k) {
    const WarValueTable single = war_value(sc, 0, a.belief.offsets[k]);
    for (int t = 0; t <= 30; ++t)
      for (int s = 0; s <= 20; ++s) CHECK(tables[0][k](t, s) == single(t, s));
  }
  const WarValueTable optimist = war_value(sc, 1, 0.25);
  CHECK(tables[1][0](0, 10) == optimist(0, 10));
  // Side B thinks A stronger than it is, so it expects less from fighting on than the truth.
  CHECK(optimist(0, 10) < war_value(sc, 1)(0, 10));
}
