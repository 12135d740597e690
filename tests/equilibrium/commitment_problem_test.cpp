// Powell's commitment problem in the solver (issue 14, docs/theory.md "The commitment problem"):
// a shift of power after any settlement larger than the costs of war leaves no agreement
// self-enforcing, and the equilibrium is war at once; a smaller one and agreement returns, at
// the threshold derived by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"

using namespace parley;
using parley::testing::ScenarioBuilder;

namespace {

constexpr double kPowellExact = 1e-12;

// A divides a pie with B, u_A = x, u_B = 1 - x. The front has one interior state and moves
// every period (tempo 1), so one period of fighting ends the war: A wins the pie with
// probability (1 + a) / 2 and B with (1 - a) / 2. A proposes every period. After a
// settlement, a renewed war is fought at advantage a + shift (a demobilisation, a rearmament:
// Powell 2006's shift of power), and the peace has no hazard.
Scenario powell_shifting_power(double shift, double delta, double cost_a, double cost_b, bool durability = true,
                        DurabilityParams::Commitment commitment = DurabilityParams::Commitment::self_enforcing) {
  Scenario s = ScenarioBuilder("powell")
                   .horizon(6)
                   .continuous("pie")
                   .belligerent("a").discount(delta).cost(cost_a).weights({1.0})
                   .curve(0, PiecewiseLinear::increasing(0.0, 1.0))
                   .belligerent("b").discount(delta).cost(cost_b).weights({1.0})
                   .curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
                   .front(2, 1, 1.0, 0.0).sides("a", "b")
                   .collapse_amounts({0.0}, {1.0})
                   .alternating({0})
                   .build();
  if (!durability) return s;
  DurabilityParams d;
  d.base_hazard = 0.0;
  d.commitment = commitment;
  AdvantageSchedule renewed;
  renewed.kind = AdvantageSchedule::Kind::constant;
  renewed.a0 = shift;
  d.renewed_advantage = renewed;
  s.durability = d;
  return s;
}

BargainingEquilibrium solve_powell(const Scenario& s) { return BargainingEquilibrium::solve(s, AgreementSpace(s)); }

// The hand derivation: agreement at once iff delta * shift / 2 <= 1 - delta + c_A + c_B.
double powell_threshold(double delta, double cost_a, double cost_b) { return 2.0 * (1.0 - delta + cost_a + cost_b) / delta; }

}  // namespace

TEST_CASE("commitment problem: a shift of power beyond the costs of war makes the equilibrium war at once",
          "[solve][durability]") {
  const double ca = 0.02, cb = 0.03;
  const double star = powell_threshold(1.0, ca, cb);  // 0.1
  REQUIRE(star == Approx(0.1).margin(kPowellExact));

  const BargainingEquilibrium war = solve_powell(powell_shifting_power(star + 0.02, 1.0, ca, cb));
  CHECK(war.path().settled == 0.0);
  REQUIRE(war.peace_offers() != nullptr);
  // Self-enforcing divisions exist (A keeps at least its renewed war's 0.54, B at least its
  // 0.41), but none gives B its 0.47 of fighting now, before the shift: Powell's case.
  CHECK(war.peace_offers()->any_self_enforcing(0, 1));
  CHECK(war.offer(0, 1, 0).feasible == false);
  // Each side gets its value of the war: A wins with probability 1/2 after one period's cost.
  CHECK(war.value(0, 1, 0) == Approx(0.5 - ca).margin(kPowellExact));
  CHECK(war.value(0, 1, 1) == Approx(0.5 - cb).margin(kPowellExact));

  // Below the threshold A offers B exactly its value of fighting, and keeps enough that it
  // never renews the war under the shifted balance.
  const BargainingEquilibrium peace = solve_powell(powell_shifting_power(star - 0.02, 1.0, ca, cb));
  CHECK(peace.path().settled == Approx(1.0).margin(kPowellExact));
  CHECK(peace.path().settled_at[0] == Approx(1.0).margin(kPowellExact));
  CHECK(peace.peace_offers()->any_self_enforcing(0, 1));
  CHECK(peace.value(0, 1, 0) == Approx(0.5 + cb).margin(kPowellExact));
  CHECK(peace.value(0, 1, 1) == Approx(0.5 - cb).margin(kPowellExact));
  CHECK(peace.package(peace.offer(0, 1, 0).point).amounts[0] == Approx(0.5 + cb).margin(kPowellExact));
}

TEST_CASE("commitment problem: the solver's threshold is the hand derivation's, for several discounts and costs",
          "[solve][durability]") {
  struct Case {
    double delta, ca, cb;
  };
  for (const Case c : {Case{1.0, 0.02, 0.03}, Case{0.95, 0.01, 0.02}, Case{0.9, 0.0, 0.05}, Case{0.99, 0.1, 0.0}}) {
    const double star = powell_threshold(c.delta, c.ca, c.cb);
    INFO("delta " << c.delta << " costs " << c.ca << ", " << c.cb << " threshold " << star);
    REQUIRE(star < 1.0);  // a shift the advantage can carry (a + shift <= 1)
    CHECK(solve_powell(powell_shifting_power(star - 1e-6, c.delta, c.ca, c.cb)).path().settled == Approx(1.0).margin(kPowellExact));
    CHECK(solve_powell(powell_shifting_power(star + 1e-6, c.delta, c.ca, c.cb)).path().settled == 0.0);
  }
}

TEST_CASE("commitment problem: a larger shift never makes agreement return", "[solve][durability]") {
  bool war_seen = false;
  for (int k = 0; k <= 40; ++k) {
    const double shift = 0.025 * k;
    const bool settles = solve_powell(powell_shifting_power(shift, 0.97, 0.015, 0.025)).path().settled > 0.5;
    INFO("shift " << shift);
    if (war_seen) CHECK_FALSE(settles);
    war_seen = war_seen || !settles;
  }
  CHECK(war_seen);
}

TEST_CASE("commitment problem: a binding agreement, or no shift, gives the equilibrium without durability",
          "[solve][durability]") {
  const BargainingEquilibrium plain = solve_powell(powell_shifting_power(0.0, 0.97, 0.02, 0.03, false));
  REQUIRE(plain.peace_offers() == nullptr);
  for (const Scenario& s : {powell_shifting_power(0.5, 0.97, 0.02, 0.03, true, DurabilityParams::Commitment::binding),
                            powell_shifting_power(0.0, 0.97, 0.02, 0.03)}) {
    const BargainingEquilibrium eq = solve_powell(s);
    CHECK(eq.path().settled == plain.path().settled);
    for (std::size_t i = 0; i < 2; ++i) {
      CHECK(eq.value(0, 1, i) == Approx(plain.value(0, 1, i)).margin(kPowellExact));
      CHECK(eq.continuation(0, 1, i) == Approx(plain.continuation(0, 1, i)).margin(kPowellExact));
    }
  }
}
