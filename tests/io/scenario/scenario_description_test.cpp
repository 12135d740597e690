// What `parley describe` says: the battlefield and the protocol in words, the tables, the JSON.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/scenario_description.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/model/ideal_agreement.hpp"

using namespace parley;
using namespace parley::io;

namespace {

/// Russia (side A) and Ukraine over a linked territory, weeks, the given advantage.
Scenario war(const std::string& advantage, const std::string& extra = "") {
  const std::string yaml = R"(title: War
horizon: 104
period: week
issues:
  - {id: territory, kind: continuous, linked: front}
parties:
  - {id: russia, name: Russia, weights: {territory: 1}, values: {territory: increasing}}
  - {id: ukraine, name: Ukraine, weights: {territory: 1}, values: {territory: decreasing}}
  - {id: usa, name: United States, role: mediator, weights: {territory: 1}, values: {territory: increasing},
     proposal: {territory: 0.5}}
battlefield:
  side_a: russia
  side_b: ukraine
  states: 20
  start: 12
  tempo: 0.4
  advantage: )" + advantage + "\n" + extra;
  return build_scenario(parse_scenario_text(yaml, "war.yaml", "war"));
}

const std::string kHolds =
    "Russia (side A) holds 60% of the contested territory (state 12 of 20) and Ukraine (side B) the rest; "
    "each week the front moves with probability 0.4; ";
const std::string kCollapse =
    " Russia's war effort collapses if its share falls to 0%, Ukraine's if Russia's share reaches 100%.";

/// The whitespace-separated cells of the first line of `text` that starts with `prefix`.
std::vector<std::string> row_tokens(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(prefix)) continue;
    std::istringstream cells(line);
    std::vector<std::string> out;
    for (std::string cell; cells >> cell;) out.push_back(cell);
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("the battlefield assumption in words, for every kind of schedule", "[io][describe]") {
  CHECK(battlefield_in_words(war("{kind: exponential, from: 0.2, limit: 0, half_life: 26}")) ==
        kHolds + "Russia's advantage starts at +0.20 and decays toward 0 with a half-life of 26 weeks." + kCollapse);
  CHECK(battlefield_in_words(war("-0.1")) == kHolds + "Russia's advantage is -0.10 throughout." + kCollapse);
  CHECK(battlefield_in_words(war("0")) ==
        kHolds + "neither side has an advantage (Russia's advantage is 0 throughout)." + kCollapse);
  CHECK(battlefield_in_words(war("{kind: linear, from: 0.3, to: 0, start: 10, end: 52}")) ==
        kHolds + "Russia's advantage is +0.30 until week 10, then changes linearly to 0 by week 52." + kCollapse);
  CHECK(battlefield_in_words(
            war("{kind: steps, from: 0.2, steps: [{period: 26, value: 0}, {period: 52, value: -0.1}]}")) ==
        kHolds + "Russia's advantage starts at +0.20, becomes 0 in week 26, becomes -0.10 in week 52." + kCollapse);
}

