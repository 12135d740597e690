// Leverage (issue 15; BargainingEquilibrium's class comment, docs/theory.md "Leverage"): measures
// a third party keeps in force while a veto party rejects the mediator's plan. Checked against the
// closed form of a pie where sanctions on the rejecter flip its rejection into acceptance, and,
// with a battlefield whose advantage the measures shift, the exact path against Monte Carlo with
// equilibrium players.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../support/plan_pie.hpp"
#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/model/between_talks.hpp"
#include "parley/model/leverage.hpp"

using namespace parley;
using parley::testing::plan_pie_builder;
using parley::testing::ScenarioBuilder;

namespace {

constexpr double kExact = 1e-12;


// A measure on `on`: side A's advantage shifted by `advantage`, party `payer`'s cost raised by `cost`.
Leverage measure(std::size_t on, double advantage, std::size_t payer, double cost, std::size_t parties) {
  Leverage m;
  m.on = on;
  m.advantage_shift = advantage;
  if (cost != 0.0) {
    m.cost_shift.assign(parties, 0.0);
    m.cost_shift[payer] = cost;
  }
  return m;
}

}  // namespace

TEST_CASE("BetweenTalksStates: the subsets of the varying bits, in increasing order", "[solve][leverage]") {
  const BetweenTalksStates states(0b101);
  REQUIRE(states.size() == 4);
  CHECK(states.mask(0) == 0);
  CHECK(states.mask(1) == 0b001);
  CHECK(states.mask(2) == 0b100);
  CHECK(states.mask(3) == 0b101);
  CHECK(states.index_of(0b111) == 3);  // a rejecter no measure aims at changes nothing
  CHECK(states.index_of(0b010) == 0);
  CHECK(states.index_of(0b100) == 2);
  CHECK(BetweenTalksStates().size() == 1);
  const std::vector<Leverage> leverage{measure(0, 0.1, 0, 0.0, 3), measure(1, 0.0, 1, 0.002, 3),
                                       measure(1, -0.05, 2, 0.001, 3)};
  const std::vector<std::size_t> veto{0, 1};
  CHECK(leverage_targets(leverage, veto) == 0b11);
  const WarShift both = leverage_effect(leverage, veto, 3, 0b11);
  CHECK(both.advantage_shift == Approx(0.05).margin(1e-15));
  CHECK(both.cost_shift == std::vector<double>{0.0, 0.002, 0.001});
  const WarShift first = leverage_effect(leverage, veto, 3, 0b01);
  CHECK(first.advantage_shift == 0.1);
  CHECK(first.cost_shift == std::vector<double>{0.0, 0.0, 0.0});
}

