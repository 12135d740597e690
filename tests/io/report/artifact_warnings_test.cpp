// Warnings that an answer may be the model's set-up speaking (issue 16, item 5): settlements
// crowding into one late round of talks, and a horizon that cuts off more than 1% of the
// probability; none where agreement comes at the first talks and the horizon is far.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
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
