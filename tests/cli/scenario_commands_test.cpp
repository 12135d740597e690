// The scenario commands run as a user runs them (the built `parley` binary): validate's exit
// codes and messages, describe's output and --set, scenarios, schema.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "../support/cli_runner.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/scenario/scenario_schema.hpp"

namespace {

struct Run {
  int status;
  std::string output;  // standard output, then standard error
};

/// Runs `parley ARGS` from the source folder (the tests name files relative to it).
Run run_parley(const std::string& args) {
  const auto r = parley::testing::run_cli(args, {PARLEY_SOURCE_DIR, "", ""});
  return {r.exit_code, r.out + r.err};
}

}  // namespace

TEST_CASE("validate prints ok for good files and exits 0", "[cli][validate]") {
  const Run run = run_parley("validate tests/data/minimal.yaml scenarios/rubinstein.yaml");
  CHECK(run.status == 0);
  CHECK(run.output == "tests/data/minimal.yaml: ok\nscenarios/rubinstein.yaml: ok\n");
}

TEST_CASE("validate reports every error of every file and exits 1", "[cli][validate]") {
  const Run run =
      run_parley("validate tests/data/bad/several_errors.yaml tests/data/minimal.yaml tests/data/bad/unknown_key.yaml");
  CHECK(run.status == 1);
  CHECK_THAT(run.output, Catch::Contains("tests/data/minimal.yaml: ok\n"));
  CHECK_THAT(run.output, Catch::Contains("tests/data/bad/several_errors.yaml:9:15: error: parties[0].discount: must be "
                                         "in (0, 1], got 0\n"));
  CHECK_THAT(run.output, Catch::Contains("tests/data/bad/several_errors.yaml:17:14: error: protocol.order[1]: unknown "
                                         "party 'c'\n"));
  CHECK_THAT(run.output, Catch::Contains("tests/data/bad/unknown_key.yaml:28:5: error: parties[1].cots: unknown key "
                                         "'cots' (did you mean 'cost'?)\n"));
  std::size_t error_lines = 0;
  for (std::size_t at = run.output.find(": error: "); at != std::string::npos;
       at = run.output.find(": error: ", at + 1))
    ++error_lines;
  CHECK(error_lines == 5);
}

TEST_CASE("validate checks built-in scenarios by name and applies --set", "[cli][validate]") {
  CHECK(run_parley("validate ukraine-2025").status == 0);
  const Run run = run_parley("validate tests/data/minimal.yaml --set parties.a.discount=2");
  CHECK(run.status == 1);
  CHECK(run.output == "--set parties.a.discount=2: error: parties[0].discount: must be in (0, 1], got 2\n");
  CHECK(run_parley("validate").status == 2);
}

TEST_CASE("describe prints the scenario, with --set applied", "[cli][describe]") {
  const Run run = run_parley("describe tests/data/minimal.yaml --set title=Renamed --set parties.a.cost=0.25");
  CHECK(run.status == 0);
  CHECK_THAT(run.output, Catch::StartsWith("Renamed  (minimal)\n"));
  CHECK_THAT(run.output, Catch::Contains("ideal of a"));
  CHECK_THAT(run.output, Catch::Contains("0.25"));
  const Run json = run_parley("describe tests/data/minimal.yaml --format json");
  CHECK(json.status == 0);
  CHECK_THAT(json.output, Catch::StartsWith("{\n  \"id\": \"minimal\",\n  \"title\": \"Minimal\","));
}

TEST_CASE("describe without a scenario describes the default", "[cli][describe]") {
  const Run run = run_parley("describe");
  CHECK(run.status == 0);
  CHECK_THAT(run.output, Catch::Contains("(" + std::string(parley::io::default_scenario_name) + ")\n"));
  CHECK_THAT(run.output, Catch::Contains("Battlefield\n"));
}

TEST_CASE("describe fails with the located error or a usage error", "[cli][describe]") {
  const Run bad = run_parley("describe tests/data/minimal.yaml --set parties.z.cost=1");
  CHECK(bad.status == 1);
  CHECK(bad.output == "--set parties.z.cost=1: error: parties: has no item with id 'z' (ids: a, b)\n");
  CHECK(run_parley("describe tests/data/bad/weights_sum.yaml").status == 1);
  CHECK(run_parley("describe --format csv").status == 2);
  CHECK(run_parley("describe --no-such-option").status == 2);
}

TEST_CASE("scenarios lists every built-in scenario", "[cli][scenarios]") {
  const Run run = run_parley("scenarios");
  CHECK(run.status == 0);
  for (const auto& s : parley::io::builtin_scenarios()) CHECK_THAT(run.output, Catch::Contains(std::string(s.name)));
  CHECK_THAT(run.output, Catch::Contains(std::string(parley::io::default_scenario_name) + " *"));
}

TEST_CASE("schema prints the reference page", "[cli][schema]") {
  const Run run = run_parley("schema");
  CHECK(run.status == 0);
  CHECK(run.output == parley::io::render_schema_markdown());
}
