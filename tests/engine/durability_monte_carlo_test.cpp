// Monte Carlo of peace that may not last (DESIGN 1.10, issue 14): `run` samples the model whose
// exact values peace_outlook computes. A planner proposes one package at once and the other
// side accepts it; with talks only at period 0 a broken peace is followed by the renewed war
// fought to the end, so the sampled lengths of peace, the chance it breaks and each party's
// expected payoff have exact values (PeaceOutlook: holds_probability, expected_periods, value).
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/battlefield/peace_value.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Territory (side a's share, linked to the front) and an ordinal `cap` (none, cap) that both
// value a little; a tables `plan` at period 0 (and at every talk period), b accepts anything
// worth its reservation value. Zero advantage, so the war from the middle is even.
Scenario durability_war(int horizon, const Agreement& plan, std::vector<int> talks) {
  ScenarioBuilder b("durable");
  b.title("durable").horizon(horizon);
  b.continuous("territory").linked_to_front().status_quo(0.5);
  b.ordinal("cap", {"none", "cap"});
  b.belligerent("a").named("A").weights({0.9, 0.1}).curve(0, PiecewiseLinear::increasing(0, 1))
      .level_values(1, {0.0, 1.0}).cost(0.002).discount(0.99).strategy(strategy("plan")).proposal(plan);
  b.belligerent("b").named("B").weights({0.9, 0.1}).curve(0, PiecewiseLinear::decreasing(0, 1))
      .level_values(1, {0.0, 1.0}).cost(0.003).discount(0.985).strategy(strategy("none"));
  b.front(10, 5, 0.3, 0.0).sides("a", "b").collapse_amounts({0.0, 0.0}, {1.0, 0.0}).alternating({0, 1});
  if (!talks.empty()) b.talk_periods(std::move(talks));
  return b.build();
}

Agreement package(double territory, int cap) {
  Agreement x;
  x.amounts = {territory, static_cast<double>(cap)};
  return x;
}

DurabilityParams durability(double h0, std::optional<DurabilityTerm> term = std::nullopt) {
  DurabilityParams d;
  d.base_hazard = h0;
  if (term) d.terms.push_back(*term);
  return d;
}

void check_share(std::int64_t count, std::int64_t runs, double exact) {
  const double n = static_cast<double>(runs);
  const double half = z_999 * std::sqrt(exact * (1.0 - exact) / n);
  CHECK(std::abs(static_cast<double>(count) / n - exact) <= half + 1e-12);
}

// Records the breakdowns of an episode.
struct BreakdownRecorder : EpisodeObserver {
  std::vector<PeaceBreakdown> events;
  std::vector<std::vector<std::size_t>> renewers;
  void on_breakdown(const PeaceBreakdown& event) override {
    events.push_back(event);
    renewers.emplace_back(event.renewers.begin(), event.renewers.end());
  }
};

}  // namespace

