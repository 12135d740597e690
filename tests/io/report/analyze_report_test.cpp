// The `parley analyze` writers on a split-the-pie negotiation whose analytics are known in
// closed form: with reservations d = (0.2, 0) on the frontier u_a + u_b = 1, the Nash package
// maximises (x - 0.2)(1 - x) at x = 0.6; Kalai-Smorodinsky gives each the same share of its
// gain up to its ideal in the zone (a: 1 - 0.2, b: 0.8 - 0), (x - 0.2) / 0.8 = (1 - x) / 0.8,
// the same x = 0.6.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "parley/io/report/analyze_report.hpp"
#include "parley/io/report/package_report.hpp"

using namespace parley;

namespace {

Scenario analyze_report_pie() {
  Scenario s = testing::pie_scenario(4, testing::Side{}, testing::Side{}, 0.2, 0.0);
  s.parties[0].name = "Alice";
  s.parties[1].name = "Bob";
  return s;
}

bool analyze_report_has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("reports name a party, its utilities and the front's share one way", "[io][report][analyze]") {
  const Scenario pie = analyze_report_pie();
  CHECK(io::party_label(pie, 1) == "Bob (b)");
  CHECK(io::utilities_line(pie, std::vector<double>{0.6, 0.4}, 3) == "  utilities: a 0.600 b 0.400");
  CHECK(io::front_share(pie, 3) == 0.0);
  const Scenario war = testing::war_scenario(testing::front(8, 4, 0.5, 0.0), 4, testing::Side{}, testing::Side{});
  CHECK(io::front_share(war, 2) == 0.25);
}

TEST_CASE("the analyze table gives the Nash and Kalai-Smorodinsky packages of a pie", "[io][report][analyze]") {
  const Scenario pie = analyze_report_pie();
  const ScenarioAnalysis analysis = analyze_scenario(pie);
  std::ostringstream out;
  io::write_analyze_table(out, {pie, analysis});
  const std::string text = out.str();
  INFO(text);
  CHECK(text.rfind("pie - exact analytics\n\nNo battlefield: disagreement at the deadline", 0) == 0);
  CHECK(analyze_report_has(text, "Nash bargaining package (Nash 1950)\n  utilities: a 0.600 b 0.400\n  pie = 0.600\n"));
  CHECK(analyze_report_has(text, "Kalai-Smorodinsky package (Kalai and Smorodinsky 1975)\n  utilities: a 0.600 b 0.400\n"));
  CHECK(analyze_report_has(text, "  Bob (b)    0.000  1.000                  0.800     [0.000, 0.800]\n"));
  CHECK(analyze_report_has(text, "  The zone exists: every package in it is worth more to each veto party than disagreement.\n"));
}

TEST_CASE("the analyze table says why the zone is empty when reservations ask too much", "[io][report][analyze]") {
  // 0.7 + 0.5 > 1: no split gives both their reservation, so there is no Nash package.
  const Scenario greedy = testing::pie_scenario(4, testing::Side{}, testing::Side{}, 0.7, 0.5);
  const ScenarioAnalysis analysis = analyze_scenario(greedy);
  std::ostringstream out;
  io::write_analyze_table(out, {greedy, analysis});
  const std::string text = out.str();
  CHECK(analyze_report_has(text, "the veto parties' values of disagreement add up to 1.200, more than any package can give "
                                 "them together (1.000).\n"));
  CHECK(analyze_report_has(text, "Nash bargaining package (Nash 1950)\n  none: the zone of possible agreement is empty\n"));
}

TEST_CASE("the analyze JSON and CSV carry the disagreement point and values", "[io][report][analyze]") {
  const Scenario pie = analyze_report_pie();
  const ScenarioAnalysis analysis = analyze_scenario(pie);
  std::ostringstream json;
  io::write_analyze_json(json, {pie, analysis});
  CHECK(analyze_report_has(json.str(), "\"disagreement\": {\n    \"a\": 0.2,\n    \"b\": 0\n  },"));
  CHECK(analyze_report_has(json.str(), "\"nash\": {\n    \"utilities\": {\n      \"a\": 0.6"));
  CHECK(analyze_report_has(json.str(), "\"absorption\": null,\n  \"expected_duration\": null,"));
  std::ostringstream csv;
  io::write_analyze_csv(csv, {pie, analysis});
  // Without a battlefield one state, whose value is each party's reservation.
  CHECK(csv.str() == "state,share,a,b\n0,0,0.2,0\n");
}
