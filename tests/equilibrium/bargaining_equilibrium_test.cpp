// The subgame-perfect equilibrium solver against the closed forms of docs/theory.md: Rubinstein
// (finite and infinite horizon, both orders, unequal discounts, fixed costs), Fearon's range,
// immediate agreement, convergence of the agreed share to the probability of winning, and
// Baron-Ferejohn's shares under majority rule.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include "../battlefield/front_scenario.hpp"
#include "../support/scenario_builder.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/battlefield/war_outcome.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/equilibrium/divided_pie.hpp"

using namespace parley;
using parley::testing::constant_front;
using parley::testing::front_scenario;
using parley::testing::FrontParty;
using parley::testing::ScenarioBuilder;

namespace {

constexpr double kExact = 1e-12;

// Rubinstein's game as a scenario: one issue, player 1's share x in [0, 1], u1 = x,
// u2 = 1 - x, no battlefield (reservation 0 at the deadline), offers every period. The
// builder, for a test that adds a mediator.
ScenarioBuilder rubinstein_game(int horizon, double d1, double d2, double c1 = 0.0, double c2 = 0.0,
                                bool player1_first = true) {
  ScenarioBuilder s("pie");
  s.horizon(horizon)
      .continuous("pie")
      .belligerent("player1").discount(d1).cost(c1).weights({1.0}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
      .belligerent("player2").discount(d2).cost(c2).weights({1.0}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
      .alternating(player1_first ? std::vector<std::size_t>{0, 1} : std::vector<std::size_t>{1, 0});
  return s;
}

// Rubinstein's game, built.
Scenario pie_scenario(int horizon, double d1, double d2, double c1 = 0.0, double c2 = 0.0,
                      bool player1_first = true) {
  return rubinstein_game(horizon, d1, d2, c1, c2, player1_first).build();
}

// THEORY: the first proposer's share with T rounds, discounts d_first (its own) and
// d_second (the responder's), D = d_first d_second:
//   T = 2m + 1: (1 - d_second)(1 - D^m)/(1 - D) + D^m;  T = 2m: (1 - d_second)(1 - D^m)/(1 - D).
double stahl_share(int rounds, double d_first, double d_second) {
  const double D = d_first * d_second;
  const int m = rounds / 2;
  const double geometric = (1.0 - d_second) * (1.0 - std::pow(D, m)) / (1.0 - D);
  return rounds % 2 == 1 ? geometric + std::pow(D, m) : geometric;
}

}  // namespace

TEST_CASE("Rubinstein, finite horizon: the share of Stahl's closed form for every T", "[solve]") {
  for (const auto& [d1, d2] : {std::pair{0.9, 0.9}, std::pair{0.8, 0.95}, std::pair{0.95, 0.6}}) {
    for (int T = 1; T <= 40; ++T) {
      for (bool first : {true, false}) {
        const Scenario sc = pie_scenario(T, d1, d2, 0.0, 0.0, first);
        const AgreementSpace space(sc);
        const auto eq = BargainingEquilibrium::solve(sc, space);
        const double x1 = first ? stahl_share(T, d1, d2) : 1.0 - stahl_share(T, d2, d1);
        INFO("d = (" << d1 << ", " << d2 << "), T = " << T << ", player 1 first: " << first);
        CHECK(std::abs(eq.value(0, 0, 0) - x1) < kExact);
        CHECK(std::abs(eq.value(0, 0, 1) - (1.0 - x1)) < kExact);
        // The equilibrium offer at the start is that split, as a package, and is accepted.
        REQUIRE(eq.proposers(0).size() == 1);
        CHECK(eq.proposers(0)[0].party == (first ? 0u : 1u));
        const EquilibriumOffer& offer = eq.offer(0, 0, 0);
        CHECK(offer.settles);
        CHECK(std::abs(space.package(offer.point).amounts[0] - x1) < kExact);
        CHECK(eq.path().settled == 1.0);
        CHECK(eq.path().expected_settlement_period == 0.0);
      }
    }
  }
}

TEST_CASE("Rubinstein, finite horizon: d = (0.9, 0.9) and T = 4 give 181/1000", "[solve]") {
  const Scenario sc = pie_scenario(4, 0.9, 0.9);
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  CHECK(std::abs(eq.value(0, 0, 0) - 0.181) < kExact);
  // Backward: player 2 takes all at t = 3, player 1 keeps 0.1 at t = 2, player 2 keeps 0.91
  // at t = 1 (the values at the start of each period).
  CHECK(std::abs(eq.value(3, 0, 1) - 1.0) < kExact);
  CHECK(std::abs(eq.value(2, 0, 0) - 0.1) < kExact);
  CHECK(std::abs(eq.value(1, 0, 1) - 0.91) < kExact);
  // What player 2 must be offered at t = 0: d2 times its value at t = 1.
  CHECK(std::abs(eq.continuation(0, 0, 1) - 0.9 * 0.91) < kExact);
}

TEST_CASE("Rubinstein, infinite horizon: a long horizon gives (1 - d2)/(1 - d1 d2)", "[solve]") {
  for (const auto& [d1, d2] : {std::pair{0.9, 0.9}, std::pair{0.8, 0.95}, std::pair{0.95, 0.8}}) {
    // D^(T/2) < 1e-16 at T = 400 for these discounts, far below the tolerance.
    const Scenario sc = pie_scenario(400, d1, d2);
    const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
    const double x1 = (1.0 - d2) / (1.0 - d1 * d2);
    CHECK(std::abs(eq.value(0, 0, 0) - x1) < kExact);
    // The responder gets exactly the value of waiting one round to propose: d2 (1 - x2*),
    // x2* = (1 - d1)/(1 - d1 d2) its own proposer share.
    CHECK(std::abs(eq.value(0, 0, 1) - d2 * (1.0 - d1) / (1.0 - d1 * d2)) < kExact);
  }
}

TEST_CASE("Rubinstein, the shipped scenario: T = 4 gives 181/1000, T = 200 gives 10/19", "[solve]") {
  const std::string file = PARLEY_SOURCE_DIR "/scenarios/rubinstein.yaml";
  {
    const Scenario sc = io::load_scenario(file, {"horizon=4"});
    const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
    CHECK(std::abs(eq.value(0, 0, 0) - 0.181) < kExact);
  }
  const Scenario sc = io::load_scenario(file);
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  // THEORY: x_200 = (10/19)(1 - 0.81^100).
  CHECK(std::abs(eq.value(0, 0, 0) - (10.0 / 19.0) * (1.0 - std::pow(0.81, 100))) < kExact);
}

TEST_CASE("Rubinstein with fixed costs: c1 > c2 gives player 1 exactly c2, c1 < c2 everything", "[solve]") {
  // delta = 1, costs per round. Let a_k be the proposer's share with k rounds left (rounds
  // counted from the deadline, where disagreement gives (0, 0)). With one round left the
  // proposer takes all. With k rounds left the responder R (who proposes with k - 1 left)
  // must get W_R = a_{k-1} - c_R; if that is negative it gets 0 and the proposer keeps 1.
  // Derived by hand, player 1 proposing first with T rounds:
  // - T even (player 2 proposes last): with c1 > c2, player 1 gets c2 from T = 2 on (player 2
  //   keeps 1 when it proposes, since player 1's a - c1 = c2 - c1 < 0);
  //   with c1 < c2, player 1 gets c2 - c1 more every two rounds: x = min(1, c2 + (T/2 - 1)(c2 - c1)).
  // - T odd (player 1 proposes last): with c1 > c2, x_1 = 1 and each two rounds x drops by
  //   c1 - c2 while x >= c1 (player 2 must be given x - c2, player 1 then keeps 1 - (1 - x
  //   + c1 - ... )); once x < c1 player 2 takes all on its turn and player 1 gets c2;
  //   with c1 < c2, player 1 gets 1 for every odd T.
  const auto by_hand = [](int T, double c1, double c2) {
    if (T % 2 == 0) {
      if (c1 > c2) return c2;
      return std::min(1.0, c2 + (T / 2 - 1) * (c2 - c1));
    }
    if (c1 < c2) return 1.0;
    double x = 1.0;
    for (int j = 1; j <= T / 2; ++j) x = x >= c1 ? x - (c1 - c2) : c2;
    return x;
  };
  for (const auto& [c1, c2] : {std::pair{0.3, 0.2}, std::pair{0.2, 0.3}, std::pair{0.05, 0.02}, std::pair{0.02, 0.05}}) {
    for (int T = 1; T <= 80; ++T) {
      const Scenario sc = pie_scenario(T, 1.0, 1.0, c1, c2);
      const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
      INFO("c = (" << c1 << ", " << c2 << "), T = " << T);
      CHECK(std::abs(eq.value(0, 0, 0) - by_hand(T, c1, c2)) < kExact);
      CHECK(eq.offer(0, 0, 0).settles);
    }
    // A long horizon reaches Rubinstein's fixed-cost limit for either parity.
    for (int T : {200, 201}) {
      const Scenario sc = pie_scenario(T, 1.0, 1.0, c1, c2);
      const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
      CHECK(std::abs(eq.value(0, 0, 0) - (c1 > c2 ? c2 : 1.0)) < kExact);
    }
  }
}

TEST_CASE("Fearon's range: A offers 0.7, B offers 0.5 (scenarios/fearon.yaml)", "[solve]") {
  const std::string file = PARLEY_SOURCE_DIR "/scenarios/fearon.yaml";
  for (bool a_first : {true, false}) {
    const Scenario sc = a_first ? io::load_scenario(file) : io::load_scenario(file, {"protocol.order=[b, a]"});
    const AgreementSpace space(sc);
    const auto eq = BargainingEquilibrium::solve(sc, space);
    const int s0 = eq.start_state();
    // The war values p - c_A = 0.5 and 1 - p - c_B = 0.3 are what each must be offered.
    CHECK(std::abs(eq.continuation(0, s0, 0) - 0.5) < kExact);
    CHECK(std::abs(eq.continuation(0, s0, 1) - 0.3) < kExact);
    const double x = a_first ? 0.7 : 0.5;  // p + c_B, p - c_A: the ends of the range
    const EquilibriumOffer& offer = eq.offer(0, s0, 0);
    CHECK(offer.settles);
    CHECK(std::abs(space.package(offer.point).amounts[0] - x) < kExact);
    CHECK(std::abs(eq.value(0, s0, 0) - x) < kExact);
    CHECK(std::abs(eq.value(0, s0, 1) - (1.0 - x)) < kExact);
    // No war under complete information.
    CHECK(eq.path().settled == 1.0);
    CHECK(eq.path().collapse_a == 0.0);
    CHECK(eq.path().collapse_b == 0.0);
  }
}

TEST_CASE("An indivisible stake: no offer beats war for both, so they fight (Fearon 1995)", "[solve]") {
  // fearon.yaml with the good indivisible: an ordinal issue with two levels, "B keeps it"
  // and "A gets it". Rejection is worth 0.5 to A and 0.3 to B; the only packages give
  // (0, 1) and (1, 0), and neither meets both, so there is war: A wins with 0.6.
  Scenario sc = io::load_scenario(PARLEY_SOURCE_DIR "/scenarios/fearon.yaml");
  sc.issues[0].kind = IssueKind::ordinal;
  sc.issues[0].levels = {"b_keeps", "a_gets"};
  sc.issues[0].level_names = sc.issues[0].levels;
  sc.issues[0].linked_to_front = false;
  sc.issues[0].status_quo = 0;
  sc.parties[0].values[0].level_values = {0.0, 1.0};
  sc.parties[1].values[0].level_values = {1.0, 0.0};
  sc.collapse_a_terms.amounts = {0.0};
  sc.collapse_b_terms.amounts = {1.0};
  sc.finalize();
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  const int s0 = eq.start_state();
  CHECK(eq.offer(0, s0, 0).feasible);
  CHECK_FALSE(eq.offer(0, s0, 0).settles);
  CHECK(std::abs(eq.value(0, s0, 0) - 0.5) < kExact);
  CHECK(std::abs(eq.value(0, s0, 1) - 0.3) < kExact);
  CHECK(eq.path().settled == 0.0);
  CHECK(std::abs(eq.path().collapse_b - 0.6) < kExact);
  CHECK(std::abs(eq.path().collapse_a - 0.4) < kExact);
  CHECK(std::isnan(eq.path().expected_settlement_period));
  CHECK(eq.path().expected_duration == 1.0);
}

TEST_CASE("Complete information and positive costs: agreement in every state, at once", "[solve]") {
  // A front with a shifting advantage; the pie is linked to it and a collapse gives the
  // winner everything. Both protocols, every talk period, every interior state settles.
  BattlefieldParams bf = constant_front(12, 5, 0.6, 0.0);
  bf.advantage.kind = AdvantageSchedule::Kind::linear;
  bf.advantage.a0 = 0.4;
  bf.advantage.a1 = -0.3;
  bf.advantage.t0 = 0;
  bf.advantage.t1 = 30;
  bf.offensive_probability = 0.1;
  bf.offensive_size = 3;
  for (auto kind : {ProtocolParams::Kind::alternating, ProtocolParams::Kind::random}) {
    Scenario sc = front_scenario(bf, 60, FrontParty{0.004, 0.99}, FrontParty{0.002, 0.995});
    sc.protocol.kind = kind;
    sc.protocol.every = 3;
    const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
    int talk_cells = 0;
    for (int t = 0; t < eq.horizon(); ++t) {
      if (!eq.talks(t)) continue;
      for (int s = 1; s < 12; ++s) {
        ++talk_cells;
        CHECK(eq.settlement_probability(t, s) == 1.0);
      }
    }
    CHECK(talk_cells == 20 * 11);
    CHECK(eq.path().settled == 1.0);
    CHECK(eq.path().settled_at[0] == 1.0);
    CHECK(eq.path().expected_settlement_period == 0.0);
    CHECK(eq.path().expected_duration == 0.0);
    // And each veto party gets at least its value of fighting to the end: it could always
    // refuse everything.
    for (std::size_t i = 0; i < 2; ++i) {
      const WarValueTable war = war_value(sc, i);
      for (int t = 0; t <= eq.horizon(); ++t)
        for (int s = 0; s <= 12; ++s) CHECK(eq.value(t, s, i) >= war(t, s) - kExact);
    }
  }
}

TEST_CASE("Bargaining while fighting: delta = 1 and c = 0 make the share the war's expected outcome", "[solve]") {
  // THEORY, gambler's ruin example: N = 6, k = 2, up 1/2, down 1/4 (tempo 3/4, advantage
  // 1/3): P(side A wins) = 16/21. With no discounting and no cost the equilibrium values are
  // a martingale, so A's value at every (t, s) is its value of fighting to the end, whoever
  // proposes, and with a long horizon that is the probability of winning.
  const BattlefieldParams bf = constant_front(6, 2, 0.75, 1.0 / 3.0);
  for (bool a_first : {true, false}) {
    Scenario sc = front_scenario(bf, 1500);
    sc.protocol.order = a_first ? std::vector<std::size_t>{0, 1} : std::vector<std::size_t>{1, 0};
    const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
    const WarValueTable war = war_value(sc, 0);
    for (int t : {0, 1, 700, 1499})
      for (int s = 1; s < 6; ++s) CHECK(std::abs(eq.value(t, s, 0) - war(t, s)) < kExact);
    CHECK(std::abs(eq.value(0, 2, 0) - 16.0 / 21.0) < kExact);
    CHECK(eq.offer(0, 2, 0).settles);
  }
}

TEST_CASE("Bargaining while fighting: the agreed share converges to the probability of winning", "[solve]") {
  // As delta -> 1 and c -> 0 (THEORY; Slantchev 2003, Powell 2004) A's agreed share from the
  // start tends to P(A wins) = 16/21, whoever proposes, and the proposer's advantage vanishes.
  const BattlefieldParams bf = constant_front(6, 2, 0.75, 1.0 / 3.0);
  const double p_win = 16.0 / 21.0;
  double last_error = 1.0;
  for (double eps : {1e-2, 1e-3, 1e-4, 1e-5, 1e-6}) {
    double share[2];
    for (int first = 0; first < 2; ++first) {
      Scenario sc = front_scenario(bf, 1500, FrontParty{eps / 10, 1.0 - eps}, FrontParty{eps / 10, 1.0 - eps});
      sc.protocol.order = first == 0 ? std::vector<std::size_t>{0, 1} : std::vector<std::size_t>{1, 0};
      const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
      REQUIRE(eq.offer(0, 2, 0).settles);
      share[first] = eq.value(0, 2, 0);
    }
    const double error = std::max(std::abs(share[0] - p_win), std::abs(share[1] - p_win));
    INFO("1 - delta = " << eps << ": shares " << share[0] << ", " << share[1]);
    CHECK(error < last_error);
    CHECK(error < 20 * eps);  // the error is O(1 - delta + c) times the war's expected length
    CHECK(std::abs(share[0] - share[1]) < 2 * eps);  // the proposer's advantage is O(1 - delta)
    last_error = error;
  }
  CHECK(last_error < 1e-4);
}

TEST_CASE("Baron-Ferejohn: the proposer keeps 1 - delta (n - 1)/(2n), partners get delta/n", "[solve]") {
  // n legislators divide a dollar by majority rule (quota (n + 1)/2), equal recognition, a
  // common delta. With disagreement (0, .., 0) at the deadline, the last proposer takes all,
  // so every value before it is 1/n and from two periods before the deadline on the proposer
  // buys (n - 1)/2 votes at delta/n each: Baron and Ferejohn's stationary shares, exactly.
  for (std::size_t n : {3u, 5u}) {
    for (double delta : {0.9, 0.6}) {
      ScenarioBuilder legislature;
      legislature.horizon(8).continuous("unused");
      for (std::size_t i = 0; i < n; ++i)
        legislature.belligerent("member" + std::to_string(i))
            .discount(delta)
            .weights({1.0})
            .curve(0, PiecewiseLinear::increasing(0.0, 1.0));
      legislature.random();  // equal recognition over the veto parties
      const Scenario sc = legislature.build();
      EquilibriumOptions options;
      options.quota = (n + 1) / 2;
      const auto eq = BargainingEquilibrium::solve(sc, DividedPie(n), options);
      const double nd = static_cast<double>(n);
      const double kept = 1.0 - delta * (nd - 1.0) / (2.0 * nd);
      const double partner = delta / nd;
      INFO("n = " << n << ", delta = " << delta);
      for (int t = 0; t + 2 <= sc.horizon; ++t) {
        const auto who = eq.proposers(t);
        REQUIRE(who.size() == n);
        for (std::size_t k = 0; k < n; ++k) {
          CHECK(std::abs(who[k].probability - 1.0 / nd) < kExact);
          const EquilibriumOffer& offer = eq.offer(t, 0, k);
          CHECK(offer.settles);
          CHECK(static_cast<std::size_t>(std::popcount(offer.coalition)) == (n - 1) / 2);
          CHECK(offer.tied_coalitions == (n == 3 ? 2u : 6u));  // C(n - 1, (n - 1)/2): all equally cheap
          const auto u = eq.offer_utilities(t, 0, k);
          CHECK(std::abs(u[who[k].party] - kept) < kExact);
          for (std::size_t j = 0; j < n; ++j) {
            if (j == who[k].party) continue;
            const bool bought = (offer.coalition >> j & 1U) != 0;
            CHECK(std::abs(u[j] - (bought ? partner : 0.0)) < kExact);
          }
        }
        for (std::size_t i = 0; i < n; ++i) CHECK(std::abs(eq.value(t, 0, i) - 1.0 / nd) < kExact);
      }
      // The last round: the proposer needs the votes of members whose rejection is worth 0.
      CHECK(std::abs(eq.offer_utilities(sc.horizon - 1, 0, 0)[0] - 1.0) < kExact);
    }
  }
}

TEST_CASE("Unanimity on the divided pie is Rubinstein with random recognition", "[solve]") {
  // Two players, recognition 1/2 each, common delta: the stationary values are 1/2 and the
  // proposer keeps 1 - delta/2 (the responder is offered delta * 1/2).
  Scenario sc = pie_scenario(60, 0.9, 0.9);
  sc.protocol.kind = ProtocolParams::Kind::random;
  sc.protocol.recognition = {0.5, 0.5};
  const auto eq = BargainingEquilibrium::solve(sc, DividedPie(2));
  const auto via_space = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  for (int t = 0; t + 2 <= 60; ++t) {
    CHECK(std::abs(eq.offer_utilities(t, 0, 0)[0] - (1.0 - 0.45)) < kExact);
    CHECK(std::abs(eq.value(t, 0, 1) - 0.5) < kExact);
    CHECK(std::abs(via_space.value(t, 0, 0) - eq.value(t, 0, 0)) < kExact);
  }
}

TEST_CASE("The path: talks only at period 3 settle what the front has not ended by then", "[solve]") {
  BattlefieldParams bf = constant_front(8, 3, 0.7, 0.2);
  Scenario sc = front_scenario(bf, 10, FrontParty{0.01, 0.98}, FrontParty{0.01, 0.98});
  sc.protocol.periods = {3};
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  CHECK(eq.first_talk_period() == 3);
  CHECK_FALSE(eq.talks(0));
  CHECK(eq.proposers(0).empty());
  const WarOutcome by3 = war_outcome(BattlefieldChain(bf), bf.start, 3);
  const EquilibriumPath& path = eq.path();
  CHECK(std::abs(path.settled - by3.frozen) < kExact);
  CHECK(std::abs(path.settled_at[3] - by3.frozen) < kExact);
  CHECK(std::abs(path.collapse_a - by3.collapse_a) < kExact);
  CHECK(std::abs(path.collapse_b - by3.collapse_b) < kExact);
  CHECK(path.frozen == 0.0);
  CHECK(std::abs(path.expected_settlement_period - 3.0) < kExact);
  // Before the talks the values are the continuation values (nothing else can happen).
  for (int s = 1; s < 8; ++s) CHECK(eq.value(1, s, 0) == eq.continuation(1, s, 0));
}

TEST_CASE("The solver rejects what it cannot solve", "[solve]") {
  Scenario sc = pie_scenario(5, 0.9, 0.9);
  EquilibriumOptions options;
  options.quota = 3;
  CHECK_THROWS_AS(BargainingEquilibrium::solve(sc, AgreementSpace(sc), options), std::invalid_argument);
  CHECK_THROWS_AS(BargainingEquilibrium::solve(sc, DividedPie(3)), std::invalid_argument);
  sc.protocol.kind = ProtocolParams::Kind::random;
  sc.protocol.recognition = {0.5, 0.4};
  CHECK_THROWS_AS(BargainingEquilibrium::solve(sc, AgreementSpace(sc)), std::invalid_argument);
}

TEST_CASE("Mediated talks: the last counter-proposer has the proposer's power", "[solve]") {
  // A pie with a mediator (no veto) and order [player1, player2]: after the mediator's
  // package, player 1 counters, then player 2, in the same period. Player 2 can always wait
  // for its own stage, so player 1 must offer it what it would take there: player 2 proposes
  // in effect every period, and player 1 gets only its value of rejecting. With reservation
  // 0.3 for player 1 at the deadline and no cost, that is d1^T 0.3 (and with no
  // counter-proposals nobody but the mediator proposes: the same for player 1).
  for (bool counter : {true, false}) {
    // The mediator values the pie as player 1 does (a copy made before its reservation).
    const Scenario sc = rubinstein_game(12, 0.9, 0.8)
                            .copy_of(0, "mediator").role(Role::mediator).veto(false)
                            .party(0).reservation(0.3)
                            .mediated(2, {0, 1}, counter)
                            .build();
    const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
    INFO("counter: " << counter);
    CHECK(std::abs(eq.value(0, 0, 0) - std::pow(0.9, 12) * 0.3) < kExact);
    if (!counter) {
      CHECK_FALSE(eq.talks(0));
      CHECK(eq.path().settled == 0.0);
      continue;
    }
    CHECK(std::abs(eq.value(0, 0, 1) - (1.0 - std::pow(0.9, 12) * 0.3)) < kExact);
    REQUIRE(eq.stage_count(0) == 2);
    REQUIRE(eq.proposers(0).size() == 2);
    CHECK(eq.proposers(0)[0].party == 0u);
    CHECK(eq.proposers(0)[1].party == 1u);
    CHECK(eq.proposers(0)[1].stage == 1u);
    for (int t = 0; t < 12; ++t) {
      // Player 2's own offer at stage 1 gives player 1 its W; player 1's offer at stage 0
      // gives player 2 what stage 1 would, so both offers are the same split.
      CHECK(std::abs(eq.offer_utilities(t, 0, 1)[0] - eq.continuation(t, 0, 0)) < kExact);
      CHECK(std::abs(eq.offer_utilities(t, 0, 0)[1] - eq.offer_utilities(t, 0, 1)[1]) < kExact);
      CHECK(std::abs(eq.rejection_value(t, 0, 0, 1) - eq.stage_value(t, 0, 1, 1)) < kExact);
      CHECK(eq.rejection_value(t, 0, 1, 0) == eq.continuation(t, 0, 0));
      CHECK(eq.settlement_probability(t, 0) == 1.0);
    }
  }
}

TEST_CASE("The default scenario: counter-proposals in order, and values beat war", "[solve]") {
  // The 28-point variant: the default's leverage and Russia's offensive make failed talks worse
  // than the war fought to the end without them, so its values need not beat that war.
  const Scenario sc = io::load_scenario("ukraine-2025-28-point");
  const AgreementSpace space(sc);
  const auto eq = BargainingEquilibrium::solve(sc, space);
  const auto russia = static_cast<std::size_t>(sc.party_index("russia"));
  const auto ukraine = static_cast<std::size_t>(sc.party_index("ukraine"));
  // Talks every 4 weeks; the US tables its package, then Russia and Ukraine counter in turn.
  REQUIRE(eq.talks(0));
  CHECK_FALSE(eq.talks(1));
  REQUIRE(eq.proposers(4).size() == 2);
  CHECK(eq.proposers(4)[0].party == russia);
  CHECK(eq.proposers(4)[1].party == ukraine);
  for (std::size_t i : {russia, ukraine}) {
    const WarValueTable war = war_value(sc, i);
    for (int t = 0; t <= eq.horizon(); ++t)
      for (int s = 0; s < eq.state_count(); ++s) CHECK(eq.value(t, s, i) >= war(t, s) - kExact);
  }
  // Where Ukraine settles at its stage, Russia gets at least its value of fighting on, and
  // where Russia's earlier offer settles, Ukraine gets at least what its own stage brings.
  const int s0 = eq.start_state();
  for (int s = 1; s < eq.state_count() - 1; ++s) {
    if (eq.offer(0, s, 1).settles)
      CHECK(eq.offer_utilities(0, s, 1)[russia] >= eq.continuation(0, s, russia) - kExact);
    if (eq.offer(0, s, 0).settles)
      CHECK(eq.offer_utilities(0, s, 0)[ukraine] >= eq.stage_value(0, s, 1, ukraine) - kExact);
  }
  // Under the shipped durability section no agreement Russia would offer at the start is one
  // Ukraine would keep (its renewal value grows as Russia's advantage decays: Powell 2006's
  // shift of power, talks resuming after a renewal); bound by a binding commitment, the first
  // talks settle.
  CHECK(eq.settlement_probability(0, s0) == 0.0);
  Scenario bound = sc;
  bound.durability->commitment = DurabilityParams::Commitment::binding;
  CHECK(BargainingEquilibrium::solve(bound, space).settlement_probability(0, s0) == 1.0);
  // The path's probabilities add up.
  const EquilibriumPath& path = eq.path();
  CHECK(std::abs(path.settled + path.collapse_a + path.collapse_b + path.frozen - 1.0) < kExact);
}
