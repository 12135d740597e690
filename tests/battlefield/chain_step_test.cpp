// The one step of the battlefield chain (DESIGN 1.4): expectation, backward step, forward
// propagation and sampling thresholds each agree with the transition matrix P_t.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "front_scenario.hpp"
#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/time_state_table.hpp"

using namespace parley;
using parley::testing::constant_front;

namespace {

// A chain with offensives of three states and thresholds inside 0..N, so that both clamping
// and two moves reaching the same state occur.
BattlefieldChain offensive_chain() {
  BattlefieldParams bf = constant_front(12, 6, 0.6, 0.3, 2, 10);
  bf.offensive_probability = 0.2;
  bf.offensive_size = 3;
  return BattlefieldChain(bf);
}

}  // namespace

TEST_CASE("chain step: expectation and backward step are sum_s' P_t(s, s') f(s')", "[battlefield]") {
  const BattlefieldChain chain = offensive_chain();
  const int n = chain.state_count();
  std::vector<double> f(static_cast<std::size_t>(n));
  // Constant on each side's absorbing states, as a value function is (backward_step's
  // precondition).
  for (int s = 0; s < n; ++s) {
    const int clamped = std::clamp(s, chain.collapse_a(), chain.collapse_b());
    f[static_cast<std::size_t>(s)] = std::sin(1.0 + clamped) + 0.1 * clamped * clamped;
  }
  const auto p = chain.transition(0);
  const double cost = 0.05, discount = 0.9;
  std::vector<double> out(static_cast<std::size_t>(n), -7.0);
  chain.backward_step(0, f, out, cost, discount);
  for (int s = 0; s < n; ++s) {
    if (chain.absorbing(s)) {
      CHECK(out[static_cast<std::size_t>(s)] == -7.0);  // absorbing entries are left alone
      continue;
    }
    double expected = 0.0;
    for (int to = 0; to < n; ++to) expected += p.coeff(s, to) * f[static_cast<std::size_t>(to)];
    CHECK(chain.expectation(chain.moves(0), s, f) == Approx(expected).epsilon(1e-14));
    CHECK(out[static_cast<std::size_t>(s)] == Approx(-cost + discount * expected).epsilon(1e-14));
  }
}

TEST_CASE("chain step: propagation is pi P_t over the interior", "[battlefield]") {
  const BattlefieldChain chain = offensive_chain();
  const int n = chain.state_count();
  std::vector<double> pi(static_cast<std::size_t>(n), 0.0), next(static_cast<std::size_t>(n), 3.0);
  pi[3] = 0.25;
  pi[6] = 0.5;
  pi[9] = 0.25;
  pi[1] = 0.5;  // mass on an absorbing state is not moved
  const double alive = chain.propagate(0, pi, next);
  CHECK(alive == Approx(1.0).epsilon(1e-15));
  const auto p = chain.transition(0);
  double total = 0.0;
  for (int to = 0; to < n; ++to) {
    double expected = 0.0;
    for (int s = chain.collapse_a() + 1; s < chain.collapse_b(); ++s)
      expected += pi[static_cast<std::size_t>(s)] * p.coeff(s, to);
    CHECK(next[static_cast<std::size_t>(to)] == Approx(expected).margin(1e-15));
    total += next[static_cast<std::size_t>(to)];
  }
  CHECK(total == Approx(1.0).epsilon(1e-15));
  CHECK(next[1] == 0.0);
}

TEST_CASE("chain step: sampling thresholds select each move with its probability", "[battlefield]") {
  const BattlefieldChain chain = offensive_chain();
  const FrontThresholds c = chain.thresholds(0);
  const FrontMoves m = chain.moves(0);
  CHECK(c[0] == Approx(m.down_far).epsilon(1e-15));
  CHECK(c[3] == Approx(1.0 - m.up_far).epsilon(1e-14));
  // Uniforms just below and above each threshold pick the neighbouring moves, clamped.
  CHECK(chain.sample(c, 6, 0.0) == 3);
  CHECK(chain.sample(c, 4, 0.0) == 2);  // 4 - 3 clamps into collapse_a = 2
  CHECK(chain.sample(c, 6, c[0]) == 5);
  CHECK(chain.sample(c, 6, c[1]) == 6);
  CHECK(chain.sample(c, 6, c[2]) == 7);
  CHECK(chain.sample(c, 6, c[3]) == 9);
  CHECK(chain.sample(c, 8, c[3]) == 10);  // 8 + 3 clamps into collapse_b = 10
  // Without offensives no uniform selects one: the thresholds from up on are infinite.
  const BattlefieldChain plain(constant_front(12, 6, 0.6, 0.3));
  CHECK(std::isinf(plain.thresholds(0)[3]));
  CHECK(plain.sample(plain.thresholds(0), 6, 0.999999999) == 7);
}

TEST_CASE("time-state table: rows are periods, entries f(t, s)", "[battlefield]") {
  TimeStateTable table(3, 4, 0.0);
  CHECK(table.periods() == 3);
  CHECK(table.state_count() == 4);
  table(1, 2) = 5.0;
  table.row(2)[3] = 7.0;
  CHECK(table.row(1)[2] == 5.0);
  CHECK(table(2, 3) == 7.0);
  CHECK(table(0, 0) == 0.0);
  CHECK(table.values().sum() == 12.0);
  CHECK(table.row(2).size() == 4);
}
