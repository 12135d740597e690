// `parley merge` and a shard with two rows for one point (issue 18): it used to count rows, so a
// complete shard with one duplicated row was "incomplete: 4 of 3 rows". Now the duplicated
// points are named with their lines, the count is of distinct points, and nothing is written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "../support/cli_runner.hpp"

using parley::testing::read_text;
using parley::testing::run_cli;
using parley::testing::TempFolder;
using parley::testing::write_text;

namespace {

const std::string merge_test_grid =
    "sweep optimism --vary battlefield.advantage=-0.3,0.3 --vary parties.a.cost=0.002:0.006:3 --runs 20 --seed 3 "
    "--metrics 'outcomes.*' --threads 1 -q";

/// The file's lines, each with its "\n".
std::vector<std::string> merge_test_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("parley merge names duplicated rows by line instead of counting them as rows", "[cli][sweep]") {
  const TempFolder folder("merge-dup");
  std::string shards;
  for (int k = 1; k <= 2; ++k) {
    const auto shard = folder.file("shard" + std::to_string(k) + ".csv");
    const auto r = run_cli(merge_test_grid + " --shard " + std::to_string(k) + "/2 -o '" + shard + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    shards += " '" + shard + "'";
  }
  const auto first = folder / "shard1.csv";
  const std::string original = read_text(first);
  auto lines = merge_test_lines(original);
  REQUIRE(lines.size() == 4);  // the header and 3 points

  // Line 2's point again at the end (line 5): nothing is missing, one point has two rows.
  write_text(first, original + lines[1]);
  const auto merged = folder.file("merged.csv");
  auto r = run_cli("merge -o '" + merged + "'" + shards);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("(shard 1/2) has more than one row for 1 point"));
  const std::string point = lines[1].substr(0, lines[1].find(','));
  CHECK_THAT(r.err, Catch::Contains("point " + point + " at lines 2 and 5"));
  CHECK_THAT(r.err, !Catch::Contains("4 of 3"));
  CHECK_FALSE(std::filesystem::exists(merged));

  // A point missing and another twice: the duplicate is named; alone, the gap is counted right.
  write_text(first, lines[0] + lines[1] + lines[1]);
  r = run_cli("merge -o '" + merged + "'" + shards);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("point " + point + " at lines 2 and 3"));
  write_text(first, lines[0] + lines[1] + lines[2]);
  r = run_cli("merge -o '" + merged + "'" + shards);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("is incomplete: 2 of 3 rows"));
  CHECK_FALSE(std::filesystem::exists(merged));

  // Repaired, it merges, and says how many rows it wrote.
  write_text(first, original);
  r = run_cli("merge -o '" + merged + "'" + shards);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("6 rows from 2 shards"));
  CHECK(merge_test_lines(read_text(merged)).size() == 7);
}