TEST_CASE("Sanctions on the rejecter flip a rejected plan into one signed at once", "[solve][leverage]") {
  // docs/theory.md, "Leverage": player 2 gets 1 - x = 0.3 from the plan and r2 = 0.5 at the
  // deadline, d2 = 0.99. Without leverage, rejecting at T - k is worth d2^k r2, which stays above
  // 0.3 for k < 51: with T = 10 the plan is never signed. With a cost e = 0.02 per period on
  // player 2 while it rejects (talks every period, so for one period per rejection), rejecting at
  // T - k while the plan fails after it is worth R(k) = d2^k r2 - e (1 - d2^k) / (1 - d2); the plan
  // passes at T - k* for the first k* with R(k*) <= 0.3 (k* = 9), and at every earlier period
  // (where rejecting is worth d2 0.3 - e).
  const int T = 10;
  const double d1 = 0.9, d2 = 0.99, r1 = 0.5, r2 = 0.5, x = 0.7, e = 0.02;
  Scenario plain = plan_pie_builder(T, d1, d2, x, false, r1, r2).build();
  const auto without = BargainingEquilibrium::solve(plain, AgreementSpace(plain));
  CHECK(without.path().settled == 0.0);
  for (int t = 0; t < T; ++t) CHECK(without.plan_verdict(t, 0) == PlanVerdict::rejected);

  Scenario sc = plain;
  sc.leverage.push_back(measure(1, 0.0, 1, e, 3));
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  REQUIRE(eq.between_talks_count() == 2);
  CHECK(eq.between_talks_mask(1) == 0b10);
  const auto R = [&](int k) {
    const double q = std::pow(d2, k);
    return q * r2 - e * (1.0 - q) / (1.0 - d2);
  };
  int k_star = 1;
  while (R(k_star) > 1.0 - x) ++k_star;
  REQUIRE(k_star == 9);
  for (int t = 0; t < T; ++t) {
    INFO("t = " << t);
    const int k = T - t;
    if (k >= k_star) {
      CHECK(eq.plan_verdict(t, 0) == PlanVerdict::passes);
      CHECK(eq.after_talks(t, 0) == 0);
      CHECK(std::abs(eq.value(t, 0, 1) - (1.0 - x)) < kExact);
      if (k > k_star) CHECK(std::abs(eq.plan_rejection_value(t, 0, 1) - (d2 * (1.0 - x) - e)) < kExact);
    } else {
      CHECK(eq.plan_verdict(t, 0) == PlanVerdict::rejected);
      CHECK(eq.plan_rejected_by(t, 0) == 0b10);
      CHECK(eq.after_talks(t, 0) == 1);  // the sanctions are in force after the failed talks
      CHECK(std::abs(eq.value(t, 0, 1) - R(k)) < kExact);
      CHECK(std::abs(eq.plan_rejection_value(t, 0, 1) - R(k)) < kExact);
      // Player 1 bears no cost: its value of the failed talks is d1^k r1, as without leverage.
      CHECK(std::abs(eq.value(t, 0, 0) - std::pow(d1, k) * r1) < kExact);
      CHECK(std::abs(eq.between_talks(1).continuation(t, 0, 1) - R(k)) < kExact);
    }
  }
  CHECK(eq.path().settled == 1.0);
  CHECK(eq.path().settled_at[0] == 1.0);
  CHECK(eq.path().settled_on_plan == 1.0);
  // The same sanction aimed at player 1, who accepts the plan anyway, changes nothing: player 2
  // still rejects it, with nothing in force against it.
  Scenario on_player1 = plain;
  on_player1.leverage.push_back(measure(0, 0.0, 0, e, 3));
  CHECK(BargainingEquilibrium::solve(on_player1, AgreementSpace(on_player1)).path().settled == 0.0);
}

TEST_CASE("Leverage between talks every two periods compounds over the periods it is in force",
          "[solve][leverage]") {
  // Talks at 0, 2, 4: a rejection at t puts the cost on player 2 for periods t and t + 1, so the
  // failing plan is worth R = -e + d2 (-e + d2 V(t + 2)) to it; the leveraged war's values at the
  // period without talks are -e + d2 V(t + 2).
  const int T = 6;
  const double d1 = 0.95, d2 = 0.98, r1 = 0.5, r2 = 0.6, x = 0.7, e = 0.01;
  ScenarioBuilder b = plan_pie_builder(T, d1, d2, x, false, r1, r2);
  b.every(2);
  Scenario sc = b.build();
  sc.leverage.push_back(measure(1, 0.0, 1, e, 3));
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  // At t = 4: R = -e + d2 (-e + d2 r2) = 0.5664... > 0.3, rejected; V2(4) = R.
  const double v4 = -e + d2 * (-e + d2 * r2);
  REQUIRE(eq.plan_verdict(4, 0) == PlanVerdict::rejected);
  CHECK(std::abs(eq.value(4, 0, 1) - v4) < kExact);
  CHECK(std::abs(eq.between_talks(1).value(5, 0, 1) - (-e + d2 * r2)) < kExact);
  CHECK(std::abs(eq.value(5, 0, 1) - d2 * r2) < kExact);  // without the measure in force
  const double v2 = -e + d2 * (-e + d2 * v4);
  CHECK(std::abs(eq.value(2, 0, 1) - v2) < kExact);
  const double v0 = -e + d2 * (-e + d2 * v2);
  CHECK(std::abs(eq.value(0, 0, 1) - v0) < kExact);
}

