// Utilities of agreements (DESIGN 1.2) computed by hand against Scenario::utility.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "../support/scenario_builder.hpp"
#include "parley/model/scenario.hpp"

using namespace parley;
using parley::testing::ScenarioBuilder;

namespace {

// Two parties over a territory line (continuous, linked to the front), a three-level
// guarantee and a three-clause plan.
Scenario small_scenario() {
  return ScenarioBuilder()
      .horizon(4)
      .continuous("territory", 0.0, 2.0).linked_to_front().status_quo(0.5)
      .ordinal("guarantee", {"none", "bilateral", "nato"}).status_quo(0)
      .clauses("plan", {{"a", "clause a"}, {"b", "clause b"}, {"c", "clause c"}}).status_quo_clauses({0, 1, 0})
      .belligerent("a").weights({0.5, 0.2, 0.3})
          .curve(0, PiecewiseLinear({{0.0, 0.0}, {1.0, 0.8}, {2.0, 1.0}}))
          .level_values(1, {1.0, 0.4, 0.0})
          .clause_values(2, {2.0, -1.0, 1.0})
      .belligerent("b").weights({0.6, 0.4, 0.0})
          .curve(0, PiecewiseLinear::decreasing(0.0, 2.0))
          .level_values(1, {0.0, 0.5, 1.0})
      .front(4, 2, 0.5, 0.0)  // the model's default tempo and advantage
      .build();
}

}  // namespace

TEST_CASE("piecewise-linear value functions interpolate between breakpoints", "[model]") {
  const PiecewiseLinear f({{0.0, 0.0}, {1.0, 0.8}, {2.0, 1.0}});
  CHECK(f(0.5) == Approx(0.4).epsilon(1e-15));
  CHECK(f(1.5) == Approx(0.9).epsilon(1e-15));
  CHECK(f(-1.0) == 0.0);
  CHECK(f(3.0) == 1.0);
  CHECK(PiecewiseLinear::decreasing(0.0, 4.0)(1.0) == Approx(0.75).epsilon(1e-15));
  // A NaN amount compares false with every breakpoint; it used to read past the last one
  // (heap-buffer-overflow under ASan, issue 18) and now stays NaN.
  CHECK(std::isnan(f(std::numeric_limits<double>::quiet_NaN())));
}

TEST_CASE("clause values are normalised by the party's negative and positive sums", "[model]") {
  const Scenario s = small_scenario();
  const auto& v = s.parties[0].values[2];
  CHECK(v.clause_min == -1.0);
  CHECK(v.clause_max == 3.0);
  // v(S) = (sum_{c in S} a_c - min) / (max - min): {a, c} -> (3 + 1) / 4.
  const std::uint8_t ac[] = {1, 0, 1};
  CHECK(v.value_of_clauses(ac) == Approx(1.0));
  const std::uint8_t b_only[] = {0, 1, 0};
  CHECK(v.value_of_clauses(b_only) == Approx(0.0));
  const std::uint8_t none[] = {0, 0, 0};
  CHECK(v.value_of_clauses(none) == Approx(0.25));
}

TEST_CASE("additive utility sums weighted issue values", "[model]") {
  const Scenario s = small_scenario();
  Agreement x;
  x.amounts = {1.5, 1.0, 0.0};
  x.clauses = {1, 0, 0};
  // a: 0.5 * 0.9 + 0.2 * 0.4 + 0.3 * (2 + 1) / 4
  CHECK(s.utility(0, x) == Approx(0.5 * 0.9 + 0.2 * 0.4 + 0.3 * 0.75).epsilon(1e-14));
  // b: 0.6 * 0.25 + 0.4 * 0.5 (clauses weigh nothing to b)
  CHECK(s.utility(1, x) == Approx(0.6 * 0.25 + 0.4 * 0.5).epsilon(1e-14));
}

TEST_CASE("frozen(s) links the territory to the front and keeps the status quo elsewhere", "[model]") {
  const Scenario s = small_scenario();
  const Agreement x = s.frozen(3);
  CHECK(x.amounts[0] == Approx(2.0 * 3.0 / 4.0));
  CHECK(x.level(1) == 0);
  CHECK(x.clauses == std::vector<std::uint8_t>{0, 1, 0});
  CHECK(s.status_quo().amounts[0] == 0.5);
  CHECK(s.veto_parties() == std::vector<std::size_t>{0, 1});
  CHECK(s.party_index("b") == 1);
  CHECK(s.issue_index("nope") == -1);
}
