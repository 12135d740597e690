// The `parley solve` writers on bargaining games solved by hand. One round of offers is the
// ultimatum game: the proposer takes the whole pie less the responder's reservation.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../agents/test_scenarios.hpp"
#include "parley/io/report/solve_report.hpp"

using namespace parley;

namespace {

bool solve_report_has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("in the ultimatum game the proposer's offer leaves the responder its reservation", "[io][report][solve]") {
  const Scenario pie = testing::pie_scenario(1, testing::Side{}, testing::Side{}, 0.0, 0.25);
  const AgreementSpace space(pie);
  const BargainingEquilibrium eq = BargainingEquilibrium::solve(pie, space, {});
  const io::SolveReport report = io::make_solve_report(pie, space, eq, -1);
  CHECK(report.period == 0);
  REQUIRE(report.war_value.size() == 2);
  CHECK(report.war_value[1] == 0.25);
  CHECK(io::path_offer(eq, 0, eq.start_state()) == 0);

  std::ostringstream table;
  io::write_solve_table(table, report);
  const std::string text = table.str();
  INFO(text);
  CHECK(text.rfind("pie - subgame-perfect equilibrium under complete information\n\n"
                   "alternating talks every period: the proposers take turns in the order of protocol.order.\n",
                   0) == 0);
  CHECK(solve_report_has(text, "  agreement                    1.0000\n"));
  CHECK(solve_report_has(text, "  b (b)  belligerent       0.2500   0.2500   0.0000\n"));
  CHECK(solve_report_has(text, "  a (a) proposes; it is accepted\n  utilities: a 0.7500 b 0.2500\n  pie = 0.750\n"));

  std::ostringstream csv;
  io::write_solve_csv(csv, report);
  CHECK(csv.str() ==
        "period,state,share,settlement_probability,proposer,stage,probability,feasible,settles,value.a,value.b,"
        "offer.a,offer.b,terms.pie\n"
        "0,0,0,1,a,0,1,true,true,0.75,0.25,0.75,0.25,0.75\n");
}

TEST_CASE("an issue's cell is its amount, level or clauses", "[io][report][solve]") {
  const Scenario pie = testing::pie_scenario(1, testing::Side{}, testing::Side{});
  Agreement x = pie.status_quo();
  x.amounts[0] = 0.125;
  CHECK(io::issue_cell(pie, 0, x, false) == "0.125");
  x.amounts[0] = 1.0 / 3.0;
  CHECK(io::issue_cell(pie, 0, x, false) == "0.333");
  CHECK(io::issue_cell(pie, 0, x, true) == "0.3333333333333333");
}
