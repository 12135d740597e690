// The `parley compare` writers on a meta-game made by hand: the prisoner's dilemma, whose one
// equilibrium is mutual defection, with standard errors chosen to make one best reply clear
// and the other a tie at 95% confidence; and a doubling history made by hand.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "../../solve/meta_game_fixtures.hpp"
#include "parley/io/report/compare_report.hpp"

using namespace parley;

namespace {

/// Rows: the row player's cooperate (c) and defect (d); columns the same for the column player.
io::CompareReport prisoners_dilemma(const Scenario& scenario) {
  Eigen::MatrixXd a(2, 2), b(2, 2), se_a(2, 2), se_b(2, 2), settled(2, 2), duration(2, 2);
  a << 3, 0, 5, 1;
  b = a.transpose();
  se_a << 0.1, 0.1, 0.5, 0.1;
  se_b << 0.2, 0.5, 0.2, 0.2;
  settled << 1, 0.5, 0.5, 0.25;
  duration << 2, 3.5, 3.5, 10;
  const std::vector<std::string> cd{"c", "d"};
  BimatrixGame game(a, b, {"a", "b"}, {cd, cd});
  // Best replies of the row player: to c, d (5 vs 3, margin 2 with paired error 0.5); to d, d
  // (1 vs 0, margin 1 with error 0.6: within 1.96 standard errors, a tie at 95%).
  std::vector<BestReply> row{{0, 1, 5.0, 0, 2.0, 0.5, {}}, {1, 1, 1.0, 0, 1.0, 0.6, {{0, 1.0, 0.6}}}};
  std::vector<BestReply> column = row;
  MetaEquilibrium defect{{Eigen::Vector2d(0, 1), Eigen::Vector2d(0, 1)}, {1.0, 1.0}, {{{1}, {1}}}};
  return io::CompareReport{scenario, game,      {"Alice", "Bob"}, {se_a, se_b}, settled, duration, 150, 5,
                           {defect}, {row, column}, {{0}},        AdaptiveHistory{}};
}

/// Clear best replies: every margin far beyond its error, no ties.
void clear_best_replies(io::CompareReport& r) {
  for (auto& replies : r.replies)
    for (BestReply& b : replies) {
      b.margin_standard_error = 0.1;
      b.ties.clear();
    }
}

}  // namespace

TEST_CASE("a strategy's label names its parameters", "[io][report][compare]") {
  CHECK(io::strategy_argument(testing::strategy("prolonged")) == "prolonged");
  CHECK(io::strategy_argument(testing::strategy("prolonged", {{"e", 0.1}, {"beta", 2.0}})) == "prolonged:beta=2:e=0.1");
}

TEST_CASE("the advantage phrase says the battlefield assumption", "[io][report][compare]") {
  const testing::Side side;
  CHECK(io::advantage_phrase(testing::pie_scenario(4, side, side)) == "Without a battlefield");
  CHECK(io::advantage_phrase(testing::war_scenario(testing::front(10, 5, 0.5, 0.2), 4, side, side)) ==
        "Under a constant advantage of +0.20 for a");
  CHECK(io::estimate_with_error(0.25, 0.0125) == "0.2500 (0.0125)");
}

