// The ideal agreement: the argmax of a party's additive utility, issue by issue, checked
// against the value functions and against exhaustive search.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parley/model/ideal_agreement.hpp"
#include "../support/scenario_builder.hpp"
#include "parley/model/scenario.hpp"

using namespace parley;
using parley::testing::ScenarioBuilder;

namespace {

// Party 0 peaks inside the territory range at a breakpoint, prefers the middle level and
// likes two of three clauses; party 1 gives the guarantee no weight.
Scenario scenario() {
  return ScenarioBuilder()
      .continuous("territory", 0.0, 2.0).status_quo(1.0)
      .ordinal("guarantee", {"none", "bilateral", "nato"}).status_quo(2)
      .clauses("plan", {{"a", "a"}, {"b", "b"}, {"c", "c"}}).status_quo_clauses({0, 1, 0})
      .belligerent("p0").weights({0.5, 0.3, 0.2})
          .curve(0, PiecewiseLinear({{0.0, 0.1}, {0.7, 0.9}, {1.3, 0.2}, {2.0, 0.0}}))
          .level_values(1, {0.2, 1.0, 0.4})
          .clause_values(2, {1.5, -0.5, 0.25})
      .belligerent("p1").weights({0.6, 0.0, 0.4})
          .curve(0, PiecewiseLinear::decreasing(0.0, 2.0))
          .level_values(1, {1.0, 0.0, 0.0})
          .clause_values(2, {0.0, 2.0, -1.0})
      .build();
}

}  // namespace

TEST_CASE("the ideal agreement maximises each issue's value", "[model][ideal]") {
  const Scenario s = scenario();
  const Agreement x = ideal_agreement(s, 0);
  CHECK(x.amounts[0] == 0.7);     // the breakpoint with the highest value
  CHECK(x.level(1) == 1);         // bilateral
  CHECK(x.clauses == std::vector<std::uint8_t>{1, 0, 1});  // exactly the positive clauses
  // u = sum_k w_k max v_k: 0.5 * 0.9 + 0.3 * 1 + 0.2 * 1.
  CHECK(s.utility(0, x) == Approx(0.5 * 0.9 + 0.3 * 1.0 + 0.2 * 1.0).epsilon(1e-15));
}

TEST_CASE("issues of zero weight stay at the status quo, and zero-valued clauses are left out", "[model][ideal]") {
  const Scenario s = scenario();
  const Agreement x = ideal_agreement(s, 1);
  CHECK(x.amounts[0] == 0.0);     // decreasing: lo
  CHECK(x.level(1) == 2);         // zero weight: the status quo, not the level it values most
  CHECK(x.clauses == std::vector<std::uint8_t>{0, 1, 0});
  CHECK(s.utility(1, x) == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("with steps the ideal is the best point of the offer grid", "[model][ideal]") {
  Scenario s = scenario();
  s.issues[0].steps = 4;  // grid 0, 0.5, 1, 1.5, 2; the peak 0.7 is off the grid
  const Agreement x = ideal_agreement(s, 0);
  // v(0.5) = 0.1 + 0.8 * 0.5 / 0.7 > v(1) = 0.9 - 0.7 * 0.3 / 0.6.
  CHECK(x.amounts[0] == 0.5);
}

TEST_CASE("ties keep the status quo when it is among the best", "[model][ideal]") {
  Scenario s = scenario();
  s.parties[0].values[1].level_values = {1.0, 0.5, 1.0};  // none and nato tie; nato is the status quo
  s.parties[0].values[0].curve = PiecewiseLinear({{0.0, 0.0}, {0.5, 1.0}, {1.5, 1.0}, {2.0, 0.0}});
  const Agreement x = ideal_agreement(s, 0);
  CHECK(x.level(1) == 2);
  CHECK(x.amounts[0] == 1.0);  // the status quo lies on the flat top
  s.issues[0].status_quo = 1.8;  // off the top: the first best breakpoint
  CHECK(ideal_agreement(s, 0).amounts[0] == 0.5);
}

TEST_CASE("no package is worth more to the party than its ideal", "[model][ideal]") {
  const Scenario s = scenario();
  for (std::size_t party = 0; party < s.parties.size(); ++party) {
    const double best = s.utility(party, ideal_agreement(s, party));
    double max_found = 0.0;
    Agreement x = s.status_quo();
    // Every level, every clause subset and a fine grid of the territory.
    for (int t = 0; t <= 200; ++t) {
      x.amounts[0] = 2.0 * t / 200.0;
      for (int level = 0; level < 3; ++level) {
        x.amounts[1] = level;
        for (int mask = 0; mask < 8; ++mask) {
          for (int c = 0; c < 3; ++c) x.clauses[static_cast<std::size_t>(c)] = (mask >> c) & 1;
          max_found = std::max(max_found, s.utility(party, x));
        }
      }
    }
    CHECK(max_found <= best + 1e-15);
    CHECK(max_found == Approx(best).epsilon(1e-15));  // the grid contains the breakpoints
  }
}
