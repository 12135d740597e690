// `parley run`'s writers on a report: the JSON holds the summary's doubles under DESIGN 4's
// names, the CSV row its columns, the table the scenario's words.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <utility>

#include "../../support/flat_json.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/report/run_report_writers.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;

namespace {

// A short run of `name`, kept alive with its simulation for the report's references.
struct ReportedRun {
  explicit ReportedRun(const std::string& name, std::int64_t runs = 120)
      : ReportedRun(io::load_scenario(name), runs) {}
  ReportedRun(Scenario loaded, std::int64_t runs) : scenario(std::move(loaded)), simulation(scenario) {
    RunOptions options;
    options.runs = runs;
    options.seed = 5;
    summary = simulate(simulation, options);
  }
  Scenario scenario;
  Simulation simulation;
  RunSummary summary;
  [[nodiscard]] io::RunReport report() const { return {simulation, summary}; }
};

// The header and the values of a one-row CSV, split at commas (no field here is quoted).
std::vector<std::vector<std::string>> csv_lines(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.emplace_back();
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) lines.back().push_back(field);
  }
  return lines;
}

}  // namespace

TEST_CASE("write_run_json: the summary's doubles, every metric among them", "[report]") {
  const ReportedRun run("ukraine-2025");
  std::ostringstream out;
  io::write_run_json(out, run.report());
  const auto json = testing::FlatJson::parse(out.str());
  const RunSummary& s = run.summary;
  CHECK(json.at("scenario").text == "ukraine-2025");
  CHECK(json.at("runs").number == 120);
  CHECK(json.at("outcomes_ci95.settled[1]").number == s.settled.ci95.high);
  CHECK(json.at("duration.histogram[3]").number == static_cast<double>(s.duration.histogram[3]));
  CHECK(json.at("parties.russia.strategy.name").text == run.simulation.strategy(0).name);
  CHECK(json.at("final_terms.territory.mean").number == s.outcome_terms[0].amount.mean);
  CHECK(json.at("settlements").number == static_cast<double>(s.settled.count));
  for (const auto& metric : run.report().metrics()) {
    INFO(metric.name);
    REQUIRE(json.count(metric.name) == 1);
    if (s.settled.count > 0 || metric.name.rfind("terms.", 0) != 0) CHECK(json.at(metric.name).number == metric.value);
  }
}

TEST_CASE("write_run_csv: one row, named as the JSON names it", "[report]") {
  const ReportedRun run("ukraine-2025");
  std::ostringstream out;
  io::write_run_csv(out, run.report());
  const auto lines = csv_lines(out.str());
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[0].size() == lines[1].size());
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < lines[0].size(); ++i) row[lines[0][i]] = lines[1][i];
  const RunSummary& s = run.summary;
  CHECK(row.at("scenario") == "ukraine-2025");
  CHECK(row.at("outcomes.collapse_b.ci95_low") == io::format_shortest(s.collapse_b.ci95.low));
  CHECK(row.at("parties.ukraine.utility.mean") == io::format_shortest(s.utility[1].mean));
  CHECK(row.at("settlement_period.mean") == io::format_shortest(s.settlement_period.mean));
  // Every terms column but the ordinal mean levels, with the metric row's names.
  for (const auto& metric : run.report().metrics())
    if (metric.name.rfind("terms.", 0) == 0 && metric.name.find(".mean_level") == std::string::npos)
      CHECK(row.count(metric.name) == 1);
}

