// The page of `parley report` (issue 17) on a bargaining game solved by hand: the ultimatum
// game over a pie of 1 (one period of talks, responder's reservation 0.25), where the Nash
// bargaining solution splits the surplus over d = (0, 0.25) equally: 0.375 to a, 0.625 to b.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/report/html_report.hpp"
#include "parley/io/scenario/scenario_loader.hpp"

using namespace parley;

namespace {

bool page_has(const std::string& page, const std::string& part) { return page.find(part) != std::string::npos; }

/// A report page of `sc` with its equilibrium solved and `runs` simulated runs of seed `seed`, as
/// `parley report` assembles it (no meta-game, no map, no robustness), and what it was made from.
struct SolvedPage {
  ScenarioAnalysis analysis;
  RunSummary summary;
  std::string html;
};

SolvedPage solved_page(const Scenario& sc, std::int64_t runs, std::uint64_t seed, const std::string& regime_note,
                       const std::string& arguments, const std::string& command, const std::string& words,
                       const std::string& assumptions) {
  SolvedPage out{analyze_scenario(sc), {}, {}};
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(sc, out.analysis.space, {});
  const io::SolveReport solve = io::make_solve_report(sc, out.analysis.space, eq, -1);
  const Simulation simulation(sc);
  RunOptions options;
  options.runs = runs;
  options.seed = seed;
  out.summary = simulate(simulation, options);
  const io::RunReport run(simulation, out.summary);
  const io::ReportPage page{.scenario = sc,
                            .analysis = out.analysis,
                            .solve = &solve,
                            .solve_error = {},
                            .run = run,
                            .regime_note = regime_note,
                            .robustness = {},
                            .version = "9.9",
                            .scenario_arguments = arguments,
                            .report_command = command,
                            .strategy_arguments = {},
                            .regime_arguments = {},
                            .runs = runs,
                            .seed = seed,
                            .scenario_in_words = words,
                            .stated_assumptions = assumptions};
  std::ostringstream text;
  io::write_report_html(text, page);
  out.html = text.str();
  return out;
}

}  // namespace

TEST_CASE("opening_comment keeps a scenario file's first comment block, without its rules", "[io][report][html]") {
  CHECK(io::opening_comment("# ====\n# Title\n#   indented\n#\n# --\nid: x\n# later\n") == "Title\n  indented\n\n");
  CHECK(io::opening_comment("title: x\n# not opening\n").empty());
  CHECK(io::opening_comment("").empty());
}

TEST_CASE("the report page: every section, the computed packages, escaped words", "[io][report][html]") {
  Scenario pie = testing::pie_scenario(1, testing::Side{}, testing::Side{}, 0.0, 0.25);
  pie.title = "Pie <b>& 'split'</b>";
  const SolvedPage rendered = solved_page(pie, 200, 3, "The scenario has no battlefield.", "pie.yaml",
                                          "parley report pie.yaml -o 'a b.html'", "Parties: a and b <split> a pie.",
                                          "A1 <assumed>");
  const ScenarioAnalysis& analysis = rendered.analysis;
  const RunSummary& summary = rendered.summary;
  const std::string& html = rendered.html;
  INFO(html.substr(0, 2000));
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.size() > 1000);
  CHECK(page_has(html, "</html>\n"));
  CHECK(page_has(html, "<title>Pie &lt;b&gt;&amp; &#39;split&#39;&lt;/b&gt; - Parley report</title>"));
  CHECK_FALSE(page_has(html, "<b>& 'split'"));
  for (const char* id : {"brief", "scenario", "range", "equilibrium", "montecarlo", "regimes", "robustness", "reproduce"})
    CHECK(page_has(html, std::string("id=\"") + id + "\""));
  // The Nash package as analyze computes it, in the package table.
  REQUIRE(analysis.nash);
  CHECK(analysis.nash->utilities[0] == Approx(0.375).margin(1e-9));
  CHECK(page_has(html, "<tr><td>Nash bargaining solution</td><td>0.375</td><td>0.625</td>"));
  // The equilibrium's values against fighting to the end: a takes 0.75, b its reservation.
  CHECK(page_has(html, "<tr><td>a</td><td>0.750</td><td>0.000</td><td>+0.750</td></tr>"));
  CHECK(page_has(html, "<tr><td>b</td><td>0.250</td><td>0.250</td><td>0.000</td></tr>"));
  // The simulated outcomes, as the run computed them.
  CHECK(page_has(html, ">" + io::format_fixed(100.0 * summary.settled.p, 1) + "%</text>"));
  CHECK(page_has(html, ">" + io::format_fixed(100.0 * summary.frozen.p, 1) + "%</text>"));
  // No battlefield: no map, and the page says why; no robustness: the page says so.
  CHECK(page_has(html, "The scenario has no battlefield."));
  CHECK(page_has(html, "--no-robustness"));
  CHECK(page_has(html, "A1 &lt;assumed&gt;"));
  CHECK(page_has(html, "<pre>Parties: a and b &lt;split&gt; a pie.</pre>"));
  CHECK(page_has(html, "parley report pie.yaml -o &#39;a b.html&#39;"));
  CHECK(page_has(html, "parley run pie.yaml --runs 200 --seed 3"));
  // The figures: the frontier, the equilibrium's timing, the outcomes, and the talks' timing
  // when some run settled.
  std::size_t figures = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++figures;
  CHECK(figures == (summary.settled.count > 0 ? 4u : 3u));
}

