#include <catch2/catch.hpp>

#include "parley/io/sweep/sweep_plan.hpp"

using namespace parley;

namespace {

// The first diagnostic's text for a spec that must be rejected.
std::string vary_error(const std::string& argument) {
  try {
    io::parse_vary(argument);
  } catch (const io::ScenarioError& e) {
    return io::to_string(e.diagnostics().front());
  }
  return "accepted";
}

std::string plan_errors(const std::string& text) {
  try {
    io::parse_sweep_plan(text, "plan.yaml", ".");
  } catch (const io::ScenarioError& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("sweep plan: --vary lo:hi:n gives evenly spaced values", "[sweep]") {
  const auto p = io::parse_vary("battlefield.advantage=-0.6:0.6:13");
  CHECK(p.path == "battlefield.advantage");
  CHECK(p.spec == "-0.6:0.6:13");
  CHECK(p.levels == sweep::evenly_spaced_levels(-0.6, 0.6, 13));
  CHECK(io::parse_vary("x=2:2:1").levels == std::vector<std::string>{"2"});
}

TEST_CASE("sweep plan: --vary lo:hi gives a range", "[sweep]") {
  const auto p = io::parse_vary("parties.russia.cost = 1e-3 : 5e-3");
  CHECK(p.path == "parties.russia.cost");
  CHECK(p.is_range());
  CHECK(p.lo == 1e-3);
  CHECK(p.hi == 5e-3);
}

TEST_CASE("sweep plan: --vary lists take YAML values, strings and maps included", "[sweep]") {
  CHECK(io::parse_vary("parties.russia.cost=0.002,0.005").levels == std::vector<std::string>{"0.002", "0.005"});
  CHECK(io::parse_vary("parties.ukraine.strategy=prolonged,quick").levels ==
        std::vector<std::string>{"prolonged", "quick"});
  CHECK(io::parse_vary("parties.ukraine.strategy={name: prolonged, e: 0.1}, quick").levels ==
        std::vector<std::string>{"{name: prolonged, e: 0.1}", "quick"});
  CHECK(io::parse_vary("issues.plan.status_quo=[p01, p02],[]").levels == std::vector<std::string>{"[p01, p02]", "[]"});
  CHECK(io::parse_vary("x=\"a, b\",c").levels == std::vector<std::string>{"\"a, b\"", "c"});
  CHECK(io::parse_vary("x=0.3").levels == std::vector<std::string>{"0.3"});
  // Not a number range: a list of one string with colons.
  CHECK(io::parse_vary("x=a:b").levels == std::vector<std::string>{"a:b"});
}

TEST_CASE("Bad --vary specs are named with the argument", "[sweep]") {
  CHECK_THAT(vary_error("battlefield.advantage=0.6:-0.6"), Catch::Contains("--vary battlefield.advantage=0.6:-0.6") &&
                                                               Catch::Contains("empty range"));
  CHECK_THAT(vary_error("x=1:1"), Catch::Contains("empty range"));
  CHECK_THAT(vary_error("x=0:1:0"), Catch::Contains("n = 0"));
  CHECK_THAT(vary_error("x=0:1:1"), Catch::Contains("one value between two different ends"));
  CHECK_THAT(vary_error("x=0:1:2.5"), Catch::Contains("whole number"));
  CHECK_THAT(vary_error("x=1:0:3"), Catch::Contains("empty range"));
  CHECK_THAT(vary_error("x="), Catch::Contains("no values"));
  CHECK_THAT(vary_error("x"), Catch::Contains("PATH=SPEC"));
  CHECK_THAT(vary_error("=1,2"), Catch::Contains("missing PATH"));
  CHECK_THAT(vary_error("x=1,1"), Catch::Contains("listed twice"));
  CHECK_THAT(vary_error("x={a: 1"), Catch::Contains("not a list of YAML values"));
}

TEST_CASE("sweep plan: --shard k/n", "[sweep]") {
  CHECK(io::parse_shard("3/8") == sweep::Shard{3, 8});
  CHECK(io::parse_shard("1/1") == sweep::Shard{1, 1});
  for (const char* bad : {"0/4", "5/4", "1/0", "1", "a/b", "1/2/3", ""})
    CHECK_THROWS_AS(io::parse_shard(bad), std::invalid_argument);
}

TEST_CASE("flow_text writes YAML values on one line", "[sweep]") {
  const auto node = io::parse_yaml("{name: prolonged, e: 0.1, list: [a, 'b c', \"q\\\"\"], plain: x y, n: ~}", "t");
  CHECK(io::flow_text(node) == "{name: prolonged, e: 0.1, list: [a, \"b c\", \"q\\\"\"], plain: x y, n: null}");
  const auto block = io::parse_yaml("- a, b\n- 'c'\n- key: value\n", "t");
  CHECK(io::flow_text(block) == "[\"a, b\", \"c\", {key: value}]");
  // What flow_text writes reads back as the same value.
  CHECK(io::flow_text(io::parse_yaml(io::flow_text(block), "t")) == io::flow_text(block));
}

TEST_CASE("A sweep plan file gives every field", "[sweep]") {
  const auto plan = io::parse_sweep_plan(R"(
scenario: ukraine-2025
design: lhs
samples: 64
runs: 500
seed: 9
metrics: [outcomes.settled, "parties.*.utility.mean"]
set:
  parties.russia.cost: 0.003
  parties.ukraine.strategy: {name: prolonged, e: 0.1}
vary:
  battlefield.advantage: -0.6:0.6:13
  parties.russia.cost: [0.002, 0.005]
  battlefield.tempo: {lo: 0.2, hi: 0.6}
  parties.ukraine.strategy: prolonged,quick
)",
                                         "plan.yaml", "/nonexistent");
  CHECK(plan.scenario == "ukraine-2025");
  CHECK(plan.design == sweep::DesignKind::latin_hypercube);
  CHECK(plan.samples == 64u);
  CHECK(plan.runs == 500u);
  CHECK(plan.seed == 9u);
  CHECK(plan.metrics == std::vector<std::string>{"outcomes.settled", "parties.*.utility.mean"});
  CHECK(plan.base_overrides ==
        std::vector<std::string>{"parties.russia.cost=0.003", "parties.ukraine.strategy={name: prolonged, e: 0.1}"});
  REQUIRE(plan.parameters.size() == 4);
  CHECK(plan.parameters[0].levels == sweep::evenly_spaced_levels(-0.6, 0.6, 13));
  CHECK(plan.parameters[1].levels == std::vector<std::string>{"0.002", "0.005"});
  CHECK(plan.parameters[2].is_range());
  CHECK(plan.parameters[2].lo == 0.2);
  CHECK(plan.parameters[2].hi == 0.6);
  CHECK(plan.parameters[3].levels == std::vector<std::string>{"prolonged", "quick"});
  // The same values as on the command line.
  CHECK(plan.parameters[1].levels == io::parse_vary("x=0.002,0.005").levels);
}

TEST_CASE("Sweep plan errors are located", "[sweep]") {
  CHECK_THAT(plan_errors("vary: {x: 0:1:3}\ndesigns: grid\n"), Catch::Contains("plan.yaml:2:1: error: designs: unknown key"));
  CHECK_THAT(plan_errors("design: halton\nvary: {x: 0:1:3}\n"), Catch::Contains("plan.yaml:1:9") &&
                                                                    Catch::Contains("got 'halton'"));
  CHECK_THAT(plan_errors("samples: -3\nvary: {x: 0:1:3}\n"), Catch::Contains("plan.yaml:1:10: error: samples:"));
  CHECK_THAT(plan_errors("design: grid\n"), Catch::Contains("missing required key 'vary'"));
  CHECK_THAT(plan_errors("vary:\n  x: 0:1:0\n  y: {lo: 1}\n"),
             Catch::Contains("plan.yaml:2:6: error: vary.x: n = 0") && Catch::Contains("plan.yaml:3:6: error: vary.y"));
}

// A plan is read with the scenario loader's reader (yaml_reader.hpp), so its errors are worded
// as the loader words them: the same "unknown key ... (did you mean ...)", the same checks of
// numbers and integers, the same messages for repeated keys and wrong shapes.
TEST_CASE("Sweep plan errors are worded as the scenario loader's", "[sweep]") {
  CHECK_THAT(plan_errors("vary: {x: 0:1:3}\ndesigns: grid\n"),
             Catch::Contains("plan.yaml:2:1: error: designs: unknown key 'designs' (did you mean 'design'?)"));
  CHECK_THAT(plan_errors("vary: {x: 0:1:3}\nflavour: grid\n"),
             Catch::Contains("flavour: unknown key 'flavour'; allowed here: scenario, design, samples, runs, seed, "
                             "metrics, set, vary"));
  CHECK_THAT(plan_errors("design: halton\nvary: {x: 0:1:3}\n"),
             Catch::Contains("plan.yaml:1:9: error: design: expected one of grid, random, lhs, sobol, got 'halton'"));
  CHECK_THAT(plan_errors("design: sobl\nvary: {x: 0:1:3}\n"), Catch::Contains("(did you mean 'sobol'?)"));
  CHECK_THAT(plan_errors("samples: -3\nvary: {x: 0:1:3}\n"),
             Catch::Contains("plan.yaml:1:10: error: samples: must be >= 0, got -3"));
  CHECK_THAT(plan_errors("runs: 2.5\nvary: {x: 0:1:3}\n"),
             Catch::Contains("plan.yaml:1:7: error: runs: expected an integer, got '2.5'"));
  CHECK_THAT(plan_errors("seed: \"7\"\nvary: {x: 0:1:3}\n"),
             Catch::Contains("seed: expected an integer, got the string \"7\""));
  CHECK_THAT(plan_errors("design: grid\n"), Catch::Contains("plan.yaml:1:1: error: vary: missing required key 'vary'"));
  CHECK_THAT(plan_errors("- a\n"), Catch::Contains("plan.yaml:1:1: error: expected a map, got a list"));
  CHECK_THAT(plan_errors("runs: 1\nruns: 2\nvary: {x: 0:1:3}\n"),
             Catch::Contains("plan.yaml:2:1: error: runs: duplicate key 'runs' (first at line 1)"));
  CHECK_THAT(plan_errors("scenario: [a, b]\nvary: {x: 0:1:3}\n"),
             Catch::Contains("scenario: expected a string, got a list"));
  CHECK_THAT(plan_errors("metrics: [a, [b]]\nvary: {x: 0:1:3}\n"),
             Catch::Contains("metrics[1]: expected a string, got a list"));
  // A range {lo: , hi: , n: }: its keys and numbers, each at its own place.
  CHECK_THAT(plan_errors("vary:\n  y: {lo: 1}\n"), Catch::Contains("plan.yaml:2:6: error: vary.y.hi: missing required key 'hi'"));
  CHECK_THAT(plan_errors("vary:\n  y: {lo: 0, hi: 1, m: 3}\n"),
             Catch::Contains("vary.y.m: unknown key 'm'; allowed here: lo, hi, n"));
  CHECK_THAT(plan_errors("vary:\n  y: {lo: a, hi: 1}\n"),
             Catch::Contains("plan.yaml:2:11: error: vary.y.lo: expected a number, got 'a'"));
  CHECK_THAT(plan_errors("vary:\n  y: {lo: 0, hi: 1, n: 2.5}\n"),
             Catch::Contains("vary.y.n: expected an integer, got '2.5'"));
  // Several errors come in the order of the file's lines.
  const std::string several = plan_errors("runs: x\nvary: {x: 0:1:3}\nseed: y\n");
  CHECK(several.find("runs:") < several.find("seed:"));
}

TEST_CASE("Sweep plan counts and ranges that fit are read", "[sweep]") {
  const auto plan = io::parse_sweep_plan("runs: +20\nvary: {y: {lo: -1, hi: 1, n: 3}}\n", "plan.yaml", ".");
  CHECK(plan.runs == 20u);
  REQUIRE(plan.parameters.size() == 1);
  CHECK(plan.parameters[0].levels == sweep::evenly_spaced_levels(-1, 1, 3));
  CHECK(io::parse_vary("x=0:1:+3").levels == sweep::evenly_spaced_levels(0, 1, 3));
  CHECK_THAT(vary_error("x=0:1:-3"), Catch::Contains("whole number"));
}
