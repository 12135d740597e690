// A scenario file that is not UTF-8 (issue 18: a title holding byte 0xFF made `--format json`
// print invalid JSON) is refused with an error at the byte, naming its key.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/titled_scenario.hpp"

using parley::testing::minimal_scenario_titled;
using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;

namespace {

int utf8_line_of(const std::string& text, const std::string& what) {
  const auto at = text.find(what);
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

TEST_CASE("a scenario that is not UTF-8 is refused at the byte, with its key", "[cli][utf8]") {
  const TempFolder folder("input-bytes");
  const auto path = minimal_scenario_titled(folder, "\"War \xFF title\"");
  const int line = utf8_line_of(read_text(path), "title:");
  for (const std::string command : {"validate", "describe --format json"}) {
    INFO(command);
    const auto r = run_cli(command + " '" + path + "'");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(path + ":" + std::to_string(line) + ":13: error: title: invalid UTF-8 (byte 0xFF)"));
    CHECK(r.out.find('\xFF') == std::string::npos);
  }
  // Valid UTF-8 is read and written as it is.
  const auto good = minimal_scenario_titled(folder, "\"Україна \xE2\x80\x94 Zürich\"");
  const auto r = run_cli("describe --format json '" + good + "'");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"title\": \"Україна \xE2\x80\x94 Zürich\""));
}
