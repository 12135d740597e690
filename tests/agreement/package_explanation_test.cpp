// Taking the Nash package apart for `parley analyze`: per-issue shares and per-clause gains.
#include <catch2/catch.hpp>

#include "issue_space_fixtures.hpp"
#include "parley/agreement/bargaining_solution.hpp"
#include "parley/agreement/package_explanation.hpp"

using namespace parley;
using namespace parley::testing;

TEST_CASE("the Nash package's clauses are explained by each side's gain and the product", "[agreement]") {
  // A territory line and a three-clause plan. Clause 0 helps a a lot and hurts b a little,
  // clause 1 the reverse, clause 2 hurts both; the mediator likes clause 2.
  const Scenario s = ScenarioBuilder()
                         .continuous("territory")
                         .clauses("plan", 3)
                         .belligerent("a").weights({0.5, 0.5}).curve(0, PiecewiseLinear::increasing(0.0, 1.0))
                             .clause_values(1, {2.0, -0.5, -1.0})  // min -1.5, max 2: range 3.5
                         .belligerent("b").weights({0.5, 0.5}).curve(0, PiecewiseLinear::decreasing(0.0, 1.0))
                             .clause_values(1, {-0.5, 2.0, -1.0})  // range 3.5
                         .mediator("usa").weights({0.0, 1.0}).clause_values(1, {0.0, 0.0, 1.0})
                         .build();
  const AgreementSpace space(s);
  const std::vector<double> d{0.2, 0.2, 0.0};
  const auto nash = nash_solution(space, d);
  REQUIRE(nash);
  const PackageExplanation e = explain_package(space, nash->agreement, d);
  CHECK(e.nash_product == Approx(nash->point.value).margin(1e-12));
  REQUIRE(e.clauses.size() == 3);
  // Clauses 0 and 1 are a logroll (each gains 2/7 for one side against 1/14 for the other),
  // clause 2 is bad for both veto parties: out.
  CHECK(e.clauses[0].included);
  CHECK(e.clauses[1].included);
  CHECK_FALSE(e.clauses[2].included);
  CHECK(e.clauses[0].gain[0] == Approx(0.5 * 2.0 / 3.5).margin(1e-15));
  CHECK(e.clauses[0].gain[1] == Approx(-0.5 * 0.5 / 3.5).margin(1e-15));
  CHECK(e.clauses[2].gain[2] == Approx(1.0).margin(1e-15));
  // The Nash package is optimal: no single flip raises the product.
  for (const auto& c : e.clauses) CHECK(c.nash_product_flipped <= e.nash_product + 1e-15);
  // Issue shares add up to each party's utility.
  for (std::size_t i = 0; i < 3; ++i) {
    double sum = 0.0;
    for (const auto& issue : e.issues) sum += issue.contribution[i];
    CHECK(sum == Approx(e.utilities[i]).margin(1e-15));
    CHECK(e.utilities[i] == Approx(nash->utilities[i]).margin(1e-15));
  }
  CHECK(e.issues[0].amount == Approx(nash->agreement.amounts[0]).margin(0.0));
}