TEST_CASE("the compare summary says a best reply, or an indifference when strategies are tied",
          "[io][report][compare][adaptive]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  io::CompareReport r = prisoners_dilemma(pie);
  auto sentences = io::compare_summary(r);
  REQUIRE(sentences.size() == 6);
  CHECK(sentences[0] ==
        "Without a battlefield, Alice's best reply to a c Bob is d: it expects 5.0000, 2.0000 more than with c "
        "(standard error 0.5000).");
  CHECK(sentences[1] ==
        "Without a battlefield, Alice is indifferent between d and c against a d Bob at 95% confidence: d expects "
        "1.0000, c 1.0000 less (standard error 0.6000), within 1.96 standard errors.");
  // Two best replies are ties of the estimates: the equilibrium is the estimates' (issue 16).
  CHECK(sentences[4] ==
        "The meta-game of the estimated payoffs has one Nash equilibrium: Alice plays d and Bob plays d, expecting "
        "1.0000 and 1.0000.");
  CHECK(sentences[5] ==
        "2 best replies are tied at 95% confidence but not exactly, so the equilibria above are those of the "
        "estimated payoffs and more runs may tell the strategies apart and change them.");
  // An exact tie (the same payoff in every run) is a tie too, and no number of runs undoes it.
  r.replies[0][1].margin = 0.0;
  r.replies[0][1].margin_standard_error = 0.0;
  r.replies[0][1].ties = {{0, 0.0, 0.0}};
  sentences = io::compare_summary(r);
  CHECK(sentences[1] == "Without a battlefield, Alice is indifferent between d and c against a d Bob: both pay the "
                        "same in every run.");
  CHECK(sentences[5].rfind("1 best reply is tied at 95% confidence but not exactly", 0) == 0);
  std::ostringstream json;
  io::write_compare_json(json, r);
  CHECK(json.str().find("\"ties\": [\n          {\n            \"strategy\": \"c\",\n            \"margin\": 0,\n"
                        "            \"margin_standard_error\": 0,\n            \"exact\": true\n") != std::string::npos);
}

TEST_CASE("the compare summary calls the equilibria those of the estimated payoffs", "[io][report][compare]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  io::CompareReport clear = prisoners_dilemma(pie);
  clear_best_replies(clear);
  const auto sentences = io::compare_summary(clear);
  REQUIRE(sentences.size() == 5);
  CHECK(sentences[1] ==
        "Without a battlefield, Alice's best reply to a d Bob is d: it expects 1.0000, 1.0000 more than with c "
        "(standard error 0.1000).");
  CHECK(sentences[4] == "The meta-game of the estimated payoffs has one Nash equilibrium: Alice plays d and Bob plays "
                        "d, expecting 1.0000 and 1.0000.");
  std::ostringstream json;
  io::write_compare_json(json, clear);
  CHECK(json.str().find("\"statistical_ties\": 0,") != std::string::npos);
  std::ostringstream open;
  io::write_compare_json(open, prisoners_dilemma(pie));
  CHECK(open.str().find("\"statistical_ties\": 2,") != std::string::npos);
}

TEST_CASE("the compare CSV has one row per profile", "[io][report][compare]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  std::ostringstream out;
  io::write_compare_csv(out, prisoners_dilemma(pie));
  CHECK(out.str() ==
        "a,b,payoff.a,standard_error.a,payoff.b,standard_error.b,settled,mean_duration\n"
        "c,c,3,0.1,3,0.2,1,2\n"
        "c,d,0,0.1,5,0.5,0.5,3.5\n"
        "d,c,5,0.5,0,0.2,0.5,3.5\n"
        "d,d,1,0.1,1,0.2,0.25,10\n");
}

TEST_CASE("the compare table shows payoffs with their standard errors and the equilibria", "[io][report][compare]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  std::ostringstream out;
  io::write_compare_table(out, prisoners_dilemma(pie));
  const std::string text = out.str();
  INFO(text);
  CHECK(text.rfind("pie - strategy meta-game\n150 runs per profile, seed 5, common random numbers", 0) == 0);
  CHECK(text.find("  a \\ b                                 c                                 d\n") != std::string::npos);
  CHECK(text.find("  c      3.0000 (0.1000), 3.0000 (0.2000)  0.0000 (0.1000), 5.0000 (0.5000)\n") != std::string::npos);
  CHECK(text.find("  d      0.500, 3.5 periods  0.250, 10.0 periods\n") != std::string::npos);
  CHECK(text.find("Nash equilibria of the meta-game (1, by vertex enumeration)\n") != std::string::npos);
  CHECK(text.find("  1  a       d              1.0000  1.0000\n") != std::string::npos);
  CHECK(text.find("     b       d              1.0000  1.0000\n") != std::string::npos);
}

