// Whole-number options refuse a sign instead of wrapping it (issue 18): `--seed -1` ran with the
// seed 2^64 - 1 and `solve --quota -3` said the quota exceeded the veto parties.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"

using parley::testing::run_cli;

TEST_CASE("options: a signed seed or quota or count is a usage error naming its option", "[cli]") {
  const struct {
    std::string arguments;
    std::string option;
  } cases[] = {
      {"run --seed -1 --runs 5", "--seed"},
      {"compare --seed -2 --runs 5", "--seed"},
      {"solve --quota -3", "--quota"},
      {"sweep --vary battlefield.advantage=0:1:2 --runs -5 -o never.csv", "--runs"},
      {"sweep --vary battlefield.advantage=0:1:2 --seed 1x -o never.csv", "--seed"},
  };
  for (const auto& c : cases) {
    INFO(c.arguments);
    const auto r = run_cli(c.arguments);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("for option '" + c.option + "' is invalid"));
  }
  // The largest seed is a seed like any other: the same run twice gives the same numbers.
  const auto a = run_cli("run --seed 18446744073709551615 --runs 20 --threads 1 --format json");
  CHECK(a.exit_code == 0);
  CHECK(a.out == run_cli("run --seed 18446744073709551615 --runs 20 --threads 2 --format json").out);
  CHECK_THAT(a.out, Catch::Contains("\"seed\": 18446744073709551615"));
}
