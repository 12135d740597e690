// `parley run` end to end (DESIGN 4): every output format on the default scenario, the same
// numbers as the library, byte-identical JSON whatever the thread count, and --trace.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/scenario/builtin_scenarios.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;
using namespace parley::testing;

namespace {

RunSummary library_run(std::int64_t runs, std::uint64_t seed) {
  const Scenario sc = io::load_scenario(std::string(io::default_scenario_name));
  RunOptions options;
  options.runs = runs;
  options.seed = seed;
  options.threads = 1;
  return simulate(sc, options);
}

}  // namespace

TEST_CASE("parley run: the default scenario in JSON, with the library's numbers", "[engine]") {
  const CliResult r = run_cli("run --runs 300 --seed 3 --threads 1 --format json");
  REQUIRE(r.exit_code == 0);
  const auto json = FlatJson::parse(r.out);
  const RunSummary s = library_run(300, 3);
  CHECK(json.at("scenario").text == std::string(io::default_scenario_name));
  CHECK(json.at("runs").number == 300);
  CHECK(json.at("seed").number == 3);
  // Shortest round-trip numbers: the JSON holds the library's doubles exactly.
  CHECK(json.at("outcomes.settled").number == s.settled.p);
  CHECK(json.at("outcomes.collapse_a").number == s.collapse_a.p);
  CHECK(json.at("outcomes.collapse_b").number == s.collapse_b.p);
  CHECK(json.at("outcomes.frozen").number == s.frozen.p);
  CHECK(json.at("duration.mean").number == s.duration.mean.mean);
  CHECK(json.at("duration.median").number == s.duration.median);
  CHECK(json.at("duration.p10").number == s.duration.p10);
  CHECK(json.at("duration.p90").number == s.duration.p90);
  CHECK(json.at("parties.russia.utility.mean").number == s.utility[0].mean);
  CHECK(json.at("parties.ukraine.utility.ci95[1]").number == s.utility[1].ci95.high);
  CHECK(json.at("terms.territory.mean").number == s.settlement_terms[0].amount.mean);
  CHECK(json.at("terms.guarantee.levels.us_guarantee").number == s.settlement_terms[1].level_frequencies[2]);
  CHECK(json.at("terms.plan.clauses.sovereignty").number == s.settlement_terms[3].clause_frequencies[0]);
}

TEST_CASE("parley run: the table and the CSV row of the default scenario", "[engine]") {
  const RunSummary s = library_run(200, 5);
  const CliResult table = run_cli("run --runs 200 --seed 5 --threads 2");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find(io::format_fixed(s.settled.p, 3)) != std::string::npos);
  CHECK(table.out.find(io::format_fixed(s.utility[1].mean, 3)) != std::string::npos);
  CHECK(table.out.find("median " + std::to_string(s.duration.median)) != std::string::npos);
  CHECK(table.out.find("sovereignty") != std::string::npos);

  const CliResult csv = run_cli("run --runs 200 --seed 5 --format csv");
  REQUIRE(csv.exit_code == 0);
  const auto newline = csv.out.find('\n');
  const std::string header = csv.out.substr(0, newline);
  const std::string row = csv.out.substr(newline + 1);
  const auto field = [](const std::string& line, std::size_t index) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < index; ++i) start = line.find(',', start) + 1;
    return line.substr(start, line.find_first_of(",\n", start) - start);
  };
  std::size_t column = 0;
  for (std::size_t pos = 0; header.substr(pos, header.find(',', pos) - pos) != "outcomes.settled"; ++column)
    pos = header.find(',', pos) + 1;
  CHECK(std::stod(field(row, column)) == s.settled.p);
}

TEST_CASE("parley run: one thread or two, the same JSON byte for byte", "[engine]") {
  const CliResult one = run_cli("run --runs 700 --seed 8 --threads 1 --format json");
  const CliResult two = run_cli("run --runs 700 --seed 8 --threads 2 --format json");
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  CHECK(one.out == two.out);
  const CliResult other = run_cli("run --runs 700 --seed 9 --threads 2 --format json");
  CHECK(other.out != one.out);
}

TEST_CASE("parley run --trace: the episode of run 0, in words and in JSON", "[engine]") {
  const Scenario sc = io::load_scenario(std::string(io::default_scenario_name));
  const Simulation simulation(sc);
  EpisodeRunner runner(simulation);
  const EpisodeResult r = runner.run(4, 0, 0);
  const std::size_t offers = runner.history().size();

  const CliResult json = run_cli("run --trace --seed 4 --format json");
  REQUIRE(json.exit_code == 0);
  const auto events = FlatJson::parse(json.out);
  std::size_t offer_events = 0, last = 0;
  while (events.count("events[" + std::to_string(last) + "].event")) {
    if (events.at("events[" + std::to_string(last) + "].event").text == "offer") ++offer_events;
    ++last;
  }
  REQUIRE(last > 0);
  const std::string end = "events[" + std::to_string(last - 1) + "]";
  CHECK(events.at(end + ".event").text == "end");
  CHECK(events.at(end + ".outcome").text == to_string(r.outcome));
  CHECK(events.at(end + ".period").number == r.period);
  CHECK(events.at(end + ".payoffs.ukraine").number == r.payoffs[1]);
  CHECK(offer_events == offers);

  const CliResult text = run_cli("run --trace --seed 4");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Payoffs") != std::string::npos);
  CHECK(text.out.find(io::format_fixed(r.payoffs[0], 3)) != std::string::npos);
  CHECK(text.out.find("proposes") != std::string::npos);
  CHECK(text.out.find("fighting on is worth") != std::string::npos);
}

TEST_CASE("parley run: usage and input errors", "[engine]") {
  CHECK(run_cli("run --trace --format csv").exit_code == 2);
  CHECK(run_cli("run --runs 0").exit_code == 2);
  CHECK(run_cli("run no-such-scenario").exit_code == 1);
  const CliResult bad = run_cli("run --set parties.russia.strategy=no_such_strategy");
  CHECK(bad.exit_code == 1);
  CHECK_FALSE(bad.err.empty());
}
