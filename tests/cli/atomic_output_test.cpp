// Issue 18, "a partial file is never left looking complete": every file a command writes (-o,
// --export-nfg, schema, import-genius, export-genius, merge, the sweep manifest) goes through
// io::AtomicFileWriter, so a write that fails midway leaves the old file as it was and no
// temporary beside it, a complete one replaces it, and a device that cannot take it
// (/dev/full) is an error (exit 1).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "../support/cli_runner.hpp"

using parley::testing::CliOptions;
using parley::testing::entry_count;
using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::write_text;

namespace {

/// Runs the program with files limited to about a kilobyte (ulimit -f 1; SIGXFSZ ignored, so a
/// write past it fails with EFBIG as on a full disk): a real failure midway through a file.
const CliOptions atomic_small_files{"", "trap '' XFSZ; ulimit -f 1; ", ""};

const std::string atomic_genius_domain = std::string(PARLEY_SOURCE_DIR) + "/tests/data/genius/y2013_Coffee";

}  // namespace

TEST_CASE("a -o file that fails midway leaves the old file and no temporary, and success replaces it", "[cli][atomic]") {
  const TempFolder folder("atomic-cli");
  const auto out = folder.file("out.json");
  const auto whole = run_cli("describe --format json");
  REQUIRE(whole.exit_code == 0);
  REQUIRE(whole.out.size() > 4096);  // more than the limit below lets through

  write_text(out, "the old result\n");
  const auto cut = run_cli("describe --format json -o '" + out + "'", atomic_small_files);
  CHECK(cut.exit_code == 1);
  CHECK_THAT(cut.err, Catch::Contains("could not write all of '" + out + "'"));
  CHECK(read_text(out) == "the old result\n");
  CHECK(entry_count(folder.path()) == 1);

  const auto done = run_cli("describe --format json -o '" + out + "'");
  CHECK(done.exit_code == 0);
  CHECK(read_text(out) == whole.out);
  CHECK(entry_count(folder.path()) == 1);
}

TEST_CASE("schema, import-genius and --export-nfg replace their file whole or not at all", "[cli][atomic]") {
  const TempFolder folder("atomic-cli");
  const auto page = folder.file("schema.md");
  write_text(page, "old\n");
  CHECK(run_cli("schema -o '" + page + "'", atomic_small_files).exit_code == 1);
  CHECK(read_text(page) == "old\n");
  CHECK(run_cli("schema -o '" + page + "'").exit_code == 0);
  CHECK(read_text(page) == run_cli("schema").out);

  const auto yaml = folder.file("imported.yaml");
  write_text(yaml, "old\n");
  const auto cut = run_cli("import-genius '" + atomic_genius_domain + "' -o '" + yaml + "'", atomic_small_files);
  CHECK(cut.exit_code == 1);
  CHECK_THAT(cut.err, Catch::Contains("could not write all of '" + yaml + "'"));
  CHECK(read_text(yaml) == "old\n");
  CHECK(run_cli("import-genius '" + atomic_genius_domain + "' -o '" + yaml + "'").exit_code == 0);
  CHECK(read_text(yaml).size() > 1000);
  CHECK(entry_count(folder.path()) == 2);

  const auto nfg = folder.file("meta.nfg");
  CHECK(run_cli("compare --runs 20 --threads 1 --export-nfg '" + nfg + "'").exit_code == 0);
  CHECK(read_text(nfg).rfind("NFG 1 ", 0) == 0);
  CHECK(entry_count(folder.path()) == 3);
}

TEST_CASE("every file output to /dev/full exits 1 and says what it could not write", "[cli][atomic]") {
  if (!std::filesystem::exists("/dev/full")) {
    WARN("no /dev/full on this system: skipped");
    return;
  }
  const std::vector<std::string> commands = {"schema -o /dev/full",
                                             "import-genius '" + atomic_genius_domain + "' -o /dev/full",
                                             "compare --runs 20 --threads 1 --export-nfg /dev/full",
                                             "solve --format json -o /dev/full"};
  for (const auto& command : commands) {
    INFO(command);
    const auto r = run_cli(command);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("could not write all of '/dev/full'"));
    CHECK_THAT(r.err, Catch::Contains("No space left on device"));
  }
  CHECK(std::filesystem::is_character_file("/dev/full"));
}

TEST_CASE("export-genius writes its files whole", "[cli][atomic]") {
  const TempFolder folder("atomic-cli");
  const auto r = run_cli("export-genius ukraine-2025 --ignore-battlefield -o '" + folder.file("genius") + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder / "genius")) {
    CHECK(entry.path().extension() == ".xml");  // no temporary left
    ++files;
  }
  CHECK(files >= 3);
}
