// A result that cannot be written is a failure (issue 18): to a full device (/dev/full), every
// command that prints a result exits non-zero and says what it could not write, whether the
// result goes to standard output or to the -o file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "../support/cli_runner.hpp"

using parley::testing::run_cli;

TEST_CASE("a result written to a full device is an error, not a silent success", "[cli]") {
  if (!std::filesystem::exists("/dev/full")) {
    WARN("no /dev/full on this system: skipped");
    return;
  }
  // On a small scenario (optimism), so that the check stays quick under the sanitizers: what
  // fails is the writing, whatever is written.
  for (const std::string command : {"describe optimism", "analyze optimism", "solve optimism",
                                    "run optimism --runs 20 --threads 1", "validate ukraine-2025", "scenarios", "schema"}) {
    INFO(command);
    const auto to_stdout = run_cli(command, {"", "", "/dev/full"});
    CHECK(to_stdout.exit_code == 1);
    CHECK_THAT(to_stdout.err, Catch::Contains("could not write all of the output to standard output"));
  }
  for (const std::string command : {"describe optimism", "analyze optimism", "run optimism --runs 20 --threads 1"}) {
    INFO(command);
    const auto to_file = run_cli(command + " -o /dev/full");
    CHECK(to_file.exit_code == 1);
    CHECK_THAT(to_file.err, Catch::Contains("could not write all of '/dev/full'"));
  }
  // The same commands to a writable place succeed (the check is not always failing).
  CHECK(run_cli("describe optimism").exit_code == 0);
}
