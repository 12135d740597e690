// The sweep's evaluator on a scenario: a point's row is what `parley run --set ...` computes for
// that point's seed stream, invalid combinations are InvalidPoint, bad values are found up front.
#include <catch2/catch.hpp>

#include "parley/engine/monte_carlo.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/sweep/sweep_evaluator.hpp"
#include "parley/io/sweep/sweep_plan.hpp"

using namespace parley;

namespace {

std::shared_ptr<const io::ScenarioDocument> default_document() {
  return std::make_shared<const io::ScenarioDocument>(io::parse_builtin_scenario("ukraine-2025"));
}

// The values of a run's metric row, in order.
std::vector<double> metric_values(const Scenario& scenario, const RunOptions& options) {
  const Simulation simulation(scenario);
  const RunSummary summary = simulate(simulation, options);
  std::vector<double> values;
  for (const auto& metric : io::RunReport(simulation, summary).metrics()) values.push_back(metric.value);
  return values;
}

bool bitwise_equal(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

}  // namespace

TEST_CASE("A point's metrics are the Monte Carlo summary of the scenario with its values set", "[sweep]") {
  sweep::SweepSpec spec;
  spec.parameters = {io::parse_vary("battlefield.advantage=-0.2,0.4"), io::parse_vary("parties.b.strategy=quick,prolonged")};
  spec.runs = 60;
  spec.seed = 17;
  // A small scenario (optimism), quick under the sanitizers; the evaluator does not depend on it.
  const auto evaluator =
      io::scenario_evaluator(std::make_shared<const io::ScenarioDocument>(io::parse_builtin_scenario("optimism")), spec);
  const sweep::Design design(spec);
  // Every point: the two that share an advantage share one setting (they differ only in a
  // strategy), and must still give exactly what `run` gives.
  for (const std::uint64_t p : {1u, 2u, 0u, 3u}) {
    const auto point = design.point(p);
    const Scenario scenario = io::load_scenario(
        "optimism", {"battlefield.advantage=" + point.values[0], "parties.b.strategy=" + point.values[1]});
    RunOptions options;
    options.runs = 60;
    options.seed = 17;
    options.point = p;
    options.threads = 2;  // the summary does not depend on the threads
    CHECK(bitwise_equal(evaluator.evaluate(point), metric_values(scenario, options)));
    CHECK(evaluator.metric_names == io::RunReport::metric_names(scenario));
  }
}

TEST_CASE("Metric names follow the scenario's parties and issues", "[sweep]") {
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const auto names = io::RunReport::metric_names(scenario);
  // Eight more for a durability section (the default scenario has one): held, broke, renewed,
  // breakdowns, periods of peace and of fighting, the share that signed and the median first
  // agreement.
  // The terms twice (over the settled runs, and in force at the end of every run), and the count
  // of settled runs.
  std::size_t expected = 8 + 2 * scenario.parties.size() + (scenario.durability ? 8 : 0) + 1;
  for (const auto& issue : scenario.issues)
    expected += 2 * (issue.kind == IssueKind::continuous ? 1
                     : issue.kind == IssueKind::ordinal  ? 1 + issue.levels.size()
                                                         : issue.clauses.size());
  CHECK(names.size() == expected);
  CHECK(names[0] == "outcomes.settled");
  CHECK(std::count(names.begin(), names.end(), "parties." + scenario.parties[0].id + ".utility.std_error") == 1);
  RunOptions options;
  options.runs = 20;
  CHECK(metric_values(scenario, options).size() == names.size());
}

TEST_CASE("An invalid combination is an InvalidPoint with the loader's message", "[sweep]") {
  sweep::SweepSpec spec;
  spec.parameters = {io::parse_vary("battlefield.start=6,15"), io::parse_vary("battlefield.collapse_b=10,20")};
  spec.runs = 5;
  spec.metrics = {"outcomes.settled"};
  const auto evaluator = io::scenario_evaluator(default_document(), spec);
  CHECK(evaluator.metric_names == std::vector<std::string>{"outcomes.settled"});
  const sweep::Design design(spec);
  CHECK(io::varied_value_problems(*default_document(), spec).empty());
  // Point 2 is start 15, collapse_b 10.
  REQUIRE(design.point(2).values == std::vector<std::string>{"15", "10"});
  const auto row = sweep::evaluate_point(evaluator, design.point(2));
  CHECK(row.status == sweep::PointStatus::invalid);
  CHECK_THAT(row.message, Catch::Contains("battlefield"));
  CHECK(sweep::evaluate_point(evaluator, design.point(3)).status == sweep::PointStatus::ok);
}

TEST_CASE("Bad varied values are found before any point runs", "[sweep]") {
  const auto base = default_document();
  auto problems_of = [&](const std::vector<std::string>& vary, sweep::DesignKind design = sweep::DesignKind::grid) {
    sweep::SweepSpec spec;
    spec.design = design;
    spec.samples = design == sweep::DesignKind::grid ? 0 : 4;
    for (const auto& v : vary) spec.parameters.push_back(io::parse_vary(v));
    std::string text;
    for (const auto& p : io::varied_value_problems(*base, spec)) text += p + "\n";
    return text;
  };
  CHECK(problems_of({"battlefield.tempo=0.2,0.5", "parties.russia.cost=0.001:0.01"}, sweep::DesignKind::latin_hypercube)
            .empty());
  // An unknown path: one message for the parameter, naming it.
  const auto unknown = problems_of({"parties.nobody.cost=0.1,0.2"});
  CHECK(std::count(unknown.begin(), unknown.end(), '\n') == 1);
  CHECK_THAT(unknown, Catch::Contains("--vary parties.nobody.cost: "));
  // A value that fails validation, with the loader's diagnostic; the valid one passes.
  const auto tempo = problems_of({"battlefield.tempo=0,0.5"});
  CHECK_THAT(tempo, Catch::Contains("the value 0 does not validate") && Catch::Contains("tempo"));
  CHECK_THAT(tempo, !Catch::Contains("the value 0.5"));
  // A range's end that fails.
  CHECK_THAT(problems_of({"battlefield.tempo=0.5:1.5"}, sweep::DesignKind::random), Catch::Contains("the value 1.5"));
  // A whole-number field given a range: its ends pass (collapse_b is 20 in the default
  // scenario, so both ends are at least 20), the interior probe does not.
  const auto states = problems_of({"battlefield.states=20:40"}, sweep::DesignKind::random);
  CHECK_THAT(states, Catch::Contains("whole numbers") && !Catch::Contains("the value 20 ") && !Catch::Contains("the value 40 "));
  // An end below collapse_b fails with the loader's own cross-field message.
  CHECK_THAT(problems_of({"battlefield.states=10:30"}, sweep::DesignKind::random),
             Catch::Contains("the value 10 does not validate") && Catch::Contains("exceeds states (10)"));
}
