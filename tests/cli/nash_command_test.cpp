// `parley nash`: the command's JSON and table output against the solver and closed forms,
// and its exit codes on bad input.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "../solve/gambit_reference.hpp"
#include "../support/cli_runner.hpp"
#include "parley/io/interop/nfg_exact_payoffs.hpp"
#include "parley/io/interop/nfg_format.hpp"
#include "parley/solve/equilibrium_verification.hpp"
#include "parley/solve/vertex_enumeration.hpp"

namespace {

/// `parley nash ARGS` (tests/support/cli_runner.hpp).
parley::testing::CliResult run_nash(const std::string& args) { return parley::testing::run_cli("nash " + args); }

std::string game_file(const std::string& name) {
  return "\"" + (parley::testing::gambit_dir() / "games" / name).string() + "\"";
}

}  // namespace

TEST_CASE("parley nash --format json lists the solver's equilibria with payoffs", "[solve][nash]") {
  const auto path = parley::testing::gambit_dir() / "games" / "deg1.nfg";
  const auto run = run_nash(game_file("deg1.nfg") + " --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = parley::testing::JsonReader(run.out).read();
  const auto nfg = parley::io::read_nfg_file(path);
  const auto game = parley::io::to_bimatrix_game(nfg);
  CHECK(json["game"].string == game.title());
  REQUIRE(json["players"].items.size() == 2);
  // The solver's equilibria as verification leaves them: exact, rounded to doubles.
  const auto exact = parley::io::exact_payoffs(nfg);
  const auto verified = parley::verify_equilibria(game, parley::extreme_equilibria(game), exact);
  const auto& expected = verified.equilibria;
  CHECK(json["verification"]["kind"].string == "exact");
  CHECK(json["verification"]["max_regret"].number == 0.0);
  CHECK(json["rejected_candidates"].number == 0.0);
  REQUIRE(json["equilibria"].items.size() == expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const auto& eq = json["equilibria"].items[k];
    const parley::MixedProfile p = parley::testing::profile_from_json(
        parley::testing::JsonValue{parley::testing::JsonValue::Kind::array,
                                false,
                                0.0,
                                "",
                                {eq["probabilities"]["Player 1"], eq["probabilities"]["Player 2"]},
                                {}});
    CHECK(parley::profile_distance(p, expected[k]) == 0.0);  // shortest round-trip decimals
    const auto payoffs = parley::exact_expected_payoffs(*exact, verified.exact[k]);
    CHECK(eq["payoffs"]["Player 1"].number == payoffs[0].convert_to<double>());
    CHECK(eq["payoffs"]["Player 2"].number == payoffs[1].convert_to<double>());
  }
}

TEST_CASE("parley nash prints probabilities as decimals and fractions", "[solve][nash]") {
  // Gambit's 2x2.nfg: A = [[2, 0], [0, 1]], B = [[0, 1], [1, 0]]; player 2 is indifferent
  // at x = (1/2, 1/2), player 1 at y = (1/3, 2/3), with payoffs 2/3 and 1/2.
  const auto run = run_nash(game_file("2x2.nfg"));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("1 equilibrium"));
  CHECK_THAT(run.out, Catch::Contains("0.3333333333       1/3"));
  CHECK_THAT(run.out, Catch::Contains("0.6666666667       2/3"));
  CHECK_THAT(run.out, Catch::Contains("0.5000000000       1/2"));
}

TEST_CASE("parley nash on payoffs of 1e12 reports lrsnash's three equilibria, verified exactly (issue 18)",
          "[solve][nash]") {
  // A = [[1e12, 0], [1e12, 1]], B = [[1, 0], [0, 1]]: row 2 is better by 1 against column 2.
  const parley::testing::TempFolder folder("nash");
  for (const std::string payoffs : {"1e12 1 1e12 0 0 0 1 1", "1 1e-12 1 0 0 0 1e-12 1e-12"}) {
    INFO(payoffs);
    const auto file = folder / "scaled.nfg";
    parley::testing::write_text(file, "NFG 1 R \"scaled\" { \"Player 1\" \"Player 2\" } { 2 2 }\n" + payoffs + "\n");
    const auto run = run_nash("\"" + file.string() + "\" --format json");
    REQUIRE(run.exit_code == 0);
    const auto json = parley::testing::JsonReader(run.out).read();
    CHECK(json["verification"]["kind"].string == "exact");
    CHECK(json["rejected_candidates"].number == 0.0);
    const auto& equilibria = json["equilibria"].items;
    REQUIRE(equilibria.size() == 3);
    std::set<std::vector<double>> found;
    for (const auto& eq : equilibria) {
      std::vector<double> flat;
      for (const char* player : {"Player 1", "Player 2"}) {
        for (const auto& v : eq["probabilities"][player].items) flat.push_back(v.number);
      }
      found.insert(flat);
    }
    CHECK(found == std::set<std::vector<double>>{{1, 0, 1, 0}, {0.5, 0.5, 1, 0}, {0, 1, 0, 1}});

    const auto table = run_nash("\"" + file.string() + "\" --method lh");
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Catch::Contains("Verified exactly (rational arithmetic): every regret is 0"));
  }
}

