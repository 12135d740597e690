// Round trip of every shipped scenario: it loads (built in and from scenarios/), validates, and
// describes; the default scenario is among them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/ideal_agreement.hpp"

using namespace parley;
using namespace parley::io;

TEST_CASE("every shipped scenario is built in, under its file's name", "[io][builtin]") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/scenarios"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().stem().string());
  std::sort(files.begin(), files.end());
  std::vector<std::string> builtin;
  for (const auto& s : builtin_scenarios()) builtin.emplace_back(s.name);
  std::sort(builtin.begin(), builtin.end());
  CHECK(builtin == files);
  CHECK(std::find(builtin.begin(), builtin.end(), default_scenario_name) != builtin.end());
}

TEST_CASE("every built-in scenario loads, validates and describes", "[io][builtin]") {
  for (const auto& builtin : builtin_scenarios()) {
    const std::string name(builtin.name);
    INFO(name);
    Scenario s;
    try {
      s = build_scenario(parse_builtin_scenario(name));
    } catch (const ScenarioError& e) {
      FAIL(e.what());
    }
    CHECK(s.id == name);
    CHECK_FALSE(s.title.empty());
    // The file in scenarios/ gives the same scenario.
    const Scenario from_file = load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
    CHECK(from_file.title == s.title);
    CHECK(from_file.parties.size() == s.parties.size());
    CHECK(from_file.status_quo() == s.status_quo());

    // Each party's ideal agreement is worth at least as much to it as any other party's ideal
    // and the status quo (it is the maximum of its utility).
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      const double best = s.utility(i, ideal_agreement(s, i));
      for (std::size_t j = 0; j < s.parties.size(); ++j) CHECK(s.utility(i, ideal_agreement(s, j)) <= best);
      CHECK(s.utility(i, s.status_quo()) <= best);
    }

    std::ostringstream table;
    write_description_table(table, s);
    CHECK_THAT(table.str(), Catch::StartsWith(s.title + "  (" + name + ")\n"));
    for (const auto& p : s.parties) CHECK_THAT(table.str(), Catch::Contains("ideal of " + p.id));
    if (s.battlefield) CHECK_THAT(table.str(), Catch::Contains(battlefield_in_words(s)));
    std::ostringstream json_text;
    JsonWriter json(json_text);
    write_description_json(json, s);
    CHECK(json.complete());
  }
}
