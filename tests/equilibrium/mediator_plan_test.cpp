// The mediator's plan as the solver's first stage (issue 15; BargainingEquilibrium's class
// comment): under `counter: false` a plan that both veto parties prefer to fighting on passes at
// once, one that leaves a party below its value of rejecting never does; with counter-proposals
// it passes only where it is as good for every veto party as the counter-offer that would follow.
// Checked on Rubinstein's pie, where every value is a closed form (docs/theory.md), and on the
// default scenario, where moving the plan moves the equilibrium.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../support/plan_pie.hpp"
#include "../support/scenario_builder.hpp"
#include "parley/agents/bargaining_setting.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/scenario/scenario_document.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using parley::testing::plan_pie;

namespace {

constexpr double kPlanExact = 1e-12;


}  // namespace

TEST_CASE("A plan both sides prefer to fighting on passes at the first talks (counter: false)", "[solve][plan]") {
  // With no counter-proposals the plan is the only offer. At T - 1 rejecting it brings
  // d_i r_i (no cost): 0.45 < 0.6 and 0.32 < 0.4, so it passes there, and then at every earlier
  // period, where rejecting brings d_i times the plan's share: it passes at once, and the value
  // of rejecting it at t = 0 is d1 0.6 and d2 0.4.
  const int T = 10;
  const double d1 = 0.9, d2 = 0.8, r1 = 0.5, r2 = 0.4;
  const double w1 = d1 * 0.6, w2 = d2 * 0.4;
  const Scenario sc = plan_pie(T, d1, d2, 0.6, false, r1, r2);
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  REQUIRE(eq.plan_stage());
  REQUIRE(eq.talks(0));
  CHECK(eq.stage_count(0) == 0);
  CHECK(eq.mediator() == 2u);
  CHECK(eq.plan_verdict(0, 0) == PlanVerdict::passes);
  CHECK(std::abs(eq.value(0, 0, 0) - 0.6) < kPlanExact);
  CHECK(std::abs(eq.value(0, 0, 1) - 0.4) < kPlanExact);
  CHECK(std::abs(eq.value(0, 0, 2) - 0.6) < kPlanExact);  // the mediator's own value of its plan
  CHECK(std::abs(eq.plan_rejection_value(0, 0, 0) - w1) < kPlanExact);
  CHECK(std::abs(eq.plan_rejection_value(0, 0, 1) - w2) < kPlanExact);
  CHECK(eq.path().settled == 1.0);
  CHECK(eq.path().settled_at[0] == 1.0);
  CHECK(eq.path().settled_on_plan == 1.0);
  CHECK(eq.settlement_probability(0, 0) == 1.0);
}

TEST_CASE("A plan below one side's value of rejecting never passes, and the war runs out (counter: false)",
          "[solve][plan]") {
  // Player 2 needs 1 - x >= d2^(T - t) r2 at period t: with x = 0.99 and r2 = 0.4 it never
  // gets it, so nothing is ever signed and every party gets its deadline value discounted.
  const int T = 10;
  const Scenario sc = plan_pie(T, 0.9, 0.8, 0.99, false, 0.5, 0.4);
  const auto eq = BargainingEquilibrium::solve(sc, AgreementSpace(sc));
  for (int t = 0; t < T; ++t) {
    INFO("t = " << t);
    CHECK(eq.plan_verdict(t, 0) == PlanVerdict::rejected);
    CHECK(std::abs(eq.value(t, 0, 1) - std::pow(0.8, T - t) * 0.4) < kPlanExact);
  }
  CHECK(eq.path().settled == 0.0);
  CHECK(eq.path().settled_on_plan == 0.0);
  // The same plan with a smaller claim for player 1 (x = 0.9) passes from the last period at
  // which player 2's deadline value 0.8^(T - t) r2 is at most its 0.1 (T - t = 7: t = 3), and,
  // once it passes there, at every earlier period too (rejecting at t - 1 brings 0.8 x 0.1), so
  // it is signed at once.
  const Scenario later = plan_pie(T, 0.9, 0.8, 0.9, false, 0.5, 0.4);
  const auto eq2 = BargainingEquilibrium::solve(later, AgreementSpace(later));
  for (int t = 0; t < T; ++t) {
    INFO("t = " << t);
    CHECK(eq2.plan_verdict(t, 0) == (t <= 3 ? PlanVerdict::passes : PlanVerdict::rejected));
  }
  CHECK(eq2.path().settled_at[0] == 1.0);
  CHECK(std::abs(eq2.value(0, 0, 1) - 0.1) < kPlanExact);
  CHECK(std::abs(eq2.value(4, 0, 1) - std::pow(0.8, 6) * 0.4) < kPlanExact);
}

