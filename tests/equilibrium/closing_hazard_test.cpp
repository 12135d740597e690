// A stochastic deadline for the talks (issue 16): the window closes for good between two periods
// with probability q, after which the war is fought to its end. In Rubinstein's game with
// nothing after a breakdown (reservations 0, no costs) the risk acts exactly as a discount
// (Binmore, Rubinstein and Wolinsky 1986): the values are those of the discount delta (1 - q);
// far from the horizon the first proposer gets 1 / (1 + delta (1 - q)). Monte Carlo samples the
// same closing: with talks in one period k only, P(agreement) = (1 - q)^k.
#include <catch2/catch.hpp>

#include <cmath>

#include "../agents/test_scenarios.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

constexpr double kClosingExact = 1e-12;

Scenario pie_with_deadline(int horizon, double delta, double q) {
  Side side;
  side.discount = delta;
  Scenario s = pie_scenario(horizon, side, side);
  s.protocol.closing_hazard = q;
  return s;
}

BargainingEquilibrium solve_pie(const Scenario& s) { return BargainingEquilibrium::solve(s, AgreementSpace(s)); }

}  // namespace

TEST_CASE("closing hazard: in Rubinstein's game the risk of the window closing acts as a discount",
          "[solve][deadline]") {
  for (const double q : {0.05, 0.2, 0.5}) {
    for (const int horizon : {1, 2, 7, 30}) {
      INFO("q " << q << " T " << horizon);
      const BargainingEquilibrium risky = solve_pie(pie_with_deadline(horizon, 0.9, q));
      const BargainingEquilibrium discounted = solve_pie(pie_with_deadline(horizon, 0.9 * (1.0 - q), 0.0));
      for (int t = 0; t <= horizon; ++t)
        for (std::size_t i = 0; i < 2; ++i) CHECK(risky.value(t, 0, i) == Approx(discounted.value(t, 0, i)).margin(kClosingExact));
      CHECK(risky.path().settled == Approx(1.0).margin(kClosingExact));  // agreement at once, whatever q
    }
    // Far from the horizon: Binmore, Rubinstein and Wolinsky's split with delta (1 - q).
    const BargainingEquilibrium far = solve_pie(pie_with_deadline(400, 0.9, q));
    CHECK(far.value(0, 0, 0) == Approx(1.0 / (1.0 + 0.9 * (1.0 - q))).margin(kClosingExact));
  }
  // q = 0 is Stahl's finite horizon: the solver without the key.
  const BargainingEquilibrium none = solve_pie(pie_with_deadline(7, 0.9, 0.0));
  Side side;
  side.discount = 0.9;
  const BargainingEquilibrium plain = solve_pie(pie_scenario(7, side, side));
  CHECK(none.value(0, 0, 0) == plain.value(0, 0, 0));
}

TEST_CASE("closing hazard: with talks in one period only, agreement comes with the window's survival",
          "[solve][engine][deadline]") {
  // Talks only in period 5: the window must survive five transitions. Both sides play the
  // equilibrium, so they agree when the talks come.
  Scenario s = pie_with_deadline(10, 0.95, 0.1);
  s.protocol.periods = {5};
  for (Party& p : s.parties) p.strategy = strategy("equilibrium");
  const double exact = std::pow(0.9, 5);
  const BargainingEquilibrium eq = solve_pie(s);
  CHECK(eq.path().settled == Approx(exact).margin(kClosingExact));
  CHECK(eq.path().frozen == Approx(1.0 - exact).margin(kClosingExact));
  const Simulation simulation(s);
  RunOptions options;
  options.runs = 20000;
  options.seed = 5;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  const double half = 3.29 * std::sqrt(exact * (1.0 - exact) / 20000.0);
  CHECK(std::abs(summary.settled.p - exact) <= half);
  // And the payoffs match the solver's values (99.9% interval).
  for (std::size_t i = 0; i < 2; ++i)
    CHECK(std::abs(summary.utility[i].mean - eq.value(0, 0, i)) <= 3.29 * summary.utility[i].std_error + 1e-12);
  // The same seed gives the same numbers on one thread.
  options.threads = 1;
  CHECK(simulate(simulation, options).settled.count == summary.settled.count);
}
