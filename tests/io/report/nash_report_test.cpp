// The `parley nash` writers on games whose equilibria are known by hand.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "parley/io/report/nash_report.hpp"

using namespace parley;

namespace {

/// Matching pennies: the unique equilibrium mixes half and half, each player expecting 0.
BimatrixGame nash_report_pennies() {
  Eigen::MatrixXd a(2, 2);
  a << 1, -1, -1, 1;
  const std::vector<std::string> sides{"heads", "tails"};
  return BimatrixGame(a, -a, {"Even", "Odd"}, {sides, sides}, "pennies");
}

}  // namespace

TEST_CASE("simple_fraction finds p/q within 1e-9 with q up to 1000", "[io][report][nash]") {
  CHECK(io::simple_fraction(1.0 / 3.0) == "1/3");
  CHECK(io::simple_fraction(0.5) == "1/2");
  CHECK(io::simple_fraction(-2.0) == "-2");
  CHECK(io::simple_fraction(0.0) == "0");
  CHECK(io::simple_fraction(-0.75) == "-3/4");
  CHECK(io::simple_fraction(999.0 / 1000.0) == "999/1000");
  // 1/1001 needs a denominator above 1000; 355/113 is pi only to 2.7e-7.
  CHECK_FALSE(io::simple_fraction(1.0 / 1001.0).has_value());
  CHECK_FALSE(io::simple_fraction(3.14159265358979).has_value());
}

TEST_CASE("players with the same name get Gambit's suffixes _1 and _2", "[io][report][nash]") {
  const Eigen::MatrixXd one = Eigen::MatrixXd::Ones(1, 1);
  const BimatrixGame same(one, one, {"P", "P"}, {std::vector<std::string>{"s"}, std::vector<std::string>{"t"}});
  CHECK(io::distinct_player_names(same) == std::array<std::string, 2>{"P_1", "P_2"});
  CHECK(io::distinct_player_names(nash_report_pennies()) == std::array<std::string, 2>{"Even", "Odd"});
}

TEST_CASE("the nash table gives each probability as a decimal and a fraction", "[io][report][nash]") {
  const BimatrixGame game = nash_report_pennies();
  MixedProfile half{Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)};
  std::ostringstream out;
  io::write_nash_table(out, {game, {half}, "enum", "by hand"});
  CHECK(out.str() ==
        "pennies: Even has 2 strategies, Odd has 2\n"
        "1 equilibrium (by hand)\n"
        "Verified in floating point: largest regret 0 of the incentive scale\n"
        "\n"
        "Equilibrium 1\n"
        "  player  strategy   probability  fraction\n"
        "  ------  --------  ------------  --------\n"
        "  Even    heads     0.5000000000       1/2\n"
        "  Even    tails     0.5000000000       1/2\n"
        "  Odd     heads     0.5000000000       1/2\n"
        "  Odd     tails     0.5000000000       1/2\n"
        "\n"
        "  player        payoff  fraction\n"
        "  ------  ------------  --------\n"
        "  Even    0.0000000000         0\n"
        "  Odd     0.0000000000         0\n");
}

TEST_CASE("the nash JSON lists each equilibrium's probabilities and payoffs", "[io][report][nash]") {
  // A pure coordination game: (1, 1) pays 2 to each, the row player's second strategy.
  Eigen::MatrixXd a(1, 2);
  a << 0, 2;
  const BimatrixGame game(a, a, {"R", "C"}, {std::vector<std::string>{"r"}, std::vector<std::string>{"x", "y"}}, "");
  MixedProfile pure{Eigen::VectorXd::Ones(1), Eigen::Vector2d(0.0, 1.0)};
  std::ostringstream out;
  io::write_nash_json(out, {game, {pure}, "lh", "Lemke-Howson"});
  CHECK(out.str() ==
        "{\n"
        "  \"game\": \"\",\n"
        "  \"players\": [\"R\", \"C\"],\n"
        "  \"strategies\": {\n    \"R\": [\"r\"],\n    \"C\": [\"x\", \"y\"]\n  },\n"
        "  \"method\": \"lh\",\n"
        "  \"verification\": {\n    \"kind\": \"relative\",\n    \"max_regret\": 0\n  },\n"
        "  \"rejected_candidates\": 0,\n"
        "  \"equilibria\": [\n"
        "    {\n"
        "      \"probabilities\": {\n        \"R\": [1],\n"
        "        \"C\": [0, 1]\n      },\n"
        "      \"payoffs\": {\n        \"R\": 2,\n        \"C\": 2\n      }\n"
        "    }\n"
        "  ],\n"
        "  \"nash_subsets\": null\n"
        "}\n");
}

