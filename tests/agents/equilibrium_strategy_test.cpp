// The `equilibrium` strategy inside episodes: when every veto party plays it, the engine
// reproduces the solver (DESIGN 1.7): the same offers, the same settlement periods, and
// expected payoffs equal to the equilibrium values V_i(0, s_0).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "parley/agents/equilibrium_strategy.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

constexpr double kExact = 1e-12;

Scenario both_play_equilibrium(Scenario s) {
  for (Party& p : s.parties)
    if (p.veto) p.strategy = strategy("equilibrium");
  return s;
}

}  // namespace

TEST_CASE("equilibrium strategy: registered under its catalog entry", "[solve]") {
  const StrategyRegistration* entry = find_registered_strategy("equilibrium");
  REQUIRE(entry != nullptr);
  REQUIRE(find_strategy("equilibrium") != nullptr);
  CHECK(entry->info->summary == find_strategy("equilibrium")->summary);
  CHECK(entry->info->params.empty());
}

TEST_CASE("equilibrium strategy: Rubinstein and Fearon settle at once on the solver's offer", "[solve]") {
  for (const char* name : {"rubinstein", "fearon"}) {
    const Scenario sc = io::load_scenario(name);  // both parties play `equilibrium`
    const Simulation simulation(sc);
    const auto eq = BargainingEquilibrium::solve(sc, simulation.setting().space());
    EpisodeRunner runner(simulation);
    const EpisodeResult& r = runner.run(1, 0, 0);
    INFO(name);
    CHECK(r.outcome == Outcome::settled);
    CHECK(r.period == 0);
    for (std::size_t i = 0; i < 2; ++i) CHECK(std::abs(r.payoffs[i] - eq.value(0, eq.start_state(), i)) < kExact);
  }
}

TEST_CASE("equilibrium strategy: the finite Rubinstein game ends as the solver says for every T", "[solve]") {
  for (int T = 1; T <= 12; ++T) {
    const Scenario sc = both_play_equilibrium(pie_scenario(T, {0.0, 0.8}, {0.0, 0.9}));
    const Simulation simulation(sc);
    const auto eq = BargainingEquilibrium::solve(sc, simulation.setting().space());
    EpisodeRunner runner(simulation);
    const EpisodeResult& r = runner.run(3, 0, 0);
    CHECK(r.outcome == Outcome::settled);
    CHECK(r.period == 0);
    CHECK(std::abs(r.payoffs[0] - eq.value(0, 0, 0)) < kExact);
    CHECK(std::abs(r.terms->amounts[0] - eq.value(0, 0, 0)) < kExact);  // u_a(x) = x
  }
}

TEST_CASE("equilibrium strategy: Monte Carlo payoffs and settlement match the solver's path", "[solve]") {
  // Talks at periods 2 and 5 only, random recognition: the equilibrium settles at the first
  // talks unless the front has collapsed by then. The expected payoff from period 0 is
  // V_i(0, s_0) exactly; Monte Carlo must agree within its confidence interval. The front
  // starts two steps from B's collapse (A advancing, P(up) = 0.375), so that the two periods
  // of fighting before the talks end the war about one time in seven (from the middle of
  // the front, one step a period, no collapse could come before t = 2).
  BattlefieldParams bf = front(7, 5, 0.6, 0.25);
  Scenario sc = both_play_equilibrium(war_scenario(bf, 12, {0.01, 0.97}, {0.02, 0.99}));
  sc.protocol.kind = ProtocolParams::Kind::random;
  sc.protocol.recognition = {0.3, 0.7};
  sc.protocol.periods = {2, 5};
  const Simulation simulation(sc);
  const auto eq = BargainingEquilibrium::solve(sc, simulation.setting().space());
  REQUIRE(eq.path().settled > 0.3);
  REQUIRE(eq.path().collapse_a + eq.path().collapse_b > 0.05);
  RunOptions options;
  options.runs = 6000;
  options.seed = 11;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  const double p = eq.path().settled;
  CHECK(std::abs(summary.settled.p - p) <= z_999 * std::sqrt(p * (1 - p) / static_cast<double>(options.runs)));
  CHECK(summary.settlement_periods[2] == summary.settled.count);  // never later than the first talks
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("party " << i);
    CHECK(std::abs(summary.utility[i].mean - eq.value(0, bf.start, i)) <= z_999 * summary.utility[i].std_error);
  }
}

