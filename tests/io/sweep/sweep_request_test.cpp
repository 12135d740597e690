// A sweep request: the command line's options over a plan, field by field (the command line
// overrides the plan's scalars and adds to its lists), and what a run takes from the request.
#include <catch2/catch.hpp>

#include <fstream>
#include <stdexcept>

#include "../../support/temp_folder.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/sweep/sha256.hpp"
#include "parley/io/sweep/sweep_request.hpp"

using namespace parley;
using parley::testing::TempFolder;

namespace {

// A plan that sets every field, each to a value none of the defaults has.
io::SweepPlan full_sweep_plan() {
  io::SweepPlan plan;
  plan.scenario = "plan-scenario.yaml";
  plan.design = sweep::DesignKind::latin_hypercube;
  plan.samples = 8;
  plan.runs = 50;
  plan.seed = 7;
  plan.metrics = {"outcomes.settled"};
  plan.base_overrides = {"battlefield.tempo=0.3"};
  plan.parameters = {io::parse_vary("battlefield.advantage=-0.5:0.5")};
  return plan;
}

std::vector<std::string> request_paths(const sweep::SweepSpec& spec) {
  std::vector<std::string> paths;
  for (const auto& p : spec.parameters) paths.push_back(p.path);
  return paths;
}

}  // namespace

TEST_CASE("sweep request: without options the plan's fields stand", "[sweep]") {
  const auto plan = full_sweep_plan();
  const auto request = io::merge_sweep_request({}, &plan);
  CHECK(request.scenario == "plan-scenario.yaml");
  CHECK(request.spec.design == sweep::DesignKind::latin_hypercube);
  CHECK(request.spec.samples == 8);
  CHECK(request.spec.runs == 50);
  CHECK(request.spec.seed == 7);
  CHECK(request.spec.metrics == std::vector<std::string>{"outcomes.settled"});
  CHECK(request.spec.base_overrides == std::vector<std::string>{"battlefield.tempo=0.3"});
  CHECK(request.spec.parameters == plan.parameters);
}

TEST_CASE("sweep request: options override the plan's scalars and follow its lists", "[sweep]") {
  const auto plan = full_sweep_plan();
  io::SweepRequestOptions options;
  options.scenario = "cli.yaml";
  options.design = "sobol";
  options.samples = 4;
  options.runs = 9;
  options.seed = 2;
  options.metrics = {"duration.mean"};
  options.sets = {"parties.russia.cost=0.004"};
  options.vary = {"parties.russia.cost=0.002:0.006"};
  const auto request = io::merge_sweep_request(options, &plan);
  CHECK(request.scenario == "cli.yaml");
  CHECK(request.spec.design == sweep::DesignKind::sobol);
  CHECK(request.spec.samples == 4);
  CHECK(request.spec.runs == 9);
  CHECK(request.spec.seed == 2);
  CHECK(request.spec.metrics == std::vector<std::string>{"outcomes.settled", "duration.mean"});
  CHECK(request.spec.base_overrides ==
        std::vector<std::string>{"battlefield.tempo=0.3", "parties.russia.cost=0.004"});
  CHECK(request_paths(request.spec) == std::vector<std::string>{"battlefield.advantage", "parties.russia.cost"});
}

TEST_CASE("sweep request: with neither plan nor option, the defaults", "[sweep]") {
  io::SweepRequestOptions options;
  options.vary = {"battlefield.tempo=0.2,0.4"};
  const auto request = io::merge_sweep_request(options, nullptr);
  CHECK(request.scenario == io::default_scenario_name);
  CHECK(request.spec.design == sweep::DesignKind::grid);
  CHECK(request.spec.samples == 0);
  CHECK(request.spec.runs == 1000);
  CHECK(request.spec.seed == 1);
  CHECK(request.spec.metrics.empty());
  CHECK(request_paths(request.spec) == std::vector<std::string>{"battlefield.tempo"});
}