namespace {

// A front of states 0..6, player 1 is side A, starting one step from B's collapse, where player 1
// rejects the plan (0.62 of the territory against 5/6 frozen); both play `equilibrium`, the
// mediator tables the plan every third period, without counter-proposals.
Scenario plan_front() {
  ScenarioBuilder b("leverage-front");
  b.horizon(15)
      .continuous("territory").linked_to_front().status_quo(0.5)
      .belligerent("player1").discount(0.97).cost(0.002).weights({1.0})
      .curve(0, PiecewiseLinear::increasing(0.0, 1.0)).strategy(parley::testing::strategy("equilibrium"))
      .belligerent("player2").discount(0.97).cost(0.002).weights({1.0})
      .curve(0, PiecewiseLinear::decreasing(0.0, 1.0)).strategy(parley::testing::strategy("equilibrium"))
      .mediator("mediator").weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .strategy(parley::testing::strategy("plan")).proposal(Agreement{{0.62}, {}})
      .mediated(2, {0, 1}, false)
      .every(3)
      .battlefield(parley::testing::front(6, 5, 0.7, 0.0))
      .sides("player1", "player2");
  Scenario sc = b.build();
  sc.collapse_a_terms.amounts = {0.0};
  sc.collapse_b_terms.amounts = {1.0};
  return sc;
}

// Equilibrium players in the engine against the exact path: P(agreement) and each belligerent's
// mean payoff within Monte Carlo's 99.9% interval of 8,000 runs.
void check_against_monte_carlo(const Scenario& sc, std::uint64_t seed) {
  const Simulation simulation(sc);
  const auto eq = BargainingEquilibrium::solve(sc, simulation.setting().space());
  RunOptions options;
  options.runs = 8000;
  options.seed = seed;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  const double p = eq.path().settled;
  CHECK(std::abs(summary.settled.p - p) <= z_999 * std::sqrt(p * (1 - p) / static_cast<double>(options.runs)));
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("party " << i);
    CHECK(std::abs(summary.utility[i].mean - eq.value(0, eq.start_state(), i)) <= z_999 * summary.utility[i].std_error);
  }
}


// Whether some talk period of plan_front (talks every third period) leaves, at some interior
// state, a measure in force or a party pressing until the next talks.
bool anything_between_talks(const BargainingEquilibrium& eq, int horizon) {
  for (int t = 0; t < horizon; t += 3)
    for (int s = 1; s < 6; ++s)
      if (eq.after_talks(t, s) != 0) return true;
  return false;
}

}  // namespace

TEST_CASE("Aid paused while a side rejects: the exact path and Monte Carlo agree", "[solve][leverage]") {
  // While player 2 rejects the plan the advantage shifts 0.4 toward A (its aid paused); while
  // player 1 rejects it, 0.4 toward B and player 1's cost rises (aid to B and sanctions). The
  // plan's fate depends on the front, so the measures are in force on some paths and not others.
  // Equilibrium players vote as the solver does, and the engine moves the front on the shifted
  // chain and charges the costs.
  const Scenario plain = plan_front();
  Scenario sc = plain;
  sc.leverage.push_back(measure(1, 0.4, 1, 0.0, 3));
  sc.leverage.push_back(measure(0, -0.4, 0, 0.01, 3));
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  const auto before = BargainingEquilibrium::solve(plain, AgreementSpace(plain));
  REQUIRE(eq.between_talks_count() == 4);
  // The measures matter: they move the equilibrium, and some talks fail with one in force.
  const int s0 = eq.start_state();
  CHECK(std::abs(eq.value(0, s0, 1) - before.value(0, s0, 1)) > 1e-3);
  CHECK(anything_between_talks(eq, sc.horizon));
  REQUIRE(eq.path().settled > 0.05);
  REQUIRE(eq.path().settled < 0.95);
  check_against_monte_carlo(sc, 5);
}

