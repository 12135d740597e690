// The one rule every strategy obeys (DESIGN 1.6): never accept an offer worth less than the
// reservation value r_i(t, s) under its own beliefs, and never propose one. Checked by calling
// every registered strategy directly on many random scenarios, states, histories and offers.
#include <catch2/catch.hpp>

#include <random>

#include "decision_point.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// A random legal package: continuous amounts in range (on the grid if stepped), a level,
// random clause flags.
Agreement random_package(const Scenario& sc, std::mt19937_64& rng) {
  Agreement x = sc.status_quo();
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (std::size_t k = 0; k < sc.issues.size(); ++k) {
    const Issue& issue = sc.issues[k];
    if (issue.kind == IssueKind::continuous) {
      double v = issue.lo + unit(rng) * (issue.hi - issue.lo);
      if (issue.steps) {
        const double width = (issue.hi - issue.lo) / *issue.steps;
        v = issue.lo + std::round((v - issue.lo) / width) * width;
      }
      x.amounts[k] = v;
    } else if (issue.kind == IssueKind::ordinal) {
      x.amounts[k] = std::floor(unit(rng) * static_cast<double>(issue.levels.size()));
    }
  }
  for (auto& flag : x.clauses) flag = unit(rng) < 0.5 ? 1 : 0;
  return x;
}

}  // namespace

TEST_CASE("every strategy: accepting or proposing below the reservation value never happens", "[agents]") {
  std::mt19937_64 rng(20251202);
  std::int64_t answers = 0, accepted = 0, proposals = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const Scenario sc = random_scenario(seed);
    DecisionPoint point(sc);
    const int states = point.setting().state_count();
    for (const StrategyRegistration& entry : registered_strategies()) {
      StrategySpec spec;
      spec.name = std::string(entry.name);
      for (const std::size_t party : point.setting().veto_parties()) {
        // The plan needs a proposal: use a random package as the party's plan.
        Scenario with_plan = sc;
        with_plan.parties[party].proposal = random_package(sc, rng);
        const BargainingSetting own_setting(with_plan);
        const auto strategy = prepare_strategy(own_setting, party, spec)();
        strategy->reset();
        point.clear_history();
        for (int trial = 0; trial < 12; ++trial) {
          const int t = std::uniform_int_distribution<int>(0, sc.horizon - 1)(rng);
          int s = 0;
          if (sc.battlefield) s = std::uniform_int_distribution<int>(sc.battlefield->collapse_a + 1, sc.battlefield->collapse_b - 1)(rng);
          REQUIRE(s < states);
          point.at(t, s);
          // Beliefs moved by a random observed move, for the parties that learn.
          if (sc.battlefield && trial % 3 == 2) {
            for (std::size_t j = 0; j < sc.parties.size(); ++j) point.observe(j, t, s, s + 1);
            point.at(t, s);
          }
          const double r = point.reservation(party);
          const StrategyView view = point.view(party);
          Agreement proposal;
          if (strategy->propose(view, proposal)) {
            ++proposals;
            CHECK(sc.utility(party, proposal) >= r - 1e-12);
            point.offer(party, proposal);
          }
          CHECK(strategy->aspiration(view) >= r - 1e-12);
          for (int k = 0; k < 6; ++k) {
            const std::size_t other = point.setting().veto_parties()[static_cast<std::size_t>(k) % point.setting().veto_parties().size()];
            const Offer& offer = point.offer(other == party ? (party + 1) % sc.parties.size() : other, random_package(sc, rng));
            const Answer answer = strategy->respond(point.view(party), offer);
            ++answers;
            if (answer.accept) {
              ++accepted;
              CHECK(offer.utilities[party] >= r - 1e-12);
              CHECK(offer.utilities[party] >= answer.threshold - 1e-12);
            }
            CHECK(answer.threshold >= r);
          }
        }
      }
    }
  }
  // The check above is vacuous unless offers were accepted and proposals made.
  CHECK(accepted > 100);
  CHECK(accepted < answers);
  CHECK(proposals > 100);
}