TEST_CASE("sweep request: a bad design name or --vary is refused, the plan's errors first", "[sweep]") {
  io::SweepRequestOptions options;
  options.design = "halton";
  CHECK_THROWS_WITH(io::merge_sweep_request(options, nullptr),
                    "--design must be grid, random, lhs or sobol, got 'halton'");
  options.vary = {"battlefield.tempo"};  // no '=': ScenarioError, before the design is looked at
  CHECK_THROWS_AS(io::merge_sweep_request(options, nullptr), io::ScenarioError);

  const TempFolder folder("sweep-request");
  const auto plan_path = folder.file("plan.yaml");
  {
    std::ofstream(plan_path) << "runs: 5\nvary: {battlefield.tempo: 0.2:0.4}\n";
  }
  options.vary.clear();
  options.plan = plan_path;
  CHECK_THROWS_AS(io::read_sweep_request(options), std::invalid_argument);  // the plan is fine
  options.design.clear();
  const auto request = io::read_sweep_request(options);
  CHECK(request.spec.runs == 5);
  CHECK(request_paths(request.spec) == std::vector<std::string>{"battlefield.tempo"});
  {
    std::ofstream(plan_path) << "runz: 5\n";
  }
  options.design = "halton";
  CHECK_THROWS_AS(io::read_sweep_request(options), io::ScenarioError);
}

TEST_CASE("sweep request: the manifest's hash is of the text SCENARIO names", "[sweep]") {
  std::string builtin_yaml;
  for (const auto& builtin : io::builtin_scenarios())
    if (builtin.name == io::default_scenario_name) builtin_yaml = builtin.yaml;
  REQUIRE_FALSE(builtin_yaml.empty());
  const std::string name(io::default_scenario_name);
  CHECK(io::sweep_scenario_sha256(name) == io::sha256_hex(builtin_yaml));
  CHECK(io::sweep_scenario_sha256(name + ".yaml") == io::sha256_hex(builtin_yaml));
  const TempFolder folder("sweep-request-hash");
  const auto file = folder.file("mine.yaml");
  {
    std::ofstream(file) << "abc";
  }
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  CHECK(io::sweep_scenario_sha256(file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(io::sweep_scenario_sha256(folder.file("missing.yaml")) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");  // of ""
}

TEST_CASE("sweep request: the base scenario carries the base overrides and must build", "[sweep]") {
  io::SweepRequest request;
  request.scenario = std::string(io::default_scenario_name);
  request.spec.base_overrides = {"parties.russia.cost=0.004"};
  const auto base = io::sweep_base_scenario(request);
  CHECK(base->overrides == std::vector<std::string>{"parties.russia.cost=0.004"});
  request.spec.base_overrides = {"parties.russia.cost=-1"};
  CHECK_THROWS_AS(io::sweep_base_scenario(request), io::ScenarioError);
}

TEST_CASE("sweep request: worker threads", "[sweep]") {
  CHECK(io::sweep_worker_threads(3, 1) == 3);
  CHECK(io::sweep_worker_threads(3, 4) == 3);
  CHECK(io::sweep_worker_threads(0, 2) == 1);
  CHECK(io::sweep_worker_threads(0, 1) >= 1);
}

TEST_CASE("sweep request: prepare_sweep checks the spec, the scenario, the values, the metrics in turn", "[sweep]") {
  io::SweepRequest request;
  request.scenario = std::string(io::default_scenario_name);
  const auto problems_of = [&]() -> std::vector<std::string> {
    try {
      io::prepare_sweep(request);
    } catch (const io::SweepRequestProblems& e) {
      return e.problems();
    }
    return {};
  };
  // No parameter: the spec's problem, before anything is read.
  request.scenario = "no-such-scenario";
  REQUIRE(problems_of().size() == 1);
  // The scenario is read next: its errors are the loader's.
  request.spec.parameters = {io::parse_vary("battlefield.tempo=0,0.5")};
  CHECK_THROWS_AS(io::prepare_sweep(request), io::ScenarioError);
  request.scenario = std::string(io::default_scenario_name);
  const auto values = problems_of();
  REQUIRE(values.size() == 1);
  CHECK_THAT(values.front(), Catch::Contains("the value 0 does not validate"));
  request.spec.parameters = {io::parse_vary("battlefield.tempo=0.2,0.5")};
  request.spec.metrics = {"outcomes.setled"};
  const auto metrics = problems_of();
  REQUIRE(metrics.size() == 1);
  CHECK_THAT(metrics.front(), Catch::StartsWith("--metrics: no metric matches outcomes.setled"));
  request.spec.metrics = {"outcomes.settled"};
  const auto prepared = io::prepare_sweep(request);
  CHECK(prepared.base->overrides.empty());
  CHECK(prepared.evaluator.metric_names == std::vector<std::string>{"outcomes.settled"});
}
