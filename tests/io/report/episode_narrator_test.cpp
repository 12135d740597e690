// The narration of one episode: the events in the scenario's words, and as JSON objects.
#include <catch2/catch.hpp>

#include <sstream>

#include "../../support/flat_json.hpp"
#include "parley/engine/episode_runner.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/report/episode_narrator.hpp"
#include "parley/io/report/run_report.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;

TEST_CASE("EpisodeNarrator words the fighting and the end", "[report]") {
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const Simulation simulation(scenario);
  std::ostringstream out;
  io::EpisodeNarrator narrator(out, simulation);
  const int n = scenario.battlefield->states;
  const std::string holder = scenario.parties[static_cast<std::size_t>(scenario.side_a())].name;
  narrator.on_fighting(3, 5, 5);
  narrator.on_fighting(4, 5, 6);
  std::string unit = scenario.period_unit;
  unit[0] = static_cast<char>(unit[0] - 'a' + 'A');
  CHECK(out.str() == unit + " 3: fighting, the front holds at 5 of " + std::to_string(n) + " (" + holder + " holds " +
                         io::percent_text(5.0 / n) + ")\n" + unit + " 4: fighting, the front moves to 6 of " +
                         std::to_string(n) + " (" + holder + " holds " + io::percent_text(6.0 / n) + ")\n");
}

TEST_CASE("write_episode_trace: run 0 of the seed, in words and in JSON", "[report]") {
  const Scenario scenario = io::load_scenario("ukraine-2025");
  const Simulation simulation(scenario);
  EpisodeRunner runner(simulation);
  const EpisodeResult r = runner.run(4, 0, 0);

  std::ostringstream json_text;
  io::write_episode_trace(json_text, simulation, 4, io::TraceFormat::json);
  const auto json = testing::FlatJson::parse(json_text.str());
  CHECK(json.at("seed").number == 4);
  CHECK(json.at("events[0].event").text == "talks");
  std::size_t last = 0;
  while (json.count("events[" + std::to_string(last + 1) + "].event")) ++last;
  const std::string end = "events[" + std::to_string(last) + "]";
  CHECK(json.at(end + ".event").text == "end");
  CHECK(json.at(end + ".outcome").text == to_string(r.outcome));
  CHECK(json.at(end + ".payoffs.russia").number == r.payoffs[0]);

  std::ostringstream text;
  io::write_episode_trace(text, simulation, 4, io::TraceFormat::text);
  CHECK(text.str().rfind(scenario.title + " (ukraine-2025): one episode, run 0 of seed 4", 0) == 0);
  CHECK(text.str().find("Payoffs (discounted, net of the costs of war): " + scenario.parties[0].name + " " +
                        io::format_fixed(r.payoffs[0], 3)) != std::string::npos);
}

TEST_CASE("EpisodeNarrator words a breakdown of the peace, by the hazard or renewed at will", "[report][durability]") {
  Scenario scenario = io::load_scenario("ukraine-2025");
  scenario.durability = DurabilityParams{};
  scenario.durability->base_hazard = 0.01;
  const Simulation simulation(scenario);
  std::ostringstream out;
  io::EpisodeNarrator narrator(out, simulation);
  const int n = scenario.battlefield->states;
  const std::string holder = scenario.parties[static_cast<std::size_t>(scenario.side_a())].name;
  const std::string line = "14 of " + std::to_string(n) + " (" + holder + " holds " + io::percent_text(14.0 / n) + ")";
  std::string unit = scenario.period_unit;
  unit[0] = static_cast<char>(unit[0] - 'a' + 'A');

  PeaceBreakdown hazard;
  hazard.settled_at = 12;
  hazard.period = 40;
  hazard.hazard = 0.01;
  hazard.line = 14;
  narrator.on_breakdown(hazard);
  CHECK(out.str() == unit + " 40: the peace of " + scenario.period_unit + " 12 breaks (hazard 0.010 a " +
                         scenario.period_unit + "); war resumes from the line at " + line + "\n");

  out.str("");
  const std::vector<std::size_t> russia{0};
  PeaceBreakdown renewal = hazard;
  renewal.period = 12;
  renewal.renewers = russia;
  narrator.on_breakdown(renewal);
  CHECK(out.str() == unit + " 12: " + scenario.parties[0].name +
                         " renews the war at will: the peace never starts; war resumes from the line at " + line + "\n");

  // The JSON trace has a breakdown event when the episode has one (seed 1 of this scenario
  // with a guarantee that shifts the renewed war renews it at will).
  DurabilityTerm guarantee;
  guarantee.issue = 1;
  guarantee.level = 2;
  guarantee.hazard_multiplier = 0.3;
  guarantee.advantage_shift = -0.2;
  guarantee.cost_shift.assign(scenario.parties.size(), 0.0);
  guarantee.cost_shift[0] = 0.0005;
  scenario.durability->terms.push_back(guarantee);
  const Simulation shifted(scenario);
  EpisodeRunner runner(shifted);
  const EpisodeResult r = runner.run(1, 0, 0);
  REQUIRE(r.breakdowns > 0);
  std::ostringstream json_text;
  io::write_episode_trace(json_text, shifted, 1, io::TraceFormat::json);
  const auto json = testing::FlatJson::parse(json_text.str());
  std::size_t breakdowns = 0, last = 0;
  for (std::size_t e = 0; json.count("events[" + std::to_string(e) + "].event"); ++e) {
    last = e;
    if (json.at("events[" + std::to_string(e) + "].event").text == "breakdown") ++breakdowns;
  }
  CHECK(breakdowns == static_cast<std::size_t>(r.breakdowns));
  CHECK(json.at("events[" + std::to_string(last) + "].breakdowns").number == r.breakdowns);
  CHECK(json.at("events[" + std::to_string(last) + "].peace_periods").number == r.peace_periods);
}
