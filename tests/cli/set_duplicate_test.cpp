// A duplicate made by `--set` (issue 18) named "line 0" as where the first one was; it names the
// --set that made it.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "parley/io/format/diagnostic.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using parley::testing::run_cli;

namespace {

const std::string set_minimal_scenario = std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml";

}  // namespace

TEST_CASE("a duplicate made by --set names the --set, not line 0", "[cli][set]") {
  // Party 0 renamed to party 1's id: the error is on party 1 (in the file), the first is the --set.
  try {
    (void)parley::io::load_scenario(set_minimal_scenario, {"parties[0].id=b"});
    FAIL("no error");
  } catch (const parley::io::ScenarioError& e) {
    CHECK_THAT(e.what(), Catch::Contains("duplicate party id 'b' (first in --set parties[0].id=b)"));
    CHECK_THAT(e.what(), !Catch::Contains("line 0"));
  }
  // A duplicate key inside a --set value.
  const auto r = run_cli("validate '" + set_minimal_scenario + "' --set 'parties[0].values={share: increasing, share: decreasing}'");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("duplicate key 'share' (first in --set parties[0].values="));
  CHECK_THAT(r.err, !Catch::Contains("line 0"));
}
