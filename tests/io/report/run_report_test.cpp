// The report model of a run: its metric row holds the summary's numbers under the names of
// `parley run --format json`, and a sweep's row is that same row (docs/outputs.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "../../support/cli_runner.hpp"
#include "../../support/flat_json.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"
#include "parley/io/sweep/sweep_plan.hpp"
#include "parley/sweep/design.hpp"

using namespace parley;

namespace {

// The value of the metric `name` in a metric row; fails the test if there is none.
double metric_named(const std::vector<io::RunMetric>& row, const std::string& name) {
  for (const auto& metric : row)
    if (metric.name == name) return metric.value;
  FAIL("no metric " << name);
  return 0.0;
}

}  // namespace

TEST_CASE("RunReport: the metric row holds the summary's numbers under run's names", "[report]") {
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const Simulation simulation(scenario);
  RunOptions options;
  options.runs = 200;
  options.seed = 11;
  const RunSummary s = simulate(simulation, options);
  REQUIRE(s.settled.count > 0);
  const auto row = io::RunReport(simulation, s).metrics();

  std::vector<std::string> names;
  for (const auto& metric : row) names.push_back(metric.name);
  CHECK(names == io::RunReport::metric_names(scenario));

  CHECK(metric_named(row, "outcomes.settled") == s.settled.p);
  CHECK(metric_named(row, "outcomes.frozen") == s.frozen.p);
  CHECK(metric_named(row, "duration.mean") == s.duration.mean.mean);
  CHECK(metric_named(row, "duration.p90") == s.duration.p90);
  CHECK(metric_named(row, "parties.russia.utility.mean") == s.utility[0].mean);
  CHECK(metric_named(row, "parties.ukraine.utility.std_error") == s.utility[1].std_error);
  // ukraine-2025's issues: territory (continuous), guarantee (ordinal), army_cap (ordinal), plan (clauses).
  CHECK(metric_named(row, "terms.territory.mean") == s.settlement_terms[0].amount.mean);
  CHECK(metric_named(row, "terms.guarantee.mean_level") == s.settlement_terms[1].amount.mean);
  CHECK(metric_named(row, "terms.guarantee.levels.us_guarantee") == s.settlement_terms[1].level_frequencies[2]);
  CHECK(metric_named(row, "terms.plan.clauses.sovereignty") == s.settlement_terms[3].clause_frequencies[0]);
  // The sweep's former names are gone.
  for (const char* old : {"parties.russia.utility.se", "terms.territory", "terms.guarantee.us_guarantee"})
    CHECK(std::find(names.begin(), names.end(), old) == names.end());
  // Issue 17: a conditional mean with its count, and the terms in force at the end of every run.
  CHECK(metric_named(row, "terms.n_settled") == static_cast<double>(s.settled.count));
  CHECK(metric_named(row, "final_terms.territory.mean") == s.outcome_terms[0].amount.mean);
  CHECK(metric_named(row, "final_terms.guarantee.levels.article5") == s.outcome_terms[1].level_frequencies[4]);
  // Every run ends with some level of each ordinal issue in force.
  double levels = 0.0;
  for (const auto& level : scenario.issues[2].levels)
    levels += metric_named(row, "final_terms.army_cap.levels." + level);
  CHECK(levels == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("RunReport: the terms of a settlement are undefined when no run settled", "[report]") {
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const Simulation simulation(scenario);
  RunSummary none = RunAccumulator(scenario).summary(1, 0);
  REQUIRE(none.settled.count == 0);
  for (const auto& metric : io::RunReport(simulation, none).metrics()) {
    INFO(metric.name);
    if (metric.name == "terms.n_settled")
      CHECK(metric.value == 0.0);  // the count the undefined means are over
    else if (metric.name.rfind("terms.", 0) == 0 || metric.name.rfind("final_terms.", 0) == 0)
      CHECK(std::isnan(metric.value));  // no run at all: not even the terms in force at the end
  }
}

TEST_CASE("run --format json and a sweep row agree on the names and the values", "[report][sweep]") {
  sweep::SweepSpec spec;
  spec.parameters = {io::parse_vary("battlefield.advantage=0.3,-0.1")};
  spec.runs = 150;
  spec.seed = 7;
  const auto base = std::make_shared<const io::ScenarioDocument>(io::parse_builtin_scenario("ukraine-2025-28-point"));
  const auto evaluator = io::scenario_evaluator(base, spec);
  // Point 0 is the first value; `run` simulates point 0 of its seed.
  const auto point = sweep::Design(spec).point(0);
  REQUIRE(point.values == std::vector<std::string>{"0.3"});
  const auto row = evaluator.evaluate(point);

  // The 28-point variant, whose runs settle at this seed (the metrics of settlements are numbers).
  const auto run = testing::run_cli("run ukraine-2025-28-point --set battlefield.advantage=0.3 --runs 150 --seed 7 "
                                    "--threads 2 --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = testing::FlatJson::parse(run.out);
  REQUIRE(json.at("settlements").number > 0);
  REQUIRE(row.size() == evaluator.metric_names.size());
  for (std::size_t i = 0; i < row.size(); ++i) {
    const std::string& name = evaluator.metric_names[i];
    INFO(name);
    REQUIRE(json.count(name) == 1);
    CHECK(json.at(name).is_number);
    CHECK(json.at(name).number == row[i]);  // shortest round-trip text: the same double
  }
}

TEST_CASE("Report labels: percentages, intervals, collapses and strategies", "[report]") {
  CHECK(io::percent_text(0.4126) == "41.3%");
  CHECK(io::percent_text(1.0) == "100.0%");
  CHECK(io::interval_text({0.1234, 0.5}, 2) == "[0.12, 0.50]");
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const auto side_a = static_cast<std::size_t>(scenario.side_a());
  CHECK(io::collapse_label(scenario, true) == scenario.parties[side_a].name + "'s effort collapses");
  const Scenario talks = io::load_scenario("rubinstein");
  REQUIRE(talks.side_b() < 0);
  CHECK(io::collapse_label(talks, false) == "side B collapses");
  StrategySpec spec;
  spec.name = "time_dependent";
  CHECK(io::strategy_label(spec) == "time_dependent");
  spec.params = {{"e", 0.2}, {"reservation", 0.0}};
  CHECK(io::strategy_label(spec) == "time_dependent (e 0.2, reservation 0)");
}