TEST_CASE("Pressing after failed talks: the exact path and Monte Carlo agree", "[solve][leverage][pressure]") {
  // The same front and plan, with an offensive option for each side: after failed talks each
  // decides whether to press until the next talks, as the solver says; the engine asks the
  // `equilibrium` players and moves the front on the shifted chain.
  Scenario sc = plan_front();
  sc.parties[0].pressure = Pressure{0.3, 0.002};
  sc.parties[1].pressure = Pressure{0.3, 0.004};
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  REQUIRE(eq.between_talks_count() == 4);
  CHECK(anything_between_talks(eq, sc.horizon));
  REQUIRE(eq.path().settled > 0.05);
  REQUIRE(eq.path().settled < 0.95);
  check_against_monte_carlo(sc, 7);
}

namespace {

// A front of states 0..10 from the middle, one period of fighting (T = 1) after talks at 0 where
// player 1 (side A, territory s / N) proposes; each side may press with the given strength and cost.
Scenario pressing_front(double alpha_a, double cost_a, double alpha_b, double cost_b) {
  ScenarioBuilder b("pressing-front");
  b.horizon(1)
      .continuous("territory").linked_to_front().status_quo(0.5)
      .belligerent("player1").discount(0.95).cost(0.01).weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .belligerent("player2").discount(0.95).cost(0.01).weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
      .alternating({0, 1})
      .battlefield(parley::testing::front(10, 5, 0.8, 0.1))
      .sides("player1", "player2");
  Scenario sc = b.build();
  sc.parties[0].pressure = Pressure{alpha_a, cost_a};
  sc.parties[1].pressure = Pressure{alpha_b, cost_b};
  return sc;
}

}  // namespace

TEST_CASE("Pressing pays where its gain on the front beats its cost, and the offer prices it in",
          "[solve][leverage][pressure]") {
  // docs/theory.md, "Pressure as a choice": one step of the front from s = 5 of N = 10, tempo r =
  // 0.8, advantage a = 0.1, so E[s' / N] = 0.5 + r a / N. Pressing with strength alpha moves a by
  // alpha toward the presser, worth delta r alpha / N = 0.038 to it for alpha = 0.5, against its
  // cost e: player 1 (e = 0.01) presses, player 2 (e = 0.05) does not, and player 1's offer leaves
  // player 2 its continuation under player 1's offensive, W_2 = -c - 0 + delta (0.5 - r (a +
  // alpha) / N).
  const double d = 0.95, c = 0.01, r = 0.8, a = 0.1, N = 10.0;
  const Scenario one = pressing_front(0.5, 0.01, 0.5, 0.05);
  const auto eq = BargainingEquilibrium::solve(one, AgreementSpace(one));
  REQUIRE(eq.between_talks_count() == 4);
  CHECK(eq.pressing(0, 5) == 0b01);
  const double w2 = -c + d * (0.5 - r * (a + 0.5) / N);
  CHECK(std::abs(eq.continuation(0, 5, 1) - w2) < kExact);
  CHECK(std::abs(eq.continuation(0, 5, 0) - (-c - 0.01 + d * (0.5 + r * (a + 0.5) / N))) < kExact);
  CHECK(std::abs(eq.value(0, 5, 1) - w2) < kExact);
  CHECK(std::abs(eq.value(0, 5, 0) - (1.0 - w2)) < kExact);
  CHECK(eq.path().settled == 1.0);
  // Both cheap: both press, the shifts cancel and both pay: each is worse off than if neither
  // pressed (a prisoners' dilemma), and player 2's continuation, its price, is lower.
  const Scenario both = pressing_front(0.5, 0.01, 0.5, 0.02);
  const auto eq2 = BargainingEquilibrium::solve(both, AgreementSpace(both));
  CHECK(eq2.pressing(0, 5) == 0b11);
  const double both_pressing = -c - 0.02 + d * (0.5 - r * a / N);
  CHECK(std::abs(eq2.continuation(0, 5, 1) - both_pressing) < kExact);
  const double neither = -c + d * (0.5 - r * a / N);
  CHECK(both_pressing < neither);
  // Too dear for both: nobody presses, and the values are those without any option.
  const Scenario dear = pressing_front(0.5, 0.05, 0.5, 0.05);
  const auto eq3 = BargainingEquilibrium::solve(dear, AgreementSpace(dear));
  CHECK(eq3.pressing(0, 5) == 0);
  CHECK(std::abs(eq3.continuation(0, 5, 1) - neither) < kExact);
}
