// The `leverage` section (issue 15): what the loader reads, and what it refuses, with the key
// path of the offending field.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using namespace parley::io;

namespace {

/// The diagnostics of the default scenario with `overrides`, or none.
std::vector<Diagnostic> default_scenario_errors(const std::vector<std::string>& overrides) {
  try {
    load_scenario("ukraine-2025", overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("leverage: the measures are read, with their party costs", "[io][loader][leverage]") {
  const Scenario s = load_scenario(
      "ukraine-2025", {"leverage=[{on: ukraine, by: usa, advantage: 0.1, note: aid paused},"
                       " {on: russia, by: usa, cost: {russia: 0.0005, eu: 0.0001}}]"});
  REQUIRE(s.leverage.size() == 2);
  const int ukraine = s.party_index("ukraine"), russia = s.party_index("russia"), usa = s.party_index("usa");
  CHECK(s.leverage[0].on == static_cast<std::size_t>(ukraine));
  CHECK(s.leverage[0].by == static_cast<std::size_t>(usa));
  CHECK(s.leverage[0].advantage_shift == 0.1);
  CHECK(s.leverage[0].cost_shift.empty());
  CHECK(s.leverage[0].note == "aid paused");
  CHECK(s.leverage[1].on == static_cast<std::size_t>(russia));
  REQUIRE(s.leverage[1].cost_shift.size() == s.parties.size());
  CHECK(s.leverage[1].cost_shift[static_cast<std::size_t>(russia)] == 0.0005);
  CHECK(s.leverage[1].cost_shift[static_cast<std::size_t>(s.party_index("eu"))] == 0.0001);
  CHECK(s.leverage[1].advantage_shift == 0.0);
  // describe lists them in words.
  std::ostringstream out;
  write_description_table(out, s);
  const std::string text = out.str();
  CHECK_THAT(text, Catch::Contains("russia's advantage +0.100 (by usa: aid paused)"));
  CHECK_THAT(text, Catch::Contains("russia's cost +0.0005 per week; eu's cost +0.0001 per week (by usa)"));
}

TEST_CASE("leverage: what the loader refuses", "[io][loader][leverage]") {
  struct Case {
    std::vector<std::string> overrides;
    std::string path;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"leverage=[{on: usa, cost: {usa: 0.001}}]"}, "leverage[0].on", "has no veto"},
      {{"leverage=[{on: ukrane, advantage: 0.1}]"}, "leverage[0].on", "unknown party 'ukrane'"},
      {{"leverage=[{on: ukraine}]"}, "leverage[0]", "the measure changes nothing"},
      {{"leverage=[{advantage: 0.1}]"}, "leverage[0].on", "missing required key 'on'"},
      {{"leverage=[{on: ukraine, advantage: 3}]"}, "leverage[0].advantage", "must be in [-2, 2]"},
      {{"leverage=[{on: ukraine, cost: {russia: -1}}]"}, "leverage[0].cost.russia", "must be >= 0"},
      {{"leverage=[{on: ukraine, advantage: 0.1}]", "parties.usa.strategy=nash"}, "leverage",
       "needs the mediator 'usa' to table a plan"},
      {{"leverage=[{on: ukraine, advantage: 0.1}]", "protocol.closing_hazard=0.1"}, "leverage",
       "closing hazard"},
      {{"leverage={on: ukraine}"}, "leverage", "expected a list of measures"},
  };
  for (const Case& c : cases) {
    INFO(c.overrides.front());
    const auto errors = default_scenario_errors(c.overrides);
    // The one about leverage among them (the default scenario's durability has its own word on a
    // closing hazard).
    const bool named = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
      return d.path == c.path && d.message.find(c.message) != std::string::npos;
    });
    CHECK(named);
  }
}

TEST_CASE("pressure: a side's offensive option is read, and refused where it cannot be", "[io][loader][pressure]") {
  const Scenario s = load_scenario("ukraine-2025", {"parties.russia.pressure={advantage: 0.2, cost: 0.001}"});
  const Party& russia = s.parties[static_cast<std::size_t>(s.party_index("russia"))];
  REQUIRE(russia.pressure);
  CHECK(russia.pressure->advantage == 0.2);
  CHECK(russia.pressure->cost == 0.001);
  std::ostringstream out;
  write_description_table(out, s);
  CHECK_THAT(out.str(), Catch::Contains("Offensive options"));

  struct Case {
    std::string override_text;
    std::string path;
    std::string message;
  };
  const std::vector<Case> cases{
      {"parties.usa.pressure={advantage: 0.2}", "parties[2].pressure", "is not a side of the front"},
      {"parties.russia.pressure={advantage: 0, cost: 0.001}", "parties[0].pressure.advantage", "must be in (0, 2]"},
      {"parties.russia.pressure={cost: 0.001}", "parties[0].pressure.advantage", "missing required key 'advantage'"},
      {"parties.russia.pressure={advantage: 0.2, cost: -1}", "parties[0].pressure.cost", "must be >= 0"},
      {"parties.russia.pressure={advantage: 0.2, tempo: 2}", "parties[0].pressure.tempo", "unknown key"},
  };
  for (const Case& c : cases) {
    INFO(c.override_text);
    const auto errors = default_scenario_errors({c.override_text});
    const bool named = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
      return d.path == c.path && d.message.find(c.message) != std::string::npos;
    });
    CHECK(named);
  }
}

TEST_CASE("leverage and pressure: at most four parties vary between talks", "[io][loader][pressure][limits]") {
  // Russia and Ukraine, each targeted and each pressing: four, the limit; a third veto party
  // targeted too is one more (2^5 copies of every war).
  const std::vector<std::string> four{
      "leverage=[{on: ukraine, advantage: 0.1}, {on: russia, cost: {russia: 0.001}}]",
      "parties.russia.pressure={advantage: 0.2}", "parties.ukraine.pressure={advantage: 0.2}"};
  CHECK(default_scenario_errors(four).empty());
  std::vector<std::string> five = four;
  five[0] = "leverage=[{on: ukraine, advantage: 0.1}, {on: russia, cost: {russia: 0.001}}, {on: eu, cost: {eu: 0.001}}]";
  five.push_back("parties.eu.veto=true");
  const auto errors = default_scenario_errors(five);
  const bool named = std::any_of(errors.begin(), errors.end(), [](const Diagnostic& d) {
    return d.path == "parties" && d.message.find("5 parties targeted by leverage or with an offensive option: at most 4") !=
                                      std::string::npos;
  });
  CHECK(named);
}
