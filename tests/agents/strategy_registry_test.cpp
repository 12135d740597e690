// The strategy registry (DESIGN 1.6): every strategy registers itself from its own file, with
// its catalog entry; names, parameter specifications, defaults and range checks.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parley/agents/strategy_registry.hpp"
#include "test_scenarios.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

// The strategy names of a markdown table: the backquoted names of the first column of every
// row between the heading `section` and the next heading.
std::vector<std::string> strategies_in_docs_table(const std::string& file, const std::string& section) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/" + file);
  REQUIRE(in);
  std::vector<std::string> names;
  std::string line;
  bool inside = false;
  const std::regex name(R"(`([a-z_]+)`)");
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) inside = line.find(section) != std::string::npos;
    if (!inside || line.rfind("| `", 0) != 0) continue;
    const std::string first = line.substr(0, line.find('|', 1));
    for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) names.push_back((*it)[1]);
  }
  return names;
}

std::vector<std::string> registered_names() {
  std::vector<std::string> names;
  for (const StrategyRegistration& entry : registered_strategies()) names.emplace_back(entry.name);
  return names;
}

}  // namespace

TEST_CASE("registry: every strategy the docs list is registered, in the docs' order", "[agents]") {
  // The scenario format's table is rendered from the catalog (scenario_schema_test checks
  // that); the design's table is written by hand. Either naming a strategy the program lacks,
  // or the program having one they do not name, means a registration was lost or undocumented.
  const std::vector<std::string> registered = registered_names();
  CHECK(strategies_in_docs_table("docs/scenario-format.md", "Strategies") == registered);
  CHECK(strategies_in_docs_table("docs/design.md", "1.6") == registered);
  // Every built-in of the time this registry was written, which the docs list too: a lost
  // registration shows here even if the docs lose it as well.
  const std::vector<std::string> built_in = {"prolonged", "quick",       "linear", "hardline", "contingent", "stall",
                                             "tit_for_tat", "equilibrium", "plan",   "nash",     "none"};
  CHECK(registered == built_in);
}

TEST_CASE("registry: the catalog is the registry's entries a scenario may name, in its order", "[agents]") {
  std::vector<std::string> catalog;
  for (const StrategyInfo& info : strategy_catalog()) {
    catalog.push_back(info.name);
    const StrategyRegistration* entry = find_registered_strategy(info.name);
    REQUIRE(entry != nullptr);
    CHECK(entry->name == info.name);
    CHECK(entry->info->summary == info.summary);
    CHECK(entry->info->params.size() == info.params.size());
    CHECK(find_strategy(info.name) == &info);
  }
  std::vector<std::string> named = registered_names();
  named.pop_back();  // `none`, which a scenario names by leaving `strategy` out
  CHECK(catalog == named);
  const StrategyRegistration* none = find_registered_strategy("none");
  REQUIRE(none != nullptr);
  CHECK_FALSE(none->info->in_catalog);
  CHECK(find_strategy("none") == nullptr);
  CHECK(find_registered_strategy("") == none);
  CHECK(find_registered_strategy("boulware") == nullptr);
}

TEST_CASE("registry: positions are unique and increasing, names unique", "[agents]") {
  std::set<std::string> names;
  int previous = 0;
  bool first = true;
  for (const StrategyRegistration& entry : registered_strategies()) {
    CHECK(names.insert(std::string(entry.name)).second);
    if (!first) CHECK(entry.position > previous);
    previous = entry.position;
    first = false;
    CHECK(entry.prepare != nullptr);
  }
  // Every registerer the build listed ran before the registry was read.
  CHECK(linked_strategy_registerers().size() == registered_strategies().size());
  for (const StrategyRegisterer* registerer : linked_strategy_registerers()) CHECK(registerer->registered());
}

TEST_CASE("registry: parameters completed from the catalog and checked against their ranges", "[agents]") {
  const StrategySpec quick = complete_strategy_spec(strategy("quick"));
  CHECK(quick.params.at("e") == find_strategy("quick")->params.at(0).default_value);
  CHECK(quick.params.at("e") == 3.0);  // Conceder (Faratin et al. 1998)
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