TEST_CASE("the nash report lists the maximal Nash subsets by their members", "[io][report][nash]") {
  // The 1 x 2 coordination game above with both columns paying 0: every profile is an
  // equilibrium, one convex set with the two pure profiles as its extreme points.
  const BimatrixGame game(Eigen::MatrixXd::Zero(1, 2), Eigen::MatrixXd::Zero(1, 2), {"R", "C"},
                          {std::vector<std::string>{"r"}, std::vector<std::string>{"x", "y"}}, "");
  const MixedProfile left{Eigen::VectorXd::Ones(1), Eigen::Vector2d(1.0, 0.0)};
  const MixedProfile right{Eigen::VectorXd::Ones(1), Eigen::Vector2d(0.0, 1.0)};
  io::NashReport report{game, {left, right}, "enum", "by hand"};
  report.nash_subsets = std::vector<std::vector<int>>{{0, 1}};
  std::ostringstream table;
  io::write_nash_table(table, report);
  CHECK_THAT(table.str(), Catch::EndsWith("\n1 maximal Nash subset (convex sets of equilibria: every mixture of one "
                                          "set's members is an equilibrium)\n  1: equilibria 1, 2\n"));
  std::ostringstream json;
  io::write_nash_json(json, report);
  CHECK_THAT(json.str(), Catch::EndsWith("\"nash_subsets\": [\n    [\n      0,\n      1\n    ]\n  ]\n}\n"));
  // Two isolated equilibria say so in one line.
  report.nash_subsets = std::vector<std::vector<int>>{{0}, {1}};
  table.str("");
  io::write_nash_table(table, report);
  CHECK_THAT(table.str(), Catch::EndsWith("\nEvery equilibrium is isolated: no mixture of two of them is an equilibrium\n"));
}

TEST_CASE("the nash table says how the equilibria were verified and how many candidates failed",
          "[io][report][nash]") {
  const BimatrixGame game = nash_report_pennies();
  MixedProfile half{Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)};
  io::NashReport report{game, {half}, "enum", "by hand"};
  report.verification = "exact";
  report.rejected_candidates = 2;
  // Exact values: the fractions (and payoffs) come from them, not from the doubles.
  io::NashReport::ExactValues exact;
  exact.probabilities = {std::vector<std::string>{"1/2", "1/2"}, std::vector<std::string>{"1/2", "1/2"}};
  exact.payoff_fractions = {"0", "0"};
  report.exact.push_back(exact);
  std::ostringstream out;
  io::write_nash_table(out, report);
  CHECK_THAT(out.str(), Catch::Contains("1 equilibrium (by hand)\n"
                                        "Verified exactly (rational arithmetic): every regret is 0\n"
                                        "2 candidates were rejected as no equilibrium: the solver pivots in "
                                        "floating point and misjudged this game, so it may have equilibria this "
                                        "list lacks\n"));
  std::ostringstream json;
  io::write_nash_json(json, report);
  CHECK_THAT(json.str(), Catch::Contains("\"kind\": \"exact\""));
  CHECK_THAT(json.str(), Catch::Contains("\"rejected_candidates\": 2,"));
}