TEST_CASE("durability monte carlo: lengths of peace, breakdowns and payoffs match the exact outlook",
          "[engine][durability]") {
  // The cap halves the hazard (0.06 -> 0.03), shifts the renewed war 0.1 toward a and raises
  // both sides' costs in it; renewing at will never pays.
  const Agreement x = package(0.5, 1);
  Scenario sc = durability_war(60, x, {0});
  sc.durability = durability(0.06, durability_term(1, 1, -1, 0.5, 0.1, {0.001, 0.002}));
  const PeaceOutlook exact = peace_outlook(peace_terms(sc, x, 0, 5));
  REQUIRE(exact.self_enforcing());
  REQUIRE(exact.hazard == Approx(0.03).margin(1e-15));

  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  const std::int64_t runs = 20000;
  const int horizon = sc.horizon;
  std::vector<std::int64_t> longer_than(static_cast<std::size_t>(horizon) + 1, 0);  // peace_periods > k
  std::int64_t broke = 0;
  for (std::int64_t k = 0; k < runs; ++k) {
    const EpisodeResult& r = runner.run(5, 0, static_cast<std::uint64_t>(k));
    REQUIRE(r.breakdowns <= 1);  // talks only at 0: once broken the war is fought to the end
    CHECK(r.renewals == 0);
    CHECK(r.peace_periods + r.duration == (r.outcome == Outcome::collapse_a || r.outcome == Outcome::collapse_b
                                               ? r.period + 1
                                               : horizon));
    if (r.breakdowns == 0) {
      REQUIRE(r.outcome == Outcome::settled);
      CHECK(r.period == 0);
      CHECK(r.peace_periods == horizon);
    } else {
      CHECK(r.outcome != Outcome::settled);
      ++broke;
    }
    for (int j = 0; j < r.peace_periods; ++j) ++longer_than[static_cast<std::size_t>(j)];
  }
  // P(peace_periods > k) = P(the peace still holds k periods on), k < T.
  for (const int k : {1, 5, 10, 20, 40, 59}) check_share(longer_than[static_cast<std::size_t>(k)], runs, exact.holds_probability(k));
  // It breaks before T with probability 1 - (1 - h)^T.
  check_share(broke, runs, 1.0 - exact.holds_probability(horizon));

  // The summary: P(held), P(broke), mean periods of peace, and each party's expected payoff,
  // which is the exact value of the peace at the settlement, V_i(t0) (peace_outlook).
  RunOptions options;
  options.runs = runs;
  options.seed = 9;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  REQUIRE(summary.durable);
  check_share(summary.held.count, runs, exact.holds_probability(horizon));
  check_share(summary.broke.count, runs, 1.0 - exact.holds_probability(horizon));
  CHECK(summary.renewed.count == 0);
  CHECK(static_cast<double>(summary.broke.count) == Approx(summary.breakdowns.mean * static_cast<double>(runs)));
  // E[periods of peace before T] = sum_{k < T} P(holds k) = expected_periods() - P(holds T).
  const double mean_peace = exact.expected_periods() - exact.holds_probability(horizon);
  CHECK(std::abs(summary.peace_periods.mean - mean_peace) <= z_999 * summary.peace_periods.std_error);
  CHECK(summary.fighting_periods.mean == summary.duration.mean.mean);
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("party " << i);
    CHECK(std::abs(summary.utility[i].mean - exact.value[i][0]) <= z_999 * summary.utility[i].std_error);
  }
}

TEST_CASE("durability monte carlo: no hazard, no shift and nobody renewing change nothing, bit for bit",
          "[engine][durability]") {
  // Talks every period with time-dependent demands: settlements come at many periods. A binding
  // commitment: nobody renews at will (with talks resuming after a renewal, a party given less
  // than the renewed talks would bring it would renew, whatever the hazard; DESIGN 1.10).
  ScenarioBuilder b("plain");
  b.title("plain").horizon(40).continuous("territory").status_quo(0.5).ordinal("trade", {"shut", "open"});
  b.belligerent("a").named("A").weights({0.5, 0.5}).curve(0, PiecewiseLinear::increasing(0, 1))
      .level_values(1, {0.0, 1.0}).cost(0.004).discount(0.99).strategy(strategy("linear"));
  b.belligerent("b").named("B").weights({0.5, 0.5}).curve(0, PiecewiseLinear::decreasing(0, 1))
      .level_values(1, {0.0, 1.0}).cost(0.003).discount(0.98).strategy(strategy("linear"));
  b.front(8, 4, 0.4, 0.1).sides("a", "b").collapse_amounts({0.0, 0.0}, {1.0, 0.0}).alternating({0, 1});
  const Scenario plain = b.build();
  Scenario durable = plain;
  durable.durability = durability(0.0);
  durable.durability->commitment = DurabilityParams::Commitment::binding;

  const Simulation without(plain);
  const Simulation with(durable);
  REQUIRE(with.durable());
  EpisodeRunner one(without);
  EpisodeRunner two(with);
  int settled = 0;
  for (std::uint64_t run = 0; run < 400; ++run) {
    const EpisodeResult& r = one.run(3, 0, run);
    const EpisodeResult& d = two.run(3, 0, run);
    REQUIRE(d.breakdowns == 0);
    CHECK(d.outcome == r.outcome);
    CHECK(d.period == r.period);
    CHECK(d.duration == r.duration);
    CHECK(d.final_state == r.final_state);
    for (std::size_t i = 0; i < 2; ++i) CHECK(d.payoffs[i] == r.payoffs[i]);  // bit for bit
    if (r.outcome == Outcome::settled) ++settled;
  }
  CHECK(settled > 20);
  RunOptions options;
  options.runs = 2 * runs_per_block + 5;
  options.seed = 4;
  options.threads = 2;
  const RunSummary a = simulate(without, options);
  const RunSummary c = simulate(with, options);
  CHECK_FALSE(a.durable);
  CHECK(c.durable);
  CHECK(c.broke.count == 0);
  CHECK(c.held.count == a.settled.count);
  CHECK(c.settled.count == a.settled.count);
  CHECK(c.duration.histogram == a.duration.histogram);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(c.utility[i].mean == a.utility[i].mean);
    CHECK(c.utility[i].std_error == a.utility[i].std_error);
  }
}

