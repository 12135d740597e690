// The `parley analyze` writers on a split-the-pie negotiation whose analytics are known in
// closed form: with reservations d = (0.2, 0) on the frontier u_a + u_b = 1, the Nash package
// maximises (x - 0.2)(1 - x) at x = 0.6; Kalai-Smorodinsky gives each the same share of its
// gain up to its ideal in the zone (a: 1 - 0.2, b: 0.8 - 0), (x - 0.2) / 0.8 = (1 - x) / 0.8,
// the same x = 0.6.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/number_format.hpp"
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

TEST_CASE("analyze reports the peace each package would make under durability", "[io][report][analyze][peace]") {
  Scenario s = testing::ScenarioBuilder("durable")
                   .horizon(300)
                   .continuous("territory").linked_to_front().status_quo(0.5)
                   .belligerent("a").weights({1.0}).curve(0, PiecewiseLinear::increasing(0, 1)).cost(0.001).discount(0.995)
                   .belligerent("b").weights({1.0}).curve(0, PiecewiseLinear::decreasing(0, 1)).cost(0.001).discount(0.995)
                   .front(10, 5, 0.2, 0.0).sides("a", "b")
                   .alternating({0, 1})
                   .build();
  s.period_unit = "week";
  // Without a durability section nothing is added, to the table or the JSON.
  const ScenarioAnalysis plain = analyze_scenario(s);
  CHECK(plain.durability.empty());
  std::ostringstream plain_json;
  io::write_analyze_json(plain_json, {s, plain});
  CHECK_FALSE(analyze_report_has(plain_json.str(), "\"durability\""));

  DurabilityParams durability;
  durability.base_hazard = 0.01;
  s.durability = durability;
  const ScenarioAnalysis analysis = analyze_scenario(s);
  REQUIRE(analysis.durability.size() == 2);  // Nash and Kalai-Smorodinsky; nothing tabled
  CHECK(analysis.durability[0].package == "nash");
  CHECK(analysis.durability[1].package == "kalai_smorodinsky");
  // A renewed war valued as the solver plays it, talks resumed (DESIGN 1.10).
  CHECK(analysis.renewed_talks);
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(s, AgreementSpace(s));
  const PeaceOutlook direct = peace_outlook(eq.peace_offers()->terms_of(analysis.nash->agreement, 0, 5));
  const PeaceOutlook& reported = analysis.durability[0].outlook;
  CHECK(reported.value == direct.value);
  CHECK(reported.hazard == 0.01);
  // A symmetric war split down the middle at the front's own line: fighting on from it is
  // worth less than peace to both (costs), so the peace is self-enforcing and holds
  // (1 - h)^52 for a year; it is final at week 300, so E = (1 - 0.99^301) / 0.01 weeks.
  CHECK(reported.self_enforcing());
  CHECK(reported.holds_probability(52) == Approx(std::pow(0.99, 52)).margin(1e-15));
  CHECK(reported.expected_periods() == Approx((1.0 - std::pow(0.99, 301)) / 0.01).margin(1e-9));
  // After a breakdown the talks of the renewed war (every week, alternating) settle at once, so
  // nothing is lost in all (the proposer's edge moves a little value between the two); fought
  // to the end, the renewed war would cost both.
  CHECK(reported.value[0][0] + reported.value[1][0] ==
        Approx(analysis.durability[0].utilities[0] + analysis.durability[0].utilities[1]).margin(1e-12));
  const PeaceOutlook fought = peace_outlook(peace_terms(s, analysis.nash->agreement, 0, 5));
  for (const std::size_t i : {std::size_t{0}, std::size_t{1}}) CHECK(fought.value[i][0] < analysis.durability[0].utilities[i]);

  std::ostringstream table;
  io::write_analyze_table(table, {s, analysis});
  INFO(table.str());
  CHECK(analyze_report_has(table.str(), "The peace each package would make, signed now (base hazard 0.0100 per week)"));
  CHECK(analyze_report_has(table.str(), "holds 1 y"));
  CHECK(analyze_report_has(table.str(), io::format_fixed(std::pow(0.99, 52), 3)));
  CHECK(analyze_report_has(table.str(), io::format_fixed(reported.expected_periods(), 1) + " weeks"));
  std::ostringstream json;
  io::write_analyze_json(json, {s, analysis});
  CHECK(analyze_report_has(json.str(), "\"durability\": [\n    {\n      \"package\": \"nash\",\n      \"hazard\": 0.01,"));
  CHECK(analyze_report_has(json.str(), "\"self_enforcing\": true,\n      \"first_renewal\": null,"));
}
