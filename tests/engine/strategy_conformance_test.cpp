// Conformance of every registered strategy, as OpenSpiel checks every game: over random small
// scenarios, each strategy makes only legal offers, never binds itself or agrees below its
// reservation value, lets every episode end by the horizon, and plays the same episode again
// for the same seed.
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../agents/test_scenarios.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "parley/engine/episode_runner.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// Logs every event as text and checks each offer and answer against the contract.
struct ConformanceObserver : EpisodeObserver {
  explicit ConformanceObserver(const BargainingSetting& s) : setting(s) {}
  const BargainingSetting& setting;
  std::ostringstream log;
  int ends = 0;
  int offers = 0;
  int accepts = 0;

  void legal(const Agreement& x) {
    const Scenario& sc = setting.scenario();
    REQUIRE(x.amounts.size() == sc.issues.size());
    REQUIRE(x.clauses.size() == sc.clause_count());
    for (std::size_t k = 0; k < sc.issues.size(); ++k) {
      const Issue& issue = sc.issues[k];
      const double v = x.amounts[k];
      if (issue.kind == IssueKind::continuous) {
        CHECK(v >= issue.lo - 1e-12);
        CHECK(v <= issue.hi + 1e-12);
        if (issue.steps) {
          const double steps = (v - issue.lo) / (issue.hi - issue.lo) * *issue.steps;
          CHECK(std::abs(steps - std::round(steps)) < 1e-9);
        }
      } else if (issue.kind == IssueKind::ordinal) {
        CHECK(v == std::floor(v));
        CHECK(v >= 0.0);
        CHECK(v < static_cast<double>(issue.levels.size()));
      }
    }
    for (const auto flag : x.clauses) CHECK(flag <= 1);
  }
  void on_talks(const NegotiationState& state, std::span<const double> aspirations) override {
    log << "talks " << state.period << " " << state.front;
    for (std::size_t j : setting.veto_parties()) {
      CHECK(aspirations[j] >= state.reservations[j] - 1e-12);
      log << " " << aspirations[j];
    }
    log << "\n";
  }
  void on_pass(const NegotiationState&, std::size_t party) override { log << "pass " << party << "\n"; }
  void on_offer(const NegotiationState& state, const Offer& offer) override {
    ++offers;
    legal(offer.package);
    if (setting.is_veto(offer.proposer))
      CHECK(offer.utilities[offer.proposer] >= state.reservations[offer.proposer] - 1e-12);
    log << "offer " << offer.proposer;
    for (double a : offer.package.amounts) log << " " << a;
    for (auto c : offer.package.clauses) log << " " << int(c);
    log << "\n";
  }
  void on_answer(const NegotiationState& state, std::size_t party, const Offer& offer, const Answer& answer) override {
    CHECK(setting.is_veto(party));
    CHECK(party != offer.proposer);
    if (answer.accept) {
      ++accepts;
      CHECK(offer.utilities[party] >= state.reservations[party] - 1e-12);
    }
    log << "answer " << party << " " << answer.accept << " " << answer.threshold << "\n";
  }
  void on_fighting(int t, int from, int to) override { log << "fight " << t << " " << from << " " << to << "\n"; }
  void on_end(const EpisodeResult& r) override {
    ++ends;
    log << "end " << to_string(r.outcome) << " " << r.period;
    for (double p : r.payoffs) log << " " << p;
    log << "\n";
  }
};

}  // namespace

TEST_CASE("every registered strategy: legal offers, termination, seed determinism", "[engine][agents]") {
  for (const StrategyRegistration& entry : registered_strategies()) {
    INFO("strategy " << entry.name);
    int played = 0, offers = 0;
    for (std::uint64_t seed = 100; seed < 124; ++seed) {
      Scenario sc = random_scenario(seed);
      // Mediator strategies go to the mediator when there is one; the others to party 0.
      const bool mediator_strategy = entry.info && entry.info->for_mediators && !entry.info->for_belligerents;
      std::size_t who = 0;
      if (mediator_strategy && sc.protocol.kind == ProtocolParams::Kind::mediated) who = sc.protocol.mediator;
      sc.parties[who].strategy = strategy(std::string(entry.name));
      if (!sc.parties[who].proposal) sc.parties[who].proposal = sc.status_quo();
      std::optional<Simulation> simulation;
      try {
        simulation.emplace(sc);
      } catch (const std::invalid_argument&) {
        continue;  // a strategy may decline a scenario it cannot play (e.g. a solver limit)
      }
      EpisodeRunner runner(*simulation);
      EpisodeRunner fresh(*simulation);
      for (std::uint64_t run = 0; run < 6; ++run) {
        ConformanceObserver first(simulation->setting()), again(simulation->setting());
        const EpisodeResult& r = runner.run(seed, 3, run, &first);
        CHECK(first.ends == 1);
        CHECK(r.duration <= sc.horizon);
        CHECK(r.duration >= 0);
        (void)fresh.run(seed, 3, run, &again);
        CHECK(first.log.str() == again.log.str());
        offers += first.offers;
      }
      ++played;
    }
    CHECK(played >= 12);
    if (entry.name != "none") CHECK(offers > 0);
  }
}