TEST_CASE("the compare JSON gives the equilibria's supports by label", "[io][report][compare]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  std::ostringstream out;
  io::write_compare_json(out, prisoners_dilemma(pie));
  const std::string text = out.str();
  CHECK(text.find("\"runs\": 150,\n  \"seed\": 5,") != std::string::npos);
  CHECK(text.find("\"support\": {\n        \"a\": [\n          \"d\"\n        ],") != std::string::npos);
  CHECK(text.find("\"runner_up\": \"c\",\n        \"margin\": 2,\n        \"margin_standard_error\": 0.5") !=
        std::string::npos);
}

TEST_CASE("the compare report says when several equilibria span one convex set", "[io][report][compare]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  io::CompareReport r = prisoners_dilemma(pie);
  clear_best_replies(r);  // the sets are the point here
  // Pretend b was indifferent at d: (d, c) and (d, d) both equilibria, one segment between them.
  MetaEquilibrium dc{{Eigen::Vector2d(0, 1), Eigen::Vector2d(1, 0)}, {5.0, 0.0}, {{{1}, {0}}}};
  r.equilibria.push_back(dc);
  r.nash_subsets = {{0, 1}};
  auto sentences = io::compare_summary(r);
  REQUIRE(sentences.size() == 8);
  CHECK(sentences[4] ==
        "The meta-game of the estimated payoffs has 2 extreme Nash equilibria in 1 convex set (maximal Nash subsets): every mixture of the "
        "extreme equilibria of one set is an equilibrium too, so the equilibria form a continuum.");
  CHECK(sentences[5] == "Equilibria 1 and 2 span one convex set.");
  std::ostringstream table;
  io::write_compare_table(table, r);
  CHECK(table.str().find("Convex sets of equilibria (maximal Nash subsets): {1, 2}\n") != std::string::npos);
  std::ostringstream json;
  io::write_compare_json(json, r);
  CHECK(json.str().find("\"nash_subsets\": [\n    [\n      0,\n      1\n    ]\n  ],") != std::string::npos);

  // The same two equilibria, each its own subset: isolated.
  r.nash_subsets = {{0}, {1}};
  sentences = io::compare_summary(r);
  REQUIRE(sentences.size() == 7);
  CHECK(sentences[4] ==
        "The meta-game of the estimated payoffs has 2 Nash equilibria, each isolated (no mixture of two of them is an equilibrium): with "
        "several, the strategies alone do not settle the question.");
  table.str("");
  io::write_compare_table(table, r);
  CHECK(table.str().find("Convex sets of equilibria") == std::string::npos);
}

namespace {

/// The prisoner's dilemma's report after three looks: at 300 runs Bob was tied between c and d
/// against d (two equilibria), from 600 runs on he was not (one).
io::CompareReport prisoners_dilemma_after_doubling(const Scenario& scenario, AdaptiveStop stop) {
  io::CompareReport r = prisoners_dilemma(scenario);
  clear_best_replies(r);
  const MetaEquilibriumSet settled = testing::one_equilibrium_set(1, 1);
  const MetaEquilibriumSet tied = testing::column_tie_set(1, 1);
  r.history.max_runs = stop == AdaptiveStop::stable ? 2400 : 600;
  r.history.stop = stop;
  r.history.steps = {{300, tied}, {600, settled}};
  if (stop == AdaptiveStop::stable) r.history.steps.push_back({1200, settled});
  r.runs = r.history.steps.back().runs;
  return r;
}

}  // namespace