TEST_CASE("durability monte carlo: a settlement renewed at will at once is a war that goes on",
          "[engine][durability]") {
  // The cap shifts a renewed war far toward a (and raises b's cost in it): from the line, a's
  // war is worth more than the peace, so a renews it at the settlement's own period.
  const Agreement x = package(0.5, 1);
  Scenario sc = durability_war(30, x, {0});
  sc.durability = durability(0.01, durability_term(1, 1, -1, 1.0, 0.8, {0.0, 0.002}));
  const PeaceTerms terms = peace_terms(sc, x, 0, 5);
  const PeaceOutlook exact = peace_outlook(terms);
  REQUIRE(exact.first_renewal == 0);
  REQUIRE(exact.renewers == std::vector<std::size_t>{0});

  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  BreakdownRecorder recorder;
  const EpisodeResult& r = runner.run(2, 0, 0, &recorder);
  CHECK(r.outcome != Outcome::settled);
  CHECK(r.breakdowns == 1);
  CHECK(r.renewals == 1);
  CHECK(r.peace_periods == 0);
  REQUIRE(recorder.events.size() == 1);
  CHECK(recorder.events[0].settled_at == 0);
  CHECK(recorder.events[0].period == 0);
  CHECK(recorder.events[0].line == 5);
  CHECK(recorder.renewers[0] == std::vector<std::size_t>{0});

  RunOptions options;
  options.runs = 8000;
  options.seed = 21;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  CHECK(summary.settled.count == 0);
  CHECK(summary.held.count == 0);
  CHECK(summary.broke.count == options.runs);
  CHECK(summary.renewed.count == options.runs);
  CHECK(summary.breakdowns.mean == 1.0);
  CHECK(summary.peace_periods.mean == 0.0);
  // Each side gets the renewed war's value from the line under the shifted balance, R_i(t0).
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("party " << i);
    CHECK(std::abs(summary.utility[i].mean - terms.renewal[i][0]) <= z_999 * summary.utility[i].std_error);
  }
}

TEST_CASE("durability monte carlo: breakdowns and renewed talks give the same statistics on 1 and 2 threads",
          "[engine][durability]") {
  // Talks every period: a broken peace is followed by a new settlement, which may break again.
  const Agreement x = package(0.5, 1);
  Scenario sc = durability_war(50, x, {});
  sc.durability = durability(0.08, durability_term(1, 1, -1, 0.75, 0.1, {0.001, 0.0}));
  const Simulation simulation(sc);
  RunOptions options;
  options.runs = 3 * runs_per_block + 31;
  options.seed = 17;
  options.threads = 1;
  const RunSummary one = simulate(simulation, options);
  options.threads = 2;
  const RunSummary two = simulate(simulation, options);
  REQUIRE(one.breakdowns.mean > 1.0);  // many peaces broke, several times
  CHECK(two.held.count == one.held.count);
  CHECK(two.broke.count == one.broke.count);
  CHECK(two.breakdowns.mean == one.breakdowns.mean);
  CHECK(two.breakdowns.std_error == one.breakdowns.std_error);
  CHECK(two.peace_periods.mean == one.peace_periods.mean);
  CHECK(two.fighting_periods.mean == one.fighting_periods.mean);
  CHECK(two.duration.histogram == one.duration.histogram);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(two.utility[i].mean == one.utility[i].mean);
    CHECK(two.utility[i].std_error == one.utility[i].std_error);
  }
  options.seed = 18;
  CHECK(simulate(simulation, options).peace_periods.mean != one.peace_periods.mean);
}

