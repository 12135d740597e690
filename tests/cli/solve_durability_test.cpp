// `parley solve` under durability (issue 14): the JSON says whether the reported offer meets
// Powell's commitment problem, on docs/theory.md's toy built from the shipped `fearon`.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"

using namespace parley::testing;

namespace {

// fearon as the toy: an unlinked pie, six periods, costs 0.02 and 0.03, no discounting, and a
// renewed war at advantage `renewed` (fearon's own is 0.2: the threshold is 0.2 + 0.1).
CliResult solve_toy(const std::string& renewed, const std::string& format) {
  return run_cli("solve fearon --set 'issues=[{id: share, kind: continuous, status_quo: 0.5}]' --set horizon=6 "
                 "--set parties.a.cost=0.02 --set parties.b.cost=0.03 --set parties.a.discount=1 "
                 "--set parties.b.discount=1 --set 'durability={hazard: 0, renewed_war: {advantage: " +
                 renewed + "}}' --format " + format);
}

}  // namespace

TEST_CASE("parley solve: the commitment problem in JSON and in words", "[solve][cli][durability]") {
  const CliResult war = solve_toy("0.32", "json");
  REQUIRE(war.exit_code == 0);
  const auto w = FlatJson::parse(war.out);
  CHECK(w.at("settlement_probability").number == 0.0);
  CHECK(w.at("durability.any_self_enforcing").text == "true");
  CHECK(w.at("durability.commitment_problem").text == "true");
  CHECK(w.count("offer.peace") == 1);  // null: nothing can be offered

  const CliResult peace = solve_toy("0.28", "json");
  REQUIRE(peace.exit_code == 0);
  const auto p = FlatJson::parse(peace.out);
  CHECK(p.at("settlement_probability").number == Approx(1.0).margin(1e-12));
  CHECK(p.at("durability.commitment_problem").text == "false");
  CHECK(p.at("offer.peace.self_enforcing").text == "true");
  CHECK(p.at("offer.peace.hazard").number == 0.0);

  const CliResult words = solve_toy("0.32", "table");
  REQUIRE(words.exit_code == 0);
  CHECK(words.out.find("commitment problem") != std::string::npos);
}
