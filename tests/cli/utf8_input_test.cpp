// A scenario file that is not UTF-8 (issue 18: a title holding byte 0xFF made `--format json`
// print invalid JSON) is refused with an error at the byte, naming its key.
#include <catch2/catch.hpp>

#include <string>

#include "../support/cli_runner.hpp"

using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::write_text;

namespace {

const std::string utf8_minimal_scenario = std::string(PARLEY_SOURCE_DIR) + "/tests/data/minimal.yaml";

/// tests/data/minimal.yaml with its title replaced by `title` (raw bytes, written as given).
std::string utf8_scenario_titled(const TempFolder& folder, const std::string& title) {
  std::string text = read_text(utf8_minimal_scenario);
  const auto at = text.find("title: Minimal");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "title: " + title);
  const auto path = folder.file("titled.yaml");
  write_text(path, text);
  return path;
}

int utf8_line_of(const std::string& text, const std::string& what) {
  const auto at = text.find(what);
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

TEST_CASE("a scenario that is not UTF-8 is refused at the byte, with its key", "[cli][utf8]") {
  const TempFolder folder("input-bytes");
  const auto path = utf8_scenario_titled(folder, "\"War \xFF title\"");
  const int line = utf8_line_of(read_text(path), "title:");
  for (const std::string command : {"validate", "describe --format json"}) {
    INFO(command);
    const auto r = run_cli(command + " '" + path + "'");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(path + ":" + std::to_string(line) + ":13: error: title: invalid UTF-8 (byte 0xFF)"));
    CHECK(r.out.find('\xFF') == std::string::npos);
  }
  // Valid UTF-8 is read and written as it is.
  const auto good = utf8_scenario_titled(folder, "\"Україна \xE2\x80\x94 Zürich\"");
  const auto r = run_cli("describe --format json '" + good + "'");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"title\": \"Україна \xE2\x80\x94 Zürich\""));
}
