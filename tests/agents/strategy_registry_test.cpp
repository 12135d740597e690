// The strategy registry (DESIGN 1.6): names, parameter specifications from the catalog,
// defaults and range checks.
#include <catch2/catch.hpp>

#include "parley/agents/passive_strategy.hpp"
#include "parley/agents/strategy_registry.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

TEST_CASE("registry: every catalog strategy but the solver's is registered with its catalog entry", "[agents]") {
  for (const StrategyInfo& info : strategy_catalog()) {
    const StrategyRegistration* entry = find_registered_strategy(info.name);
    if (info.name == "equilibrium") continue;  // registered by the solver (solve layer)
    REQUIRE(entry != nullptr);
    CHECK(entry->info == &info);
    CHECK(entry->name == info.name);
  }
  CHECK(find_registered_strategy("none")->info == &PassiveStrategy::info());
  CHECK(find_registered_strategy("") == find_registered_strategy("none"));
  CHECK(find_registered_strategy("boulware") == nullptr);
}

TEST_CASE("registry: parameters completed from the catalog and checked against their ranges", "[agents]") {
  const StrategySpec quick = complete_strategy_spec(strategy("quick"));
  CHECK(quick.params.at("e") == find_strategy("quick")->params.at(0).default_value);
  CHECK(complete_strategy_spec(strategy("quick", {{"e", 5.0}})).params.at("e") == 5.0);
  CHECK(complete_strategy_spec(strategy("hardline")).params.empty());
  CHECK_THROWS_AS(complete_strategy_spec(strategy("quick", {{"beta", 0.5}})), std::invalid_argument);
  CHECK_THROWS_AS(complete_strategy_spec(strategy("contingent", {{"beta", 1.5}})), std::invalid_argument);
  CHECK_THROWS_AS(complete_strategy_spec(strategy("no_such_strategy")), std::invalid_argument);
}

TEST_CASE("registry: prepared strategies are fresh instances of the named class", "[agents]") {
  const Scenario sc = pie_scenario(10, {}, {});
  const BargainingSetting setting(sc);
  for (const StrategyRegistration& entry : registered_strategies()) {
    if (entry.name == "plan") {
      CHECK_THROWS_AS(prepare_strategy(setting, 0, strategy("plan")), std::invalid_argument);  // no proposal
      continue;
    }
    const StrategyMaker make = prepare_strategy(setting, 0, strategy(std::string(entry.name)));
    const auto first = make();
    const auto second = make();
    REQUIRE(first != nullptr);
    CHECK(first.get() != second.get());
  }
}