TEST_CASE("durability monte carlo: a peace that holds to T is worth exactly today's payoff, a broken one adds up",
          "[engine][durability]") {
  const Agreement x = package(0.5, 1);
  Scenario sc = durability_war(40, x, {});
  const Scenario final_peace = sc;
  sc.durability = durability(0.02, durability_term(1, 1, -1, 1.0, 0.05, {0.001, 0.002}));
  sc.durability->commitment = DurabilityParams::Commitment::binding;  // breakdowns by the hazard alone
  const Simulation durable(sc);
  const Simulation plain(final_peace);
  EpisodeRunner runner(durable);
  EpisodeRunner today(plain);
  int held = 0;
  int broken = 0;
  for (std::uint64_t run = 0; run < 300; ++run) {
    BreakdownRecorder recorder;
    const EpisodeResult& r = runner.run(8, 0, run, &recorder);
    const EpisodeResult& now = today.run(8, 0, run);
    REQUIRE(now.outcome == Outcome::settled);
    REQUIRE(now.period == 0);
    if (r.breakdowns == 0) {
      ++held;
      REQUIRE(r.outcome == Outcome::settled);
      for (std::size_t i = 0; i < 2; ++i) CHECK(r.payoffs[i] == now.payoffs[i]);  // exactly delta^t0 u - C(t0)
      continue;
    }
    ++broken;
    // By the definition: peace flows (1 - delta) u for each period of peace, costs (raised
    // after a breakdown) for each period of fighting, the terms in force from the end on.
    const auto& events = recorder.events;
    REQUIRE(static_cast<int>(events.size()) == r.breakdowns);
    for (std::size_t i = 0; i < 2; ++i) {
      const Party& p = sc.parties[i];
      const double u = sc.utility(i, x);
      const double extra = i == 0 ? 0.001 : 0.002;
      const int end = r.outcome == Outcome::collapse_a || r.outcome == Outcome::collapse_b ? r.period + 1
                      : r.outcome == Outcome::settled                                      ? r.period
                                                                                           : sc.horizon;
      double value = 0.0;
      for (int t = 0; t < end; ++t) {
        bool at_peace = false;
        for (const PeaceBreakdown& b : events) at_peace = at_peace || (t >= b.settled_at && t < b.period);
        const double weight = std::pow(p.discount, t);
        if (at_peace) value += weight * (1.0 - p.discount) * u;
        else value -= weight * (p.cost + (t >= events[0].period ? extra : 0.0));
      }
      double terminal = 0.0;
      if (r.outcome == Outcome::settled) terminal = u;
      else terminal = sc.utility(i, *r.terms);
      value += std::pow(p.discount, end) * terminal;
      CHECK(r.payoffs[i] == Approx(value).margin(1e-10));
    }
  }
  CHECK(held > 20);
  CHECK(broken > 20);
}