TEST_CASE("offensives and thresholds appear in the battlefield's words", "[io][describe]") {
  std::string text =
      battlefield_in_words(war("0.1\n  offensive: {probability: 0.05, size: 3}\n  collapse_a: 2\n  collapse_b: 19"));
  CHECK_THAT(text, Catch::Contains("With probability 0.05 a move is an offensive of 3 states."));
  CHECK_THAT(text, Catch::EndsWith("Russia's war effort collapses if its share falls to 10%, Ukraine's if Russia's "
                                   "share reaches 95%."));
  const Scenario no_war = load_scenario(std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml");
  CHECK(battlefield_in_words(no_war).empty());
}

TEST_CASE("the protocol in words", "[io][describe]") {
  CHECK(protocol_in_words(war("0")) == "Russia and Ukraine propose in turn, Russia first; talks every week.");
  CHECK(protocol_in_words(war("0", "protocol: {kind: mediated, mediator: usa, every: 4}\n")) ==
        "United States mediates: it proposes, and Russia and Ukraine may counter-propose; talks every 4 weeks.");
  CHECK(protocol_in_words(war("0", "protocol: {kind: random, recognition: {russia: 0.25, ukraine: 0.75}, "
                                   "periods: [0, 8]}\n")) ==
        "a proposer is drawn at each round: Russia with probability 0.25 and Ukraine with probability 0.75; "
        "talks in weeks 0 and 8.");
  CHECK(periods_in_words(war("0"), 1) == "1 week");
  CHECK(periods_in_words(war("0"), 2.5) == "2.5 weeks");
}

TEST_CASE("the description table shows parties, ideal agreements and their utilities", "[io][describe]") {
  const Scenario s = war("0.2");
  std::ostringstream out;
  write_description_table(out, s);
  const std::string text = out.str();
  CHECK_THAT(text, Catch::StartsWith("War  (war)\n"));
  CHECK_THAT(text, Catch::Contains("Horizon: 104 weeks."));
  // One row per party's ideal package: its territory, then its utility to every party.
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const Agreement ideal = ideal_agreement(s, i);
    std::vector<std::string> expected{"ideal", "of", s.parties[i].id, format_shortest(ideal.amounts[0])};
    for (std::size_t j = 0; j < s.parties.size(); ++j) expected.push_back(format_fixed(s.utility(j, ideal), 3));
    INFO(s.parties[i].id);
    CHECK(row_tokens(text, "  ideal of " + s.parties[i].id + " ") == expected);
  }
  // Russia's ideal is the whole territory: worth 1 to it and 0 to Ukraine.
  CHECK(row_tokens(text, "  ideal of russia ")[4] == "1.000");
  CHECK(row_tokens(text, "  ideal of russia ")[5] == "0.000");
  CHECK_THAT(text, Catch::Contains(battlefield_in_words(s)));
}

TEST_CASE("the description as JSON", "[io][describe]") {
  const Scenario s = war("0.2");
  std::ostringstream out;
  JsonWriter json(out, 0);
  write_description_json(json, s);
  CHECK(json.complete());
  const std::string text = out.str();
  CHECK_THAT(text, Catch::Contains(R"("ideal_agreements":{"russia":{"agreement":{"territory":1},"utilities":)"
                                   R"({"russia":1,"ukraine":0,"usa":1}})"));
  CHECK_THAT(text, Catch::Contains(R"("advantage":{"kind":"constant","value":0.2})"));
  CHECK_THAT(text, Catch::Contains(R"("strategy":{"name":"plan","params":{"drift":0}})"));
  CHECK_THAT(text, Catch::Contains(R"("protocol":{"kind":"alternating","order":["russia","ukraine"],"every":1,)"));
  // Each party's value functions, as breakpoints of the curve it was given.
  std::string curve;
  for (const auto& [x, v] : s.parties[0].values[0].curve.points())
    curve += (curve.empty() ? "" : ",") + std::string("[") + format_shortest(x) + "," + format_shortest(v) + "]";
  CHECK_THAT(text, Catch::Contains(R"("values":{"territory":[)" + curve + "]}"));
}

TEST_CASE("the description as JSON gives level and clause values by id", "[io][describe]") {
  const Scenario s = load_scenario("ukraine-2025");
  std::ostringstream out;
  JsonWriter json(out, 0);
  write_description_json(json, s);
  const std::string text = out.str();
  for (const char* party : {"russia", "ukraine"}) {
    const Party& p = s.parties[s.party_index(party)];
    const std::size_t guarantee = s.issue_index("guarantee");
    std::string levels;
    for (std::size_t j = 0; j < s.issues[guarantee].levels.size(); ++j)
      levels += (j ? "," : "") + std::string("\"") + s.issues[guarantee].levels[j] + "\":" +
                format_shortest(p.values[guarantee].level_values[j]);
    CHECK_THAT(text, Catch::Contains(R"("guarantee":{)" + levels + "}"));
    const std::size_t plan = s.issue_index("plan");
    const auto& first = s.issues[plan].clauses[0];
    CHECK_THAT(text, Catch::Contains(R"("plan":{")" + first.id + R"(":)" + format_shortest(p.values[plan].clause_values[0])));
  }
}
