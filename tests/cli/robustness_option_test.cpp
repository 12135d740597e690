// `--robustness` on `solve` and `run` (issue 16, item 2): Rubinstein's first-mover advantage
// is the textbook artifact of the speaking order; the horizon, already far, changes nothing.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"

using namespace parley::testing;

TEST_CASE("parley solve --robustness: the speaking order decides who gains more in Rubinstein's game",
          "[robustness][cli]") {
  const CliResult r = run_cli("solve rubinstein --robustness --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = FlatJson::parse(r.out);
  CHECK(j.at("robustness.findings[0].value").text == "at the first talks");
  CHECK(j.at("robustness.findings[3].name").text == "larger gain");
  CHECK(j.at("robustness.findings[3].value").text == "Player 1");
  REQUIRE(j.at("robustness.changes_tried").number == 4);
  // Horizon halved and doubled survive; the swapped order hands the larger gain to Player 2,
  // and random recognition with equal chances to neither.
  CHECK(j.at("robustness.changes[0].set[0]").text == "horizon=100");
  CHECK(j.at("robustness.changes[0].survives").text == "true");
  CHECK(j.at("robustness.changes[1].survives").text == "true");
  CHECK(j.at("robustness.changes[2].changed[0]").text == "larger gain");
  CHECK(j.at("robustness.changes[2].findings[3].value").text == "Player 2");
  CHECK(j.at("robustness.changes[3].findings[3].value").text == "equal");
  CHECK(j.at("robustness.survives").number == 2);

  const CliResult table = run_cli("solve rubinstein --robustness");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("The conclusion survives 2 of 4 changes") != std::string::npos);
}

TEST_CASE("parley run --robustness: the default scenario under every change, and the options it refuses",
          "[robustness][cli]") {
  const CliResult r = run_cli("run --robustness --runs 200 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = FlatJson::parse(r.out);
  CHECK(j.at("robustness.findings[0].name").text == "most likely end");
  // Horizon halved and doubled, the counters' order swapped, planning horizons halved and doubled.
  CHECK(j.at("robustness.changes_tried").number == 5);
  CHECK(j.at("robustness.changes[4].set[1]").text == "parties.ukraine.strategy.horizon=104");
  CHECK(j.count("robustness.changes[4].findings[0].value") == 1);

  const CliResult csv = run_cli("run --robustness --format csv");
  CHECK(csv.exit_code == 2);
  CHECK(csv.err.find("--robustness") != std::string::npos);
  const CliResult trace = run_cli("run --robustness --trace");
  CHECK(trace.exit_code == 2);
  const CliResult solve_csv = run_cli("solve --robustness --format csv");
  CHECK(solve_csv.exit_code == 2);
}

TEST_CASE("parley compare --robustness: an exact tie is a tie under every change, and the changes are tried",
          "[robustness][cli]") {
  // linear and prolonged:e=1 play the same episodes: A's best reply is a tie whatever the
  // horizon, the order, random recognition or the planning horizons (scaled alike for both).
  // Fearon's one-round game keeps this cheap.
  const CliResult r = run_cli(
      "compare fearon --strategies a=linear,prolonged:e=1 --strategies b=linear,quick --robustness --runs 200 "
      "--format json");
  REQUIRE(r.exit_code == 0);
  const auto j = FlatJson::parse(r.out);
  CHECK(j.at("robustness.findings[1].name").text == "Side A's best reply to linear");
  CHECK(j.at("robustness.findings[1].value").text == "tie: linear, prolonged:e=1");
  // Horizon doubled (1 period is not halved), the order swapped, random recognition, the
  // planning horizons halved and doubled.
  REQUIRE(j.at("robustness.changes_tried").number == 5);
  CHECK(j.at("robustness.changes[3].label").text == "planning horizons halved");
  for (int k = 0; k < 5; ++k) {
    const std::string change = "robustness.changes[" + std::to_string(k) + "]";
    INFO(j.at(change + ".label").text);
    CHECK(j.at(change + ".findings[1].value").text == "tie: linear, prolonged:e=1");
  }
  // The planning variants scale the candidates, whose labels stay the base's.
  CHECK(j.at("robustness.changes[3].findings[4].name").text == "Side B's best reply to prolonged:e=1");
  CHECK(run_cli("compare fearon --robustness --format csv").exit_code == 2);
}
