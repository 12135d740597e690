// Warnings that an answer may be the model's set-up speaking (issue 16, item 5): settlements
// crowding into one late round of talks, a horizon that cuts off more than 1% of the
// probability, and meta-game equilibria that changed with the number of runs; none where
// agreement comes at the first talks and the horizon is far, or the equilibria never changed.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "../../solve/meta_game_fixtures.hpp"
#include "parley/agreement/agreement_space.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/report/artifact_warnings.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;

namespace {

/// A summary whose settled runs fall in the given periods (counts by period) and a share
/// `frozen` of runs frozen at T.
RunSummary summary_with(std::vector<std::int64_t> settled_by_period, double frozen) {
  RunSummary r;
  r.settlement_periods = std::move(settled_by_period);
  r.frozen.p = frozen;
  return r;
}

}  // namespace

TEST_CASE("artifact warnings: settlements crowding into one late round, and a truncating horizon",
          "[io][report]") {
  const testing::Side side;
  Scenario s = testing::pie_scenario(10, side, side);  // talks every period from 0, horizon 10
  s.period_unit = "week";
  // 60 of 100 settlements in week 7: a warning that names the share, the week and the horizon.
  auto warnings = io::run_warnings(s, summary_with({10, 0, 0, 0, 0, 0, 30, 60, 0, 0, 0}, 0.0));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "settlements_in_one_round");
  CHECK(warnings[0].message ==
        "more than half of the settlements (60%) falls in one round of talks, week 7 of 10: check that the horizon "
        "does not decide when (--set horizon=20)");
  // Exactly half is not more than half; most at the first talks is the ordinary answer.
  CHECK(io::run_warnings(s, summary_with({10, 0, 0, 0, 0, 0, 40, 50, 0, 0, 0}, 0.0)).empty());
  CHECK(io::run_warnings(s, summary_with({90, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0}, 0.0)).empty());
  // 2% frozen at the horizon: truncated; 1% is not more than the threshold.
  warnings = io::run_warnings(s, summary_with({}, 0.02));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "horizon_truncates");
  CHECK(warnings[0].message ==
        "the horizon cuts off 2% of the probability (the front frozen at week 10): the answer depends on what the "
        "model does at its end");
  CHECK(io::run_warnings(s, summary_with({}, io::kTruncationShare)).empty());

  std::ostringstream out;
  io::JsonWriter json(out);
  json.begin_object();
  io::write_warnings_json(json, warnings);
  json.end_object();
  CHECK(out.str().find("\"code\": \"horizon_truncates\"") != std::string::npos);
}

TEST_CASE("artifact warnings on the equilibrium path: the default scenario's late agreement, none for Rubinstein",
          "[io][report][solve]") {
  const Scenario ukraine = io::load_scenario("ukraine-2025");
  const auto late = io::solve_warnings(ukraine, BargainingEquilibrium::solve(ukraine, AgreementSpace(ukraine)));
  REQUIRE_FALSE(late.empty());
  CHECK(late[0].code == "settlements_in_one_round");
  const Scenario rubinstein = io::load_scenario("rubinstein");
  CHECK(io::solve_warnings(rubinstein, BargainingEquilibrium::solve(rubinstein, AgreementSpace(rubinstein))).empty());
}

TEST_CASE("artifact warnings on compare: an equilibrium set that changed with the number of runs",
          "[io][report][compare][adaptive]") {
  // Hand-built looks: one equilibrium, then a tie appears and there are two.
  const MetaEquilibriumSet one = testing::one_equilibrium_set(0, 0);
  const MetaEquilibriumSet two = testing::column_tie_set(0, 0);
  AdaptiveHistory h;
  h.confidence = 0.9;
  h.max_runs = 8000;
  h.stop = AdaptiveStop::stable;
  h.steps = {{500, one}, {1000, one}};
  CHECK(io::compare_warnings(h).empty());  // the same set twice: nothing changed

  h.steps = {{500, one}, {1000, two}, {2000, one}, {4000, one}};
  auto warnings = io::compare_warnings(h);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "equilibria_changed_with_runs");
  CHECK(warnings[0].message ==
        "the equilibrium set at 90% confidence changed with the number of runs per profile (between 500 and 1000, "
        "between 1000 and 2000; 1 equilibrium at 500, 2 at 1000, 1 at 2000 and 1 at 4000): fewer runs would have "
        "given another answer");

  h.stop = AdaptiveStop::budget;
  h.steps = {{2000, one}, {4000, two}, {8000, one}};
  warnings = io::compare_warnings(h);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message ==
        "the equilibrium set at 90% confidence changed with the number of runs per profile (between 2000 and 4000, "
        "between 4000 and 8000; 1 equilibrium at 2000, 2 at 4000 and 1 at 8000): fewer runs would have given "
        "another answer, and it had not settled when the budget of 8000 runs per profile was spent: more runs "
        "(--max-runs) may change it again");

  // One look (fixed runs, or a budget that allowed no second): nothing to compare.
  h.stop = AdaptiveStop::fixed;
  h.steps = {{2000, two}};
  CHECK(io::compare_warnings(h).empty());
}
