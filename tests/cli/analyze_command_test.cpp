// `parley analyze`: each output format carries the analysis (the war values, the zone, the
// bargaining solutions, the plan held against fighting on), against the library's own numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "../support/cli_runner.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;

namespace {

/// `parley ARGS`: standard output, then standard error.
std::string cli_output(const std::string& arguments) {
  const auto r = parley::testing::run_cli(arguments);
  return r.out + r.err;
}

}  // namespace

TEST_CASE("parley analyze writes every format", "[solve][analysis][cli]") {
  const std::string json = cli_output("analyze fearon --format json");
  CHECK(json.find("\"war_value\": {\n    \"a\": 0.5") != std::string::npos);
  CHECK(json.find("\"zopa\"") != std::string::npos);
  CHECK(json.find("\"kalai_smorodinsky\"") != std::string::npos);
  const std::string csv = cli_output("analyze ukraine-2025 --format csv");
  const Scenario s = io::load_scenario("ukraine-2025");
  // A header and one row per state 0..N.
  CHECK(static_cast<int>(std::count(csv.begin(), csv.end(), '\n')) == s.battlefield->states + 2);
  CHECK(csv.find("state,share,russia,ukraine,usa,eu,russia_believed,ukraine_believed,usa_believed,eu_believed\n") == 0);
  const std::string plan = cli_output("analyze ukraine-2025");
  CHECK(plan.find("The package United States (usa) tables") != std::string::npos);
  CHECK(cli_output("analyze ukraine-2025 --format json").find("\"proposals\": [") != std::string::npos);
  const std::string table = cli_output("analyze optimism");
  CHECK(table.find("The zone is EMPTY") != std::string::npos);
  CHECK(table.find("mutual optimism") != std::string::npos);
}

