// The robustness table (issue 16, item 2): which findings change under each change of set-up,
// whether the conclusion survives it, and the same in JSON; a variant that could not be
// evaluated does not survive and says why.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../../support/flat_json.hpp"
#include "parley/io/report/robustness_report.hpp"

using namespace parley;

namespace {

io::RobustnessFindings findings_of(const std::string& end, const std::string& gain) {
  io::RobustnessFindings f;
  f.add("most likely end", end, "P = 0.9");
  f.add("A gains over fighting to the end", gain, "+0.1");
  return f;
}

io::RobustnessCheck three_changes() {
  io::RobustnessCheck check;
  check.base = findings_of("settled at the table", "yes");
  check.rows.push_back({{"horizon halved (T = 5 weeks)", "horizon", {"horizon=5"}, 1.0},
                        findings_of("settled at the table", "yes"), ""});
  check.rows.push_back({{"speaking order b, a", "speaking order", {"protocol.order=[b, a]"}, 1.0},
                        findings_of("A collapses", "no"), ""});
  check.rows.push_back({{"horizon doubled (T = 20 weeks)", "horizon", {"horizon=20"}, 1.0}, std::nullopt,
                        "the horizon is too long"});
  return check;
}

}  // namespace

TEST_CASE("robustness report: what changes, what survives, in a table and in JSON", "[robustness][report]") {
  const io::RobustnessCheck check = three_changes();
  CHECK(io::survives(check, check.rows[0]));
  CHECK_FALSE(io::survives(check, check.rows[1]));
  CHECK(io::changed_findings(check, check.rows[1]) ==
        std::vector<std::string>{"most likely end", "A gains over fighting to the end"});
  CHECK_FALSE(io::survives(check, check.rows[2]));

  std::ostringstream table;
  io::write_robustness_table(table, check);
  const std::string text = table.str();
  CHECK(text.find("most likely end: A collapses; A gains over fighting to the end: no") != std::string::npos);
  CHECK(text.find("not evaluated: the horizon is too long") != std::string::npos);
  CHECK(text.find("The conclusion survives 1 of 3 changes") != std::string::npos);
  CHECK(text.find("1 of 3 changes") < text.find("The conclusion survives"));  // per finding, first

  std::ostringstream json_text;
  io::JsonWriter json(json_text);
  json.begin_object();
  io::write_robustness_json(json, check);
  json.end_object();
  const auto j = testing::FlatJson::parse(json_text.str());
  CHECK(j.at("robustness.survives").number == 1);
  CHECK(j.at("robustness.changes_tried").number == 3);
  CHECK(j.at("robustness.findings[0].value").text == "settled at the table");
  // Each finding holds under the halved horizon only (the other rows change it or fail).
  CHECK(j.at("robustness.findings[0].holds_under").number == 1);
  CHECK(j.at("robustness.findings[1].holds_under").number == 1);
  CHECK(j.count("robustness.changes[0].findings[0].holds_under") == 0);
  CHECK(j.at("robustness.changes[1].set[0]").text == "protocol.order=[b, a]");
  CHECK(j.at("robustness.changes[1].survives").text == "false");
  CHECK(j.at("robustness.changes[1].changed[1]").text == "A gains over fighting to the end");
  CHECK(j.at("robustness.changes[2].error").text == "the horizon is too long");
  CHECK(j.at("robustness.changes[0].findings[1].detail").text == "+0.1");
}
