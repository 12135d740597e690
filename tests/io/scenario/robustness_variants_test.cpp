// The changes of set-up `--robustness` tries (issue 16, item 2): the horizon halved and doubled,
// every other speaking order (and random recognition under alternation), the planning horizons
// halved and doubled, each as the `--set` assignments that reproduce it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../../agents/test_scenarios.hpp"
#include "parley/io/scenario/robustness_variants.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

using namespace parley;

namespace {

std::vector<std::vector<std::string>> overrides_of(const std::vector<io::RobustnessVariant>& variants,
                                                   const std::string& aspect) {
  std::vector<std::vector<std::string>> out;
  for (const auto& v : variants)
    if (v.aspect == aspect) out.push_back(v.overrides);
  return out;
}

}  // namespace

TEST_CASE("robustness variants of the default scenario: horizon, counter order, planning horizons", "[robustness]") {
  const Scenario sc = io::load_scenario("ukraine-2025");
  const auto variants = io::robustness_variants(sc, io::PlanningHorizons::scenario);
  using Sets = std::vector<std::vector<std::string>>;
  CHECK(overrides_of(variants, "horizon") == Sets{{"horizon=52"}, {"horizon=208"}});
  // Mediated with counters: the US stage stays first, the counters' order is swapped.
  CHECK(overrides_of(variants, "speaking order") == Sets{{"protocol.order=[ukraine, russia]"}});
  CHECK(overrides_of(variants, "planning horizon") ==
        Sets{{"parties.russia.strategy.horizon=26", "parties.ukraine.strategy.horizon=26"},
             {"parties.russia.strategy.horizon=104", "parties.ukraine.strategy.horizon=104"}});
  const auto planning = std::find_if(variants.begin(), variants.end(),
                                     [](const auto& v) { return v.aspect == "planning horizon"; });
  REQUIRE(planning != variants.end());
  CHECK(planning->planning_factor == 0.5);
  CHECK(planning->label == "planning horizons halved (Russia 26 weeks, Ukraine 26 weeks)");
  // Every variant loads: the assignments are valid `--set`s of this scenario.
  for (const auto& v : variants) {
    INFO(v.label);
    CHECK_NOTHROW(io::load_scenario("ukraine-2025", v.overrides));
  }
  // `solve` does not use the parties' strategies: no planning variants.
  CHECK(overrides_of(io::robustness_variants(sc, io::PlanningHorizons::ignored), "planning horizon").empty());
}

TEST_CASE("robustness variants: the five other orders of three proposers, then random recognition", "[robustness]") {
  // The pie with a third veto party c; alternation a, b, c.
  testing::ScenarioBuilder three = testing::pie_builder(12, {}, {});
  testing::add_side(three, "c", {}, PiecewiseLinear::increasing(0.0, 1.0));
  const Scenario sc = three.alternating({0, 1, 2}).build();
  using Sets = std::vector<std::vector<std::string>>;
  CHECK(overrides_of(io::robustness_variants(sc, io::PlanningHorizons::scenario), "speaking order") ==
        Sets{{"protocol.order=[a, c, b]"},
             {"protocol.order=[b, a, c]"},
             {"protocol.order=[b, c, a]"},
             {"protocol.order=[c, a, b]"},
             {"protocol.order=[c, b, a]"},
             {"protocol.kind=random", "protocol.order=[a, b, c]"}});
}

TEST_CASE("robustness variants: alternation between two, random recognition, limits", "[robustness]") {
  const Scenario rubinstein = io::load_scenario("rubinstein");
  const auto variants = io::robustness_variants(rubinstein, io::PlanningHorizons::scenario);
  using Sets = std::vector<std::vector<std::string>>;
  CHECK(overrides_of(variants, "speaking order") ==
        Sets{{"protocol.order=[player2, player1]"}, {"protocol.kind=random", "protocol.order=[player1, player2]"}});
  // Its parties play no time-dependent tactic: nothing to halve unless the command's own
  // candidates plan (`compare`), and then the variants carry the factor and no assignment.
  CHECK(overrides_of(variants, "planning horizon").empty());
  CHECK(overrides_of(io::robustness_variants(rubinstein, io::PlanningHorizons::scenario_and_candidates),
                     "planning horizon") == Sets{{}, {}});
  // Random recognition has no order to vary.
  const Scenario random = io::load_scenario("rubinstein", {"protocol.kind=random"});
  CHECK(overrides_of(io::robustness_variants(random, io::PlanningHorizons::scenario), "speaking order").empty());
  // A horizon at the format's limit is not doubled; one of 1 period is not halved.
  const Scenario longest = io::load_scenario("rubinstein", {"horizon=" + std::to_string(io::max_horizon)});
  CHECK(overrides_of(io::robustness_variants(longest, io::PlanningHorizons::scenario), "horizon") ==
        Sets{{"horizon=" + std::to_string(io::max_horizon / 2)}});
  const Scenario shortest = io::load_scenario("rubinstein", {"horizon=1"});
  CHECK(overrides_of(io::robustness_variants(shortest, io::PlanningHorizons::scenario), "horizon") ==
        Sets{{"horizon=2"}});
}

TEST_CASE("robustness variants: a strategy's planning horizon scaled, the default filled in", "[robustness]") {
  StrategySpec prolonged;
  prolonged.name = "prolonged";
  CHECK(io::has_planning_horizon(prolonged));
  const StrategySpec halved = io::scaled_planning_horizon(prolonged, 0.5);
  CHECK(halved.params.at("horizon") == 26.0);
  CHECK(halved.params.at("e") == 0.2);
  prolonged.params["horizon"] = 3.0;
  CHECK(io::scaled_planning_horizon(prolonged, 0.5).params.at("horizon") == 2.0);  // 1.5 rounds to 2
  prolonged.params["horizon"] = 1.0;
  CHECK(io::scaled_planning_horizon(prolonged, 0.4).params.at("horizon") == 1.0);  // never below 1
  StrategySpec contingent;
  contingent.name = "contingent";
  CHECK_FALSE(io::has_planning_horizon(contingent));
  CHECK(io::scaled_planning_horizon(contingent, 2.0).params.empty());
}