TEST_CASE("With counter-proposals the plan passes only where it matches the first counter-offer", "[solve][plan]") {
  // Counter-stages as in the solver without a plan: player 2, the last counter-proposer, has the
  // proposer's power, so player 1 gets W_1(t) = d1^(T - t) r1 and player 2 the rest. A plan
  // giving player 1 exactly that ties (ties accept: it passes); a plan giving player 1 less is
  // rejected by player 1 and the counter-stages play out, with the values of the plan-less game.
  const int T = 8;
  const double d1 = 0.9, d2 = 0.8, r1 = 0.3;
  const double w1 = std::pow(d1, T) * r1;
  const Scenario matching = plan_pie(T, d1, d2, w1, true, r1);
  const auto eq = BargainingEquilibrium::solve(matching, AgreementSpace(matching));
  REQUIRE(eq.stage_count(0) == 2);
  CHECK(std::abs(eq.plan_rejection_value(0, 0, 0) - w1) < kPlanExact);
  CHECK(eq.plan_verdict(0, 0) == PlanVerdict::passes);
  CHECK(eq.path().settled_on_plan == 1.0);

  const Scenario low = plan_pie(T, d1, d2, w1 / 2.0, true, r1);
  const auto rejected = BargainingEquilibrium::solve(low, AgreementSpace(low));
  CHECK(rejected.plan_verdict(0, 0) == PlanVerdict::rejected);
  CHECK(rejected.plan_rejected_by(0, 0) == 0b01);  // player 1 alone: it gets w1 / 2 < w1
  CHECK(std::abs(rejected.value(0, 0, 0) - w1) < kPlanExact);
  CHECK(std::abs(rejected.value(0, 0, 1) - (1.0 - w1)) < kPlanExact);
  CHECK(rejected.path().settled == 1.0);  // on player 1's counter-offer, which leaves player 2 its floor
  CHECK(rejected.path().settled_on_plan == 0.0);
  // A mediator with another strategy has no stage: the values are the plan-less game's.
  Scenario other = low;
  other.parties[2].strategy = parley::testing::strategy("nash");
  const auto skipped = BargainingEquilibrium::solve(other, AgreementSpace(other));
  CHECK_FALSE(skipped.plan_stage());
  CHECK(std::abs(skipped.value(0, 0, 0) - rejected.value(0, 0, 0)) < kPlanExact);
}

TEST_CASE("Equilibrium players sign the plan where the solver says it passes", "[solve][plan]") {
  // Both veto parties play `equilibrium`; the mediator plays `plan` with no drift, so its
  // offers are the plan: every run settles on it at once, as the solver does.
  Scenario sc = plan_pie(10, 0.9, 0.8, 0.9, false, 0.5, 0.4);
  for (std::size_t i : {0u, 1u}) sc.parties[i].strategy = parley::testing::strategy("equilibrium");
  const Simulation simulation(sc);
  RunOptions options;
  options.runs = 50;
  options.threads = 1;
  const RunSummary summary = simulate(simulation, options);
  CHECK(summary.settled.count == 50);
  CHECK(summary.settlement_periods.at(0) == 50);
  CHECK(std::abs(summary.utility[1].mean - 0.1) < kPlanExact);
}

TEST_CASE("The default scenario without counter-proposals: the plan decides, and moving it moves the outcome",
          "[solve][plan]") {
  // The 28-point draft as tabled (territory: 0.7 of the contested band to Russia) against the
  // same plan asking less territory (0.3): the equilibrium settles on the plan in both, at other
  // times and with other values; with counter-proposals the belligerents' own offers decide.
  const auto solved = [](const std::vector<std::pair<std::string, std::string>>& sets) {
    io::ScenarioDocument doc = io::parse_scenario_argument("ukraine-2025");
    for (const auto& [path, value] : sets) io::apply_override(doc, path, value);
    const Scenario sc = io::build_scenario(doc);
    const AgreementSpace space(sc);
    return BargainingEquilibrium::solve(sc, space);
  };
  const auto tabled = solved({{"protocol.counter", "false"}});
  const auto smaller = solved({{"protocol.counter", "false"}, {"parties.usa.proposal.territory", "0.3"}});
  REQUIRE(tabled.plan_stage());
  CHECK(tabled.path().settled_on_plan > 0.5);
  CHECK(std::abs(tabled.path().settled_on_plan - tabled.path().settled) < kPlanExact);
  CHECK(smaller.path().settled_on_plan > 0.0);
  CHECK(std::abs(tabled.path().expected_settlement_period - smaller.path().expected_settlement_period) > 1.0);
  const int s0 = tabled.start_state();
  CHECK(std::abs(tabled.value(0, s0, 0) - smaller.value(0, s0, 0)) > 1e-3);
}

TEST_CASE("The default scenario's simulation without counter-proposals: another plan, other terms", "[solve][plan]") {
  // Behavioural play (parley run): with only the mediator proposing, the settlement terms are the
  // plan's as its drift moves it; asking 0.3 of the contested territory instead of 0.7 moves the
  // settled territory and makes settlement far more likely (the 0.7 plan, drifting, is mostly
  // signed only near the horizon, if at all).
  const auto simulated = [](const std::string& territory) {
    io::ScenarioDocument doc = io::parse_scenario_argument("ukraine-2025");
    io::apply_override(doc, "protocol.counter", "false");
    io::apply_override(doc, "parties.usa.proposal.territory", territory);
    const Simulation simulation(io::build_scenario(doc));
    RunOptions options;
    options.runs = 400;
    options.seed = 3;
    return simulate(simulation, options);
  };
  const RunSummary tabled = simulated("0.7");
  const RunSummary smaller = simulated("0.3");
  CHECK(smaller.settled.ci95.low > tabled.settled.ci95.high);
  const std::size_t territory = 0;
  REQUIRE(tabled.settlement_terms.size() > territory);
  CHECK(tabled.settled.count > 0);
  CHECK(smaller.settlement_terms[territory].amount.ci95.high < tabled.settlement_terms[territory].amount.ci95.low);
}