TEST_CASE("parley nash --method lh reports the equilibria Lemke-Howson reaches", "[solve][nash]") {
  const auto run = run_nash(game_file("sh3.nfg") + " --method lh --format json");
  REQUIRE(run.exit_code == 0);
  CHECK(parley::testing::JsonReader(run.out).read()["equilibria"].items.size() == 1);
}

TEST_CASE("parley nash --method lh says so when floating-point pivoting fails, and enum solves the game",
          "[solve][nash]") {
  // Found by fuzzing (tests/fuzz/regressions/nfg_reader): von Stengel's 6 x 6 game with a few
  // payoffs mangled to 1.3e10 and -8.5e15 beside payoffs of 1e2..1e6. Lemke-Howson's
  // lexicographic rule misreads rounding errors and its path revisits a basis; the command
  // must say so and exit 1 (it used to end in "error: lemke_howson: ..." from the top level,
  // with no way forward), never report a profile.
  const std::string game = "\"" + std::string(PARLEY_SOURCE_DIR) +
                           "/tests/fuzz/regressions/nfg_reader/lemke_howson_revisits_a_basis.nfg\"";
  auto run = run_nash(game + " --method lh");
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("lemke_howson_revisits_a_basis.nfg: lemke_howson:") &&
                          Catch::Contains("numerical trouble") && Catch::Contains("try --method enum"));
  run = run_nash(game + " --format json");
  REQUIRE(run.exit_code == 0);
  const auto json = parley::testing::JsonReader(run.out).read();
  // The file's payoffs are exact (integers and fractions such as 4/51176), so vertex
  // enumeration pivots in exact integers: all 9 extreme equilibria, the set lrsnash 7.1
  // reports for the same matrices, and no candidate to reject (the floating-point search
  // misjudged this game and rejected some of its own).
  CHECK(json["equilibria"].items.size() == 9);
  CHECK(json["verification"]["kind"].string == "exact");
  CHECK(json["rejected_candidates"].number == 0.0);
  CHECK(json["nash_subsets"].items.size() == 9);  // nondegenerate: each equilibrium isolated
  // One of lrsnash's: player 1 mixes strategies 3 and 4 with 27/47 and 20/47, player 2 mixes
  // 2 and 5 with 2/11 and 9/11.
  bool listed = false;
  for (const auto& e : json["equilibria"].items) {
    const auto& x = e["probabilities"]["1"].items;
    const auto& y = e["probabilities"]["2"].items;
    listed = listed || (std::abs(x[2].number - 27.0 / 47) < 1e-12 && std::abs(x[3].number - 20.0 / 47) < 1e-12 &&
                        std::abs(y[1].number - 2.0 / 11) < 1e-12 && std::abs(y[4].number - 9.0 / 11) < 1e-12);
    // The exact values as lrsnash prints them, in lowest terms.
    if (e["fractions"]["1"].items[2].string == "27/47") {
      CHECK(e["fractions"]["1"].items[3].string == "20/47");
      CHECK(e["fractions"]["2"].items[4].string == "9/11");
      CHECK(e["payoff_fractions"]["2"].string == "128832/47");
    }
  }
  CHECK(listed);
  run = run_nash(game);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("by exact vertex enumeration") && !Catch::Contains("rejected as no equilibrium") &&
                          Catch::Contains("Every equilibrium is isolated"));
}

TEST_CASE("parley nash exits with 1 and a located message on bad files", "[solve][nash]") {
  const parley::testing::TempFolder folder("nash");
  const auto bad = folder / "bad.nfg";
  parley::testing::write_text(bad, "NFG 1 R \"\" { \"1\" \"2\" } { 2 2 }\n1 2 3\n");
  auto run = run_nash("\"" + bad.string() + "\"");
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains(bad.string() + ":3:1: error: expected payoff 4 of 8"));

  run = run_nash(game_file("2x2x2.nfg"));
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains("the game has 3 players; parley nash solves two-player games only"));

  run = run_nash("/nonexistent/game.nfg");
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains("/nonexistent/game.nfg: error: cannot open the file"));

  run = run_nash(game_file("2x2.nfg") + " --format xml");
  CHECK(run.exit_code == 2);
}