TEST_CASE("write_run_table: the scenario's words and the summary's numbers", "[report]") {
  const ReportedRun war("ukraine-2025");
  std::ostringstream out;
  io::write_run_table(out, war.report());
  const std::string text = out.str();
  CHECK(text.find("120 runs, seed 5") != std::string::npos);
  CHECK(text.find(io::collapse_label(war.scenario, true)) != std::string::npos);
  CHECK(text.find(io::format_fixed(war.summary.utility[0].mean, 3)) != std::string::npos);
  CHECK(text.find(io::strategy_label(war.simulation.strategy(1))) != std::string::npos);
  CHECK(text.find("sovereignty") != std::string::npos);

  // Without a battlefield: no collapses, "no deal by" the horizon.
  const ReportedRun talks("rubinstein", 20);
  std::ostringstream plain;
  io::write_run_table(plain, talks.report());
  CHECK(plain.str().find("collapses") == std::string::npos);
  CHECK(plain.str().find("no deal by " + talks.scenario.period_unit + " " + std::to_string(talks.scenario.horizon)) !=
        std::string::npos);
}

TEST_CASE("run's writers: whether the peace lasts, only with a durability section", "[report][durability]") {
  // `--set durability.hazard=0.01`: settlements may break (DESIGN 1.10).
  Scenario durable = io::load_scenario("ukraine-2025");
  DurabilityParams section;
  section.base_hazard = 0.01;
  durable.durability = section;
  const ReportedRun run(durable, 300);
  const RunSummary& s = run.summary;
  REQUIRE(s.durable);
  REQUIRE(s.broke.count > 0);

  std::ostringstream json_text;
  io::write_run_json(json_text, run.report());
  const auto json = testing::FlatJson::parse(json_text.str());
  CHECK(json.at("durability.held").number == s.held.p);
  CHECK(json.at("durability.broke").number == s.broke.p);
  CHECK(json.at("durability.ci95.renewed[1]").number == s.renewed.ci95.high);
  CHECK(json.at("durability.breakdowns.mean").number == s.breakdowns.mean);
  CHECK(json.at("durability.peace_periods.ci95[0]").number == s.peace_periods.ci95.low);
  CHECK(json.at("durability.fighting_periods.mean").number == s.duration.mean.mean);
  std::size_t durability_metrics = 0;
  for (const auto& metric : run.report().metrics()) {
    INFO(metric.name);
    REQUIRE(json.count(metric.name) == 1);
    if (metric.name.rfind("durability.", 0) == 0) ++durability_metrics;
  }
  CHECK(durability_metrics == 8);
  CHECK(json.at("durability.signed").number == s.signed_agreement.p);
  REQUIRE(s.signed_agreement.count > 0);
  CHECK(json.at("durability.first_agreement_period.median").number ==
        histogram_quantile(s.first_agreement_periods, 1, 2));

  std::ostringstream csv_text;
  io::write_run_csv(csv_text, run.report());
  const auto lines = csv_lines(csv_text.str());
  REQUIRE(lines.size() == 2);
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < lines[0].size(); ++i) row[lines[0][i]] = lines[1][i];
  CHECK(row.at("durability.broke") == io::format_shortest(s.broke.p));
  CHECK(row.at("durability.held.ci95_high") == io::format_shortest(s.held.ci95.high));
  CHECK(row.at("durability.peace_periods.mean") == io::format_shortest(s.peace_periods.mean));

  std::ostringstream table;
  io::write_run_table(table, run.report());
  CHECK(table.str().find("Whether the peace lasts") != std::string::npos);
  CHECK(table.str().find("a peace broke at least once") != std::string::npos);
  CHECK(table.str().find(io::format_fixed(s.broke.p, 3)) != std::string::npos);

  // Without the section: no key, no row, no metric.
  Scenario final_settlements = io::load_scenario("ukraine-2025");
  final_settlements.durability.reset();
  const ReportedRun plain(final_settlements, 300);
  std::ostringstream plain_json, plain_csv, plain_table;
  io::write_run_json(plain_json, plain.report());
  io::write_run_csv(plain_csv, plain.report());
  io::write_run_table(plain_table, plain.report());
  CHECK(plain_json.str().find("durability") == std::string::npos);
  CHECK(plain_csv.str().find("durability") == std::string::npos);
  CHECK(plain_table.str().find("peace lasts") == std::string::npos);
  for (const auto& name : io::RunReport::metric_names(plain.scenario)) CHECK(name.rfind("durability.", 0) != 0);
}
