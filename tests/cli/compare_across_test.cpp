// `parley compare --across` (issue 17) on Fearon's lottery, where the boundary is known: B
// (contingent, beta 0) accepts any offer worth its war value 0.4 - c_B. Against it A's
// `contingent:beta=1` offers exactly that and keeps 0.6 + c_B, more than the war `hardline`
// leads to (0.5), until c_B = 0.4, where B's war value reaches 0 and B accepts even A's ideal:
// from there both of A's strategies get 1, an exact tie.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"

using namespace parley::testing;

namespace {

const std::string fearon_map_args =
    "compare fearon --strategies a=hardline,contingent:beta=1 --strategies b=contingent:beta=0 --runs 200 "
    "--format json --across parties.b.cost=";

}  // namespace

TEST_CASE("parley compare --across: bisection finds Fearon's boundary, as a fine grid does", "[regime][cli]") {
  const CliResult r = run_cli(fearon_map_args + "0.3:0.5:5");
  REQUIRE(r.exit_code == 0);
  const auto j = FlatJson::parse(r.out);
  CHECK(j.at("points[0].best_replies[0].reply").text == "contingent:beta=1");
  CHECK(j.at("points[4].best_replies[0].reply").text == "tie: hardline, contingent:beta=1");
  // The best reply's boundary (the equilibria's is the same, listed first).
  REQUIRE(j.count("boundaries[1].feature") == 1);
  CHECK(j.count("boundaries[2].feature") == 0);
  CHECK(j.at("boundaries[1].feature").text == "Side A's best reply to Side B playing contingent:beta=0");
  const double low = j.at("boundaries[1].low").number;
  const double high = j.at("boundaries[1].high").number;
  CHECK(low < 0.4);
  CHECK(high >= 0.4);
  CHECK(high - low <= j.at("tolerance").number);
  CHECK(j.at("tolerance").number == Approx(0.05 / 8).epsilon(1e-12));
  // Every profile with both payoffs and their standard errors: the welfare is their sum; the
  // war's lottery (hardline) moves both payoffs together, a settlement at once fixes them.
  CHECK(j.at("points[0].profiles[1].row").text == "contingent:beta=1");
  CHECK(j.at("points[0].profiles[1].column").text == "contingent:beta=0");
  CHECK(j.at("points[0].profiles[1].payoffs[0]").number + j.at("points[0].profiles[1].payoffs[1]").number ==
        Approx(j.at("points[0].welfare[1][0]").number).epsilon(1e-12));
  CHECK(j.at("points[0].profiles[0].std_errors[0]").number > 0.0);
  CHECK(j.at("points[0].profiles[0].std_errors[1]").number == j.at("points[0].profiles[0].std_errors[0]").number);
  CHECK(j.at("points[0].profiles[1].std_errors[0]").number == 0.0);
  CHECK(j.count("points[0].profiles[2].row") == 0);

  // Brute force: a grid 8 times finer, no bisection, changes in the cell that holds 0.4.
  const CliResult fine = run_cli(fearon_map_args + "0.3:0.5:41 --tolerance 0");
  REQUIRE(fine.exit_code == 0);
  const auto f = FlatJson::parse(fine.out);
  CHECK(f.at("evaluations").number == 41);
  const double fine_low = f.at("boundaries[1].low").number;
  const double fine_high = f.at("boundaries[1].high").number;
  CHECK(fine_high == Approx(0.4).epsilon(1e-12));
  // The two brackets agree: they overlap, and each estimate is within the other's half-widths.
  CHECK(low < fine_high);
  CHECK(fine_low < high);
  CHECK(std::abs(0.5 * (low + high) - 0.5 * (fine_low + fine_high)) <= 0.5 * (high - low) + 0.5 * (fine_high - fine_low));
}

TEST_CASE("parley compare --across: the table's sentences, and the arguments it refuses", "[regime][cli]") {
  const CliResult table = run_cli(
      "compare fearon --strategies a=hardline,contingent:beta=1 --strategies b=contingent:beta=0 --runs 200 "
      "--across parties.b.cost=0.3,0.5");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("Side A's best reply to Side B playing contingent:beta=0 turns from contingent:beta=1 to "
                       "tie: hardline, contingent:beta=1 at parties.b.cost") != std::string::npos);
  for (const std::string bad : {"parties.b.cost=0.3:0.5", "parties.b.strategy=quick,prolonged", "parties.b.cost=0.3",
                                "nonsense"}) {
    INFO(bad);
    CHECK(run_cli("compare fearon --across " + bad).exit_code == 2);
  }
  CHECK(run_cli("compare fearon --across parties.b.cost=0.3,0.5 --robustness").exit_code == 2);
  CHECK(run_cli("compare fearon --across parties.b.cost=0.3,0.5 --format csv").exit_code == 2);
  // A value the scenario refuses is a scenario error, with its field.
  const CliResult refused = run_cli("compare fearon --across parties.b.cost=-1,0.5");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("parties.b.cost") != std::string::npos);
}

TEST_CASE("parley compare --across twice: one map along the first at each value of the second, and the curves",
          "[regime][cli]") {
  // A's cost of war moves what hardline earns (0.6 - c_A) but not where B's war value 0.4 - c_B
  // reaches 0: the boundary stays at c_B = 0.4 at both values of c_A.
  const CliResult r = run_cli(fearon_map_args + "0.3:0.5:5 --across parties.a.cost=0,0.1");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = FlatJson::parse(r.out);
  CHECK(j.at("parameters[0]").text == "parties.b.cost");
  CHECK(j.at("parameters[1]").text == "parties.a.cost");
  CHECK(j.count("maps[2].parameter") == 0);
  for (int m = 0; m < 2; ++m) {
    const std::string map = "maps[" + std::to_string(m) + "].";
    CHECK(j.at(map + "second_parameter").text == "parties.a.cost");
    CHECK(j.at(map + "second_value").text == (m == 0 ? "0" : "0.1"));
    REQUIRE(j.count(map + "boundaries[1].low") == 1);
    CHECK(j.at(map + "boundaries[1].low").number < 0.4);
    CHECK(j.at(map + "boundaries[1].high").number >= 0.4);
    CHECK(j.at(map + "boundaries[1].sentence").text.find(m == 0 ? "when parties.a.cost = 0." : "when parties.a.cost = 0.1.") !=
          std::string::npos);
  }
  // The curve of A's best reply names both places.
  bool curve = false;
  for (int k = 0; j.count("curves[" + std::to_string(k) + "]") == 1; ++k) {
    const std::string text = j.at("curves[" + std::to_string(k) + "]").text;
    if (text.rfind("Side A's best reply to Side B playing contingent:beta=0 along parties.b.cost: ", 0) == 0) {
      curve = true;
      CHECK(text.find("with parties.a.cost = 0, turns from contingent:beta=1 to tie: hardline, contingent:beta=1 at "
                      "0.39") != std::string::npos);
      CHECK(text.find("; with parties.a.cost = 0.1, turns from") != std::string::npos);
    }
  }
  CHECK(curve);
  const CliResult three = run_cli(fearon_map_args + "0.3,0.5 --across parties.a.cost=0,0.1 --across horizon=1,2");
  CHECK(three.exit_code == 2);
  CHECK(three.err.find("one or two parameters") != std::string::npos);
}