TEST_CASE("durability monte carlo: a renewal at will later in the peace comes when the outlook says",
          "[engine][durability]") {
  // A renewed war swings toward a as time goes on (its advantage grows from 0 to 0.9 over
  // periods 10..30): keeping the peace pays for a at first, renewing the war later.
  const Agreement x = package(0.5, 0);
  Scenario sc = durability_war(40, x, {0});
  sc.durability = durability(0.02);
  AdvantageSchedule swing;
  swing.kind = AdvantageSchedule::Kind::linear;
  swing.a0 = 0.0;
  swing.a1 = 0.9;
  swing.t0 = 10;
  swing.t1 = 30;
  sc.durability->renewed_advantage = swing;
  const PeaceOutlook exact = peace_outlook(peace_terms(sc, x, 0, 5));
  REQUIRE(exact.first_renewal > 1);
  REQUIRE(exact.first_renewal < sc.horizon);
  const int r = exact.first_renewal;

  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  const std::int64_t runs = 10000;
  std::int64_t at_will = 0;
  for (std::int64_t k = 0; k < runs; ++k) {
    const EpisodeResult& e = runner.run(13, 0, static_cast<std::uint64_t>(k));
    REQUIRE(e.breakdowns == 1);  // the peace never lasts past the renewal
    CHECK(e.peace_periods <= r);
    if (e.renewals == 1) {
      CHECK(e.peace_periods == r);
      ++at_will;
    }
  }
  // Renewed at will iff the hazard spared the peace until then: P(holds r - 1 periods on).
  check_share(at_will, runs, exact.holds_probability(r - 1));
  RunOptions options;
  options.runs = runs;
  options.seed = 14;
  options.threads = 2;
  const RunSummary summary = simulate(simulation, options);
  check_share(summary.renewed.count, runs, exact.holds_probability(r - 1));
  CHECK(std::abs(summary.peace_periods.mean - exact.expected_periods()) <= z_999 * summary.peace_periods.std_error);
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("party " << i);
    CHECK(std::abs(summary.utility[i].mean - exact.value[i][0]) <= z_999 * summary.utility[i].std_error);
  }
}

TEST_CASE("durability monte carlo: an episode does not depend on the episodes its runner ran before",
          "[engine][durability]") {
  // The default scenario with its durability section and both sides conceding quickly: many
  // peaces break, talks resume and the mediator drifts toward its Nash package, which it
  // caches by (t, s) in the first war only (a renewed war has other reservation values).
  const Scenario sc = io::load_scenario("ukraine-2025", {"parties.russia.strategy=quick", "parties.ukraine.strategy=quick"});
  const Simulation simulation(sc);
  EpisodeRunner sequential(simulation);
  int broken = 0;
  for (std::uint64_t k = 0; k < 400; ++k) {
    const EpisodeResult a = sequential.run(1, 0, k);
    EpisodeRunner fresh(simulation);
    const EpisodeResult& b = fresh.run(1, 0, k);
    INFO("run " << k);
    REQUIRE(a.outcome == b.outcome);
    REQUIRE(a.breakdowns == b.breakdowns);
    REQUIRE(a.payoffs == b.payoffs);
    broken += a.breakdowns > 0 ? 1 : 0;
  }
  CHECK(broken > 0);
}

TEST_CASE("durability monte carlo: a neutral section (h0 = 0, binding, no terms) changes no figure of any "
          "shipped scenario's run",
          "[engine][durability]") {
  int compared = 0;
  for (const auto& builtin : io::builtin_scenarios()) {
    Scenario plain = io::load_scenario(std::string(builtin.name));
    if (!plain.battlefield) continue;  // a section needs a battlefield
    INFO(builtin.name);
    plain.durability.reset();
    Scenario neutral = plain;
    neutral.durability = parley::testing::neutral_durability();
    RunOptions options;
    options.runs = 300;
    options.seed = 3;
    options.threads = 2;
    const RunSummary before = simulate(plain, options);
    const RunSummary after = simulate(neutral, options);
    CHECK(after.settled.p == before.settled.p);
    CHECK(after.collapse_a.p == before.collapse_a.p);
    CHECK(after.collapse_b.p == before.collapse_b.p);
    CHECK(after.duration.mean.mean == before.duration.mean.mean);
    CHECK(after.settlement_period.mean == before.settlement_period.mean);
    for (std::size_t i = 0; i < plain.parties.size(); ++i) CHECK(after.utility[i].mean == before.utility[i].mean);
    ++compared;
  }
  CHECK(compared > 0);
}
