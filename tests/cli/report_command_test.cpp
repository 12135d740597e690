// `parley report` (issue 17, item 3) as a user runs it: one HTML file with every section, the
// regime map over the battlefield advantage in the scenario's own shape, and clear refusals.
// A real browser loads the pages in tests/report (browser_check.py).
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/temp_folder.hpp"

using namespace parley::testing;

namespace {

std::size_t report_count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("parley report writes one self-contained page with the regime map over the advantage", "[report][cli]") {
  const TempFolder folder("report");
  const std::string page = folder.file("fearon.html");
  const CliResult r = run_cli("report fearon --runs 200 -o '" + page + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  const std::string html = read_text(page);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(report_count(html, "</html>") == 1);
  // Self-contained: nothing fetched, nothing run.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  // Fearon's advantage is a constant: the map varies its value.
  CHECK(html.find("parley compare fearon --across battlefield.advantage.value=-0.5:0.5:11 --runs 200 --seed 1") !=
        std::string::npos);
  // The frontier, the equilibrium's timing, the outcomes, the talks' timing, the map's strips
  // and each player's payoffs by profile.
  CHECK(report_count(html, "<svg") == 7);
  CHECK(report_count(html, "<svg") == report_count(html, "</svg>"));
  CHECK(html.find("Sources and modelling assumptions") != std::string::npos);
  // The robustness of run's, solve's and compare's conclusions, each with its command.
  CHECK(report_count(html, "<h3><code>") == 3);
  CHECK(html.find("parley solve fearon --robustness") != std::string::npos);
  CHECK(html.find("parley compare fearon --runs 200 --seed 1 --robustness") != std::string::npos);
  CHECK(html.find("holds under") != std::string::npos);
}

TEST_CASE("parley report: a schedule's starting advantage, no map without a battlefield, and refusals",
          "[report][cli]") {
  const TempFolder folder("report-args");
  const std::string page = folder.file("page.html");
  const CliResult schedule = run_cli(
      "report fearon --runs 100 --no-robustness --set 'battlefield.advantage={kind: exponential, from: 0.2, limit: 0, "
      "half_life: 4}' -o '" + page + "'");
  INFO(schedule.err);
  REQUIRE(schedule.exit_code == 0);
  CHECK(read_text(page).find("--across battlefield.advantage.from=-0.5:0.5:11") != std::string::npos);

  const CliResult rubinstein = run_cli("report rubinstein --runs 100 --no-robustness -o '" + page + "'");
  REQUIRE(rubinstein.exit_code == 0);
  CHECK(read_text(page).find("has no battlefield, so there is no advantage to map") != std::string::npos);

  const CliResult bad_across = run_cli("report fearon --runs 100 --across battlefield.advantage.value=x,y -o '" + page + "'");
  CHECK(bad_across.exit_code == 2);
  CHECK(bad_across.err.find("parley report: --across") != std::string::npos);
  CHECK(run_cli("report fearon --format json").exit_code == 2);  // one kind of output: HTML
  const CliResult bad_scenario = run_cli("report fearon --set horizon=-3 -o '" + page + "'");
  CHECK(bad_scenario.exit_code == 1);
  CHECK(bad_scenario.err.find("horizon") != std::string::npos);
}
