// The exact analytics of the shipped scenarios against docs/theory.md's closed forms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "parley/io/report/package_report.hpp"
#include "parley/io/scenario/scenario_loader.hpp"
#include "parley/solve/scenario_analysis.hpp"

using namespace parley;

TEST_CASE("Fearon's bargaining range (p - c_A, p + c_B) from the one-shot war", "[solve][analysis]") {
  // THEORY "War as a costly lottery": p = 0.6, c = 0.1 each gives (0.5, 0.7).
  const Scenario s = io::load_scenario("fearon");
  const ScenarioAnalysis a = analyze_scenario(s);
  const double p = 0.6;
  const double c = 0.1;
  CHECK(a.outcome->collapse_b == Approx(p).margin(1e-15));
  CHECK(a.war_value[0] == Approx(p - c).margin(1e-12));
  CHECK(a.war_value[1] == Approx(1 - p - c).margin(1e-12));
  REQUIRE(a.zopa.exists);
  // A's share ranges over [p - c_A, p + c_B] inside the zone.
  CHECK(a.zopa.sides[0].low == Approx(p - c).margin(1e-12));
  CHECK(a.zopa.sides[0].high == Approx(p + c).margin(1e-12));
  // Symmetric costs and a straight frontier: the Nash split gives each its war value plus half the surplus 2c.
  REQUIRE(a.nash);
  CHECK(a.nash->utilities[0] == Approx(p).margin(1e-12));
  CHECK(a.kalai_smorodinsky->utilities[0] == Approx(p).margin(1e-12));
}

TEST_CASE("mutual optimism empties the zone that complete information would open", "[solve][analysis]") {
  const Scenario s = io::load_scenario("optimism");
  const ScenarioAnalysis a = analyze_scenario(s);
  // Each side believes its own advantage: the subjective values of fighting exceed the true ones...
  CHECK(a.subjective_value[0] > a.war_value[0]);
  CHECK(a.subjective_value[1] > a.war_value[1]);
  // ...by enough that together they ask for more than the pie, while the true values leave a range.
  CHECK(a.zopa.disagreement_welfare > a.zopa.max_welfare);
  CHECK_FALSE(a.zopa.exists);
  CHECK(a.zopa_complete_information.exists);
  CHECK_FALSE(a.nash.has_value());
}

TEST_CASE("without a battlefield the disagreement point is the reservation values", "[solve][analysis]") {
  const Scenario s = io::load_scenario("rubinstein");
  const ScenarioAnalysis a = analyze_scenario(s);
  CHECK_FALSE(a.outcome.has_value());
  CHECK(a.disagreement[0] == s.parties[0].reservation);
  CHECK(a.disagreement[1] == s.parties[1].reservation);
  // Split a pie with d = 0: the frontier is u_1 + u_2 = 1 and Nash gives half each.
  REQUIRE(a.nash);
  CHECK(a.nash->utilities[0] == Approx(0.5).margin(1e-12));
  CHECK(a.nash->utilities[1] == Approx(0.5).margin(1e-12));
  CHECK(a.max_welfare.utilities[0] + a.max_welfare.utilities[1] == Approx(1.0).margin(1e-12));
}

TEST_CASE("the default scenario's analytics are consistent", "[solve][analysis]") {
  const Scenario s = io::load_scenario("ukraine-2025");
  const ScenarioAnalysis a = analyze_scenario(s);
  REQUIRE(a.outcome);
  CHECK(a.outcome->collapse_a + a.outcome->collapse_b + a.outcome->frozen == Approx(1.0).margin(1e-12));
  CHECK(a.outcome->expected_duration <= s.horizon);
  // The Nash package beats disagreement for both veto parties and its utilities are the model's.
  REQUIRE(a.nash);
  for (const std::size_t i : a.space.veto_parties()) {
    CHECK(a.nash->utilities[i] >= a.disagreement[i]);
    CHECK(a.nash->utilities[i] == Approx(s.utility(i, a.nash->agreement)).margin(1e-12));
  }
  // Nash maximises the product: no frontier point does better.
  const double best = (a.nash->utilities[0] - a.disagreement[0]) * (a.nash->utilities[1] - a.disagreement[1]);
  for (std::size_t p = 0; p < a.space.point_count(); ++p) {
    const double g0 = a.space.utility(a.space.point(p), 0) - a.disagreement[0];
    const double g1 = a.space.utility(a.space.point(p), 1) - a.disagreement[1];
    if (g0 >= 0 && g1 >= 0) CHECK(g0 * g1 <= best + 1e-12);
  }
  // The package report names every issue.
  CHECK(io::package_lines(s, a.nash->agreement).size() == s.issues.size());
}

TEST_CASE("a tabled plan is held against each party's value of fighting on", "[solve][analysis]") {
  Scenario s = io::load_scenario("ukraine-2025");
  const std::size_t usa = s.party_index("usa");
  REQUIRE(s.parties[usa].proposal);
  ScenarioAnalysis a = analyze_scenario(s);
  REQUIRE(a.proposals.size() == 1);
  const ProposalAssessment& plan = a.proposals[0];
  CHECK(plan.party == usa);
  std::vector<std::size_t> rejecting;
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    CHECK(plan.utilities[i] == s.utility(i, *s.parties[usa].proposal));
    if (s.parties[i].veto && plan.utilities[i] < a.disagreement[i]) rejecting.push_back(i);
  }
  CHECK(plan.rejected_by == rejecting);

  // Tabling the Nash package instead: no veto party prefers fighting on (Nash beats d).
  REQUIRE(a.nash);
  s.parties[usa].proposal = a.nash->agreement;
  a = analyze_scenario(s);
  CHECK(a.proposals[0].rejected_by.empty());
  // Tabling Russia's ideal: Ukraine, whose utility there is below its value of fighting on, refuses.
  const std::size_t ukraine = s.party_index("ukraine");
  s.parties[usa].proposal = a.space.package(a.space.point(0));
  a = analyze_scenario(s);
  const double u = a.proposals[0].utilities[ukraine];
  CHECK((u < a.disagreement[ukraine]) ==
        (std::find(a.proposals[0].rejected_by.begin(), a.proposals[0].rejected_by.end(), ukraine) !=
         a.proposals[0].rejected_by.end()));
}

TEST_CASE("the believed value of fighting on, state by state", "[solve][analysis]") {
  // At the start state it is the subjective value; a party that knows the truth believes the
  // true table; an optimist believes more than the truth.
  for (const char* name : {"optimism", "ukraine-2025"}) {
    const Scenario s = io::load_scenario(name);
    const ScenarioAnalysis a = analyze_scenario(s);
    const auto start = static_cast<std::size_t>(s.battlefield->start);
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      REQUIRE(a.subjective_by_state[i].size() == static_cast<std::size_t>(s.battlefield->states + 1));
      CHECK(a.subjective_by_state[i][start] == Approx(a.subjective_value[i]).margin(1e-12));
      if (s.parties[i].belief.knows_truth())
        for (std::size_t st = 0; st < a.subjective_by_state[i].size(); ++st)
          CHECK(a.subjective_by_state[i][st] == Approx(a.true_values[i](0, static_cast<int>(st))).margin(1e-12));
    }
  }
  const ScenarioAnalysis optimism = analyze_scenario(io::load_scenario("optimism"));
  CHECK(optimism.subjective_by_state[0][5] > optimism.true_values[0](0, 5));
}