TEST_CASE("the compare report shows the doubling history, how it stopped, and warns of a change",
          "[io][report][compare][adaptive]") {
  const Scenario pie = testing::pie_scenario(4, testing::Side{}, testing::Side{});
  const io::CompareReport stable = prisoners_dilemma_after_doubling(pie, AdaptiveStop::stable);
  std::ostringstream table;
  io::write_compare_table(table, stable);
  const std::string text = table.str();
  INFO(text);
  CHECK(text.find("\nWarning: the equilibrium set at 95% confidence changed with the number of runs per profile "
                  "(between 300 and 600; 2 equilibria at 300, 1 at 600 and 1 at 1200): fewer runs would have given "
                  "another answer\n") != std::string::npos);
  CHECK(text.find("Equilibrium set at 95% confidence (differences within 1.96 paired standard errors are ties), by "
                  "runs per profile\n"
                  "  runs  equilibria  supports (a, b)\n"
                  "  ----  ----------  -----------------\n"
                  "   300           2  (d, c) and (d, d)\n"
                  "   600           1  (d, d)\n"
                  "  1200           1  (d, d)\n"
                  "The set was the same at 600 and 1200 runs per profile.\n") != std::string::npos);
  const auto sentences = io::compare_summary(stable);
  CHECK(sentences.back() ==
        "At 95% confidence, with differences within 1.96 paired standard errors counted as ties, the equilibrium of "
        "(Alice, Bob) is (d, d); the set was the same at 600 and 1200 runs per profile.");
  std::ostringstream json;
  io::write_compare_json(json, stable);
  const std::string j = json.str();
  CHECK(j.find("\"runs\": 1200,\n  \"seed\": 5,\n  \"confidence\": 0.95,\n  \"adaptive\": {\n    \"doubling\": true,\n"
               "    \"stop\": \"stable\",\n") != std::string::npos);
  CHECK(j.find("\"max_runs\": 2400,") != std::string::npos);
  CHECK(j.find("\"runs\": 300,\n        \"equilibria\": 2,\n        \"supports\": [\n          {\n            \"a\": [\n"
               "              \"d\"\n            ],\n            \"b\": [\n              \"c\"\n            ]") !=
        std::string::npos);
  CHECK(j.find("\"b\": [\n            {\n              \"against\": \"c\",\n              \"tied\": [\n                \"d\"\n"
               "              ]\n            },\n            {\n              \"against\": \"d\",\n              \"tied\": [\n"
               "                \"c\",\n                \"d\"\n") != std::string::npos);
  CHECK(j.find("\"code\": \"equilibria_changed_with_runs\"") != std::string::npos);

  // Spent: the budget, not the data, ended the runs.
  const io::CompareReport spent = prisoners_dilemma_after_doubling(pie, AdaptiveStop::budget);
  table.str("");
  io::write_compare_table(table, spent);
  CHECK(table.str().find("The budget of 600 runs per profile was spent before the set settled: more runs "
                         "(--max-runs) may change it.\n") != std::string::npos);
  CHECK(table.str().find("and it had not settled when the budget of 600 runs per profile was spent") !=
        std::string::npos);
  json.str("");
  io::write_compare_json(json, spent);
  CHECK(json.str().find("\"stop\": \"budget\",") != std::string::npos);

  // Fixed runs: one look, no warning, and the summary says stability was not checked.
  io::CompareReport fixed = prisoners_dilemma(pie);
  clear_best_replies(fixed);
  fixed.history.max_runs = 150;
  fixed.history.steps = {{150, spent.history.steps.back().set}};
  table.str("");
  io::write_compare_table(table, fixed);
  CHECK(table.str().find("Warning") == std::string::npos);
  CHECK(table.str().find("The runs were fixed (--fixed-runs), so whether more runs change the set was not checked.\n") !=
        std::string::npos);
  json.str("");
  io::write_compare_json(json, fixed);
  CHECK(json.str().find("\"doubling\": false,\n    \"stop\": \"fixed\",") != std::string::npos);
  CHECK(json.str().find("\"warnings\": [],") != std::string::npos);
  CHECK(io::confidence_percent(0.999) == "99.9%");
  CHECK(io::confidence_percent(0.95) == "95%");
}