TEST_CASE("the report page says what each red line does to the range", "[io][report][html]") {
  // The same ultimatum pie (the range gives a [0, 0.75]): b never lets a have more than 0.5, which
  // narrows the range to [0, 0.5]; a cap at 0.9 does not bind.
  Scenario pie = testing::pie_scenario(1, testing::Side{}, testing::Side{}, 0.0, 0.25);
  RedLine binding;
  binding.issue = 0;
  binding.at_most = 0.5;
  RedLine loose;
  loose.issue = 0;
  loose.at_most = 0.9;
  pie.parties[1].red_lines = {binding, loose};
  const ScenarioAnalysis analysis = analyze_scenario(pie);
  REQUIRE(analysis.zopa.exists);
  CHECK(analysis.zopa.sides[0].high == Approx(0.5).margin(1e-12));
  const Simulation simulation(pie);
  RunOptions options;
  options.runs = 20;
  const RunSummary summary = simulate(simulation, options);
  const io::RunReport run(simulation, summary);
  const io::ReportPage page{.scenario = pie,
                            .analysis = analysis,
                            .solve = nullptr,
                            .solve_error = "not asked",
                            .run = run,
                            .regime_note = "none",
                            .robustness = {},
                            .version = "9.9",
                            .scenario_arguments = "pie.yaml",
                            .report_command = "parley report pie.yaml",
                            .strategy_arguments = {},
                            .regime_arguments = {},
                            .runs = 20,
                            .seed = 1,
                            .scenario_in_words = "",
                            .stated_assumptions = ""};
  std::ostringstream out;
  io::write_report_html(out, page);
  const std::string html = out.str();
  CHECK(page_has(html, "What cannot be signed"));
  CHECK(page_has(html, "b&#39;s red line pie: at most 0.5: narrows the range"));
  CHECK(page_has(html, "b&#39;s red line pie: at most 0.9: does not bind"));
}

TEST_CASE("the report page says what comes into force when the first talks fail", "[io][report][html][leverage]") {
  // The default scenario (A12, A13): the plan makes no peace at first, both sides reject it, so
  // both US measures come into force, and Russia presses.
  const Scenario sc = io::load_scenario("ukraine-2025");
  const std::string html = solved_page(sc, 20, 1, "none", "ukraine-2025", "parley report", "", "").html;
  CHECK(page_has(html, "If the first talks fail, until the next round: in force: russia&#39;s advantage +0.050"));
  CHECK(page_has(html, "(Ukraine rejected the plan)"));
  CHECK(page_has(html, "(Russia rejected the plan); Russia presses."));
}
