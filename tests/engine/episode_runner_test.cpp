// One episode exactly as DESIGN 1.1 times it: payoffs, protocols, talk periods, learning and
// the immediate agreement of complete information.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../agents/test_scenarios.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/engine/episode_runner.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Records every event of an episode.
struct Recorder : EpisodeObserver {
  struct Talk {
    int period;
    int front;
    std::vector<double> reservations;
    std::vector<std::vector<double>> beliefs;
  };
  std::vector<Talk> talks;
  std::vector<std::size_t> proposers;  // offers and passes, in order
  std::vector<int> offer_periods;
  std::vector<int> path;               // s_0, s_1, ...
  int answers = 0;

  void on_talks(const NegotiationState& state, std::span<const double>) override {
    Talk talk{state.period, state.front, {state.reservations.begin(), state.reservations.end()}, {}};
    for (const Belief& b : state.beliefs) talk.beliefs.push_back(b.probabilities());
    talks.push_back(std::move(talk));
  }
  void on_pass(const NegotiationState&, std::size_t party) override { proposers.push_back(party); }
  void on_offer(const NegotiationState& state, const Offer& offer) override {
    proposers.push_back(offer.proposer);
    offer_periods.push_back(state.period);
  }
  void on_answer(const NegotiationState&, std::size_t, const Offer&, const Answer&) override { ++answers; }
  void on_fighting(int, int from, int to) override {
    if (path.empty()) path.push_back(from);
    path.push_back(to);
  }
};

// delta^t u - sum_{tau < t} delta^tau c, by the definition (DESIGN 1.1).
double payoff_by_definition(const Party& p, int t, double u) {
  double cost = 0.0;
  for (int tau = 0; tau < t; ++tau) cost += std::pow(p.discount, tau) * p.cost;
  return std::pow(p.discount, t) * u - cost;
}

}  // namespace

TEST_CASE("episode: payoffs of settlement, collapse and freeze as DESIGN 1.1 defines them", "[engine]") {
  int settled = 0, collapsed = 0, frozen = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const Scenario sc = random_scenario(seed);
    const Simulation simulation(sc);
    EpisodeRunner runner(simulation);
    for (std::uint64_t run = 0; run < 20; ++run) {
      const EpisodeResult& r = runner.run(3, 0, run);
      REQUIRE(r.duration >= 0);
      REQUIRE(r.duration <= sc.horizon);
      for (std::size_t i = 0; i < sc.parties.size(); ++i) {
        const Party& p = sc.parties[i];
        double u = sc.utility(i, *r.terms);
        if (!sc.battlefield && r.outcome == Outcome::frozen) u = p.reservation;
        CHECK(r.payoffs[i] == Approx(payoff_by_definition(p, r.duration, u)).margin(1e-12));
      }
      switch (r.outcome) {
        case Outcome::settled:
          ++settled;
          CHECK(r.duration == r.period);
          CHECK(sc.protocol.talks_at(r.period));
          break;
        case Outcome::collapse_a:
        case Outcome::collapse_b:
          ++collapsed;
          CHECK(r.duration == r.period + 1);
          CHECK(*r.terms == (r.outcome == Outcome::collapse_a ? sc.collapse_a_terms : sc.collapse_b_terms));
          break;
        case Outcome::frozen:
          ++frozen;
          CHECK(r.duration == sc.horizon);
          CHECK(*r.terms == sc.frozen(r.final_state));
          break;
      }
    }
  }
  CHECK(settled > 0);
  CHECK(collapsed > 0);
  CHECK(frozen > 0);
}

TEST_CASE("episode: alternating proposers, one per talk round, on the talk periods", "[engine]") {
  Scenario sc = pie_scenario(12, {0.0, 1.0, {}, strategy("hardline")}, {0.0, 1.0, {}, strategy("hardline")});
  sc.protocol.every = 3;
  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  Recorder rec;
  const EpisodeResult& r = runner.run(1, 0, 0, &rec);
  CHECK(r.outcome == Outcome::frozen);
  CHECK(rec.offer_periods == std::vector<int>{0, 3, 6, 9});
  CHECK(rec.proposers == std::vector<std::size_t>{0, 1, 0, 1});
  CHECK(rec.answers == 4);

  sc.protocol.periods = {1, 4, 5};
  const Simulation listed(sc);
  EpisodeRunner listed_runner(listed);
  Recorder rec2;
  (void)listed_runner.run(1, 0, 0, &rec2);
  CHECK(rec2.offer_periods == std::vector<int>{1, 4, 5});
  CHECK(rec2.proposers == std::vector<std::size_t>{0, 1, 0});
}

TEST_CASE("episode: mediated talks, the mediator first and then each counter-proposal", "[engine]") {
  // The mediator values the pie as side A does and tables half of it.
  Agreement half;
  half.amounts = {0.5};
  Scenario sc = pie_builder(3, {0.0, 1.0, {}, strategy("hardline")}, {0.0, 1.0, {}, strategy("hardline")})
                    .copy_of(0, "m").role(Role::mediator).veto(false).strategy(strategy("plan")).proposal(half)
                    .mediated(2, {0, 1})
                    .build();
  {
    const Simulation simulation(sc);
    EpisodeRunner runner(simulation);
    Recorder rec;
    (void)runner.run(1, 0, 0, &rec);
    CHECK(rec.proposers == std::vector<std::size_t>{2, 0, 1, 2, 0, 1, 2, 0, 1});
    CHECK(rec.answers == 3 * (2 + 1 + 1));  // the mediator's offer is answered by both
  }
  sc.protocol.counter = false;
  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  Recorder rec;
  (void)runner.run(1, 0, 0, &rec);
  CHECK(rec.proposers == std::vector<std::size_t>{2, 2, 2});
}