TEST_CASE("equilibrium strategy: in the default scenario the US plan passes only if it is as good", "[solve]") {
  // Mediated talks: the US tables its plan, then Russia and Ukraine counter in turn. Playing
  // `equilibrium`, the belligerents accept the plan only if it is worth their equilibrium
  // values; either way each gets exactly V_i(0, s_0) at t = 0. Without the scenario's
  // durability section: a peace that may break pays a random amount, whose mean is V_i.
  Scenario sc = both_play_equilibrium(io::load_scenario("ukraine-2025"));
  sc.durability.reset();
  const Simulation simulation(sc);
  const auto eq = BargainingEquilibrium::solve(sc, simulation.setting().space());
  REQUIRE(eq.path().settled_at[0] == 1.0);
  EpisodeRunner runner(simulation);
  const EpisodeResult& r = runner.run(5, 0, 0);
  CHECK(r.outcome == Outcome::settled);
  CHECK(r.period == 0);
  for (const char* id : {"russia", "ukraine"}) {
    const auto i = static_cast<std::size_t>(sc.party_index(id));
    CHECK(std::abs(r.payoffs[i] - eq.value(0, eq.start_state(), i)) < 1e-9);
  }
}

namespace {

/// Runs `sc` with every veto party playing the equilibrium and checks each veto party's mean
/// payoff against solve's V_i(0, s_0) (99.9% interval); returns the summary.
RunSummary check_run_reproduces_solve(const Scenario& sc, std::uint64_t runs) {
  const Simulation simulation(sc);
  const BargainingEquilibrium& eq = *simulation.setting().equilibrium();
  RunOptions options;
  options.runs = runs;
  options.seed = 11;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  for (const std::size_t i : sc.veto_parties()) {
    const MeanEstimate& u = summary.utility[i];
    INFO(sc.parties[i].id << ": run " << u.mean << " +- " << u.std_error << ", solve "
                          << eq.value(0, eq.start_state(), i));
    CHECK(std::abs(u.mean - eq.value(0, eq.start_state(), i)) <= 3.29 * u.std_error + 1e-9);
  }
  return summary;
}

}  // namespace

TEST_CASE("equilibrium strategy: run with every veto party playing it reproduces solve's values, on every "
          "shipped scenario",
          "[solve][engine]") {
  // `run` and `solve` are two models of play (issue 16); with the equilibrium strategies the
  // first must give the second's values, up to Monte Carlo error (99.9% interval), durability
  // included: after a breakdown both resume talks in the renewed war (DESIGN 1.10).
  int compared = 0;
  for (const auto& builtin : io::builtin_scenarios()) {
    const Scenario sc = both_play_equilibrium(io::load_scenario(std::string(builtin.name)));
    bool single_hypothesis = true;
    for (const Party& p : sc.parties) single_hypothesis = single_hypothesis && p.belief.offsets.size() <= 1;
    if (!single_hypothesis) continue;  // beliefs bound the strategy's answers (its own r_i)
    INFO(builtin.name);
    check_run_reproduces_solve(sc, 4000);
    ++compared;
  }
  CHECK(compared >= 3);
}

TEST_CASE("equilibrium strategy: with peace that breaks often, run still reproduces solve's values", "[solve][engine]") {
  // The default scenario with its hazard raised fortyfold: many peaces break, talks resume in the
  // renewed wars, and the solver's joint induction over them must match the episodes.
  Scenario sc = both_play_equilibrium(io::load_scenario("ukraine-2025"));
  for (Party& p : sc.parties) p.belief = BeliefSpec{};  // the true battlefield: complete information
  REQUIRE(sc.durability);
  sc.durability->base_hazard *= 40.0;
  const RunSummary summary = check_run_reproduces_solve(sc, 4000);
  CHECK(summary.breakdowns.mean > 0.1);
}
