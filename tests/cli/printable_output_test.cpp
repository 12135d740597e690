// Escape bytes from the input (issue 18: a title holding ESC [ 2 J cleared the reader's
// terminal) are shown as text (`\x1b`) in text tables and in the messages the program prints.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"
#include "../support/titled_scenario.hpp"

using parley::testing::minimal_scenario_titled;
using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::write_text;

TEST_CASE("escape bytes of a title are shown as text in tables and diagnostics", "[cli][printable]") {
  const TempFolder folder("input-bytes");
  const auto path = minimal_scenario_titled(folder, "\"Red \\e[31m title\"");  // YAML's \e is ESC
  auto r = run_cli("describe '" + path + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("Red \\x1b[31m title"));
  for (const std::string command : {"analyze", "solve", "run --runs 20 --threads 1"}) {
    INFO(command);
    r = run_cli(command + " '" + path + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
  }
  // JSON keeps the title as data, escaped as JSON escapes it.
  r = run_cli("describe --format json '" + path + "'");
  CHECK_THAT(r.out, Catch::Contains("Red \\u001b[31m title"));

  // A diagnostic quoting the input (here an unknown key holding ESC) shows it as text.
  const auto bad = folder.file("bad.yaml");
  write_text(bad, read_text(std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml") + "\"colour\\e[2J\": 1\n");
  r = run_cli("validate '" + bad + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("colour\\x1b[2J"));
  // And so do messages that are not diagnostics, e.g. an unknown command.
  r = run_cli("$(printf 'bad\\033[2Jcommand')");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("bad\\x1b[2Jcommand"));
}