TEST_CASE("episode: random recognition draws proposers apart from the front (common random numbers)", "[engine]") {
  const auto make = [](ProtocolParams::Kind kind) {
    Scenario sc = war_scenario(front(10, 5, 0.5, 0.0), 40, {0.0, 1.0, {}, strategy("hardline")},
                               {0.0, 1.0, {}, strategy("hardline")});
    sc.protocol.kind = kind;
    sc.protocol.recognition = {0.3, 0.7};
    return sc;
  };
  const Simulation random(make(ProtocolParams::Kind::random));
  const Simulation alternating(make(ProtocolParams::Kind::alternating));
  EpisodeRunner random_runner(random);
  EpisodeRunner alternating_runner(alternating);
  std::int64_t first = 0, total = 0;
  for (std::uint64_t run = 0; run < 300; ++run) {
    Recorder a, b;
    (void)random_runner.run(5, 2, run, &a);
    (void)alternating_runner.run(5, 2, run, &b);
    CHECK(a.path == b.path);  // the same front whoever proposes
    for (const std::size_t p : a.proposers) {
      first += p == 0 ? 1 : 0;
      ++total;
    }
  }
  const double share = static_cast<double>(first) / static_cast<double>(total);
  CHECK(std::abs(share - 0.3) <= 3.3 * std::sqrt(0.3 * 0.7 / static_cast<double>(total)));
}

TEST_CASE("episode: posteriors follow the observed front by Bayes' rule", "[engine]") {
  const BeliefSpec prior = belief({-0.5, 0.0, 0.5}, {0.2, 0.5, 0.3});
  const Scenario sc = war_scenario(front(12, 6, 0.7, 0.3), 25, {0.0, 1.0, prior, strategy("hardline")},
                                   {0.0, 1.0, {}, strategy("hardline")});
  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  const auto tables = war_values_by_belief(sc);
  for (std::uint64_t run = 0; run < 10; ++run) {
    Recorder rec;
    (void)runner.run(9, 0, run, &rec);
    Belief replay(prior, &*sc.battlefield);
    for (std::size_t k = 0; k < rec.talks.size(); ++k) {
      const auto& talk = rec.talks[k];
      CHECK(talk.front == (k < rec.path.size() ? rec.path[k] : sc.battlefield->start));
      for (std::size_t h = 0; h < prior.prior.size(); ++h)
        CHECK(talk.beliefs[0][h] == Approx(replay.probabilities()[h]).epsilon(1e-12));
      CHECK(talk.reservations[0] == Approx(subjective_continuation(replay, tables[0], talk.period, talk.front)).epsilon(1e-12));
      if (k + 1 < rec.path.size()) replay.observe(talk.period, rec.path[k], rec.path[k + 1]);
    }
  }
}

TEST_CASE("episode: complete information, the proposer offers the continuation value, agreement at t = 0", "[engine]") {
  // Slantchev (2003): the proposer demands the whole surplus, the responder gets exactly its
  // value of fighting on, W_b(0, s_0) = V_b(0, s_0), and accepts. Costs small enough that
  // W_b lies inside B's utilities over agreements, [0, 1]: with W_b < 0 (as at costs 0.01
  // and 0.02) no agreement is worth as little as W_b to B, A takes all of the territory and
  // B gets 0, not W_b.
  const Scenario sc = war_scenario(front(10, 4, 0.5, 0.2), 50, {0.002, 0.99, {}, strategy("contingent", {{"beta", 1.0}})},
                                   {0.004, 0.98, {}, strategy("contingent", {{"beta", 0.0}})});
  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  const double wb = war_value(sc, 1)(0, 4);
  REQUIRE(wb > 0.01);
  REQUIRE(wb < 0.99);
  for (std::uint64_t run = 0; run < 50; ++run) {
    const EpisodeResult& r = runner.run(1, 0, run);
    REQUIRE(r.outcome == Outcome::settled);
    CHECK(r.period == 0);
    CHECK(r.payoffs[1] == Approx(wb).epsilon(1e-12));
    CHECK(r.payoffs[0] == Approx(1.0 - wb).epsilon(1e-12));
  }
}

TEST_CASE("episode: the same run gives the same episode on any runner", "[engine]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Scenario sc = random_scenario(seed);
    const Simulation simulation(sc);
    EpisodeRunner one(simulation);
    EpisodeRunner two(simulation);
    (void)two.run(99, 1, 5);  // a different history before
    for (std::uint64_t run = 0; run < 5; ++run) {
      const EpisodeResult a = one.run(4, 1, run);
      const EpisodeResult& b = two.run(4, 1, run);
      CHECK(a.outcome == b.outcome);
      CHECK(a.period == b.period);
      CHECK(a.payoffs == b.payoffs);
      REQUIRE(one.history().size() == two.history().size());
      for (std::size_t h = 0; h < one.history().size(); ++h) CHECK(one.history()[h].package == two.history()[h].package);
    }
  }
}
