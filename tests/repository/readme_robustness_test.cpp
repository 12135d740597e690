// The README's robustness tables (issue 16) are the program's output, not prose that drifts:
// every block `<!-- robustness: ARGS -->` holds exactly the robustness section of `parley ARGS`
// (tools/readme_robustness.py rewrites them).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "../support/cli_runner.hpp"

using namespace parley::testing;

TEST_CASE("README: every robustness table is what the program prints", "[robustness][cli][docs]") {
  const std::string readme = read_text(std::filesystem::path(PARLEY_SOURCE_DIR) / "README.md");
  const std::string open = "<!-- robustness: ";
  int blocks = 0;
  for (std::size_t at = readme.find(open); at != std::string::npos; at = readme.find(open, at + 1)) {
    const std::size_t args_end = readme.find(" -->\n", at);
    REQUIRE(args_end != std::string::npos);
    const std::string args = readme.substr(at + open.size(), args_end - at - open.size());
    const std::size_t body = args_end + 5;
    const std::size_t close = readme.find("<!-- /robustness -->", body);
    REQUIRE(close != std::string::npos);
    const std::string fence = "```text\n";
    REQUIRE(readme.compare(body, fence.size(), fence) == 0);
    const std::string shown = readme.substr(body + fence.size(), close - body - fence.size() - 4);  // "```\n"

    INFO("parley " << args << " (rewrite with tools/readme_robustness.py)");
    const CliResult r = run_cli(args);
    REQUIRE(r.exit_code == 0);
    const std::size_t section = r.out.find("Robustness:");
    REQUIRE(section != std::string::npos);
    CHECK(r.out.substr(section) == shown);
    ++blocks;
  }
  CHECK(blocks >= 2);
}
