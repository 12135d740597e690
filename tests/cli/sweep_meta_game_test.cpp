// `parley sweep --meta-game` (issue 17): the regime map from a sweep. Each row's meta.* columns
// are the meta-game compare --across plays at the same value (the same seed and runs, common
// random numbers across points), on any number of threads, shards or MPI ranks. On Fearon's
// lottery A's best reply to a contingent B turns from contingent to a tie at c_B = 0.4
// (tests/cli/compare_across_test.cpp derives it).
#include <catch2/catch.hpp>

#include <cstddef>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../support/cli_runner.hpp"
#include "../support/flat_json.hpp"
#include "../sweep/result_rows.hpp"

using namespace parley::testing;

namespace {

const std::string meta_players =
    "fearon --strategies a=hardline,contingent:beta=1 --strategies b=contingent:beta=0 --runs 200 ";

// A results CSV as rows of column -> cell (no cell of these sweeps holds a comma or a quote).
std::vector<std::map<std::string, std::string>> meta_rows(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  const auto cells = [](const std::string& text) {
    std::vector<std::string> out;
    std::stringstream parts(text);
    std::string cell;
    while (std::getline(parts, cell, ',')) out.push_back(cell);
    if (!text.empty() && text.back() == ',') out.emplace_back();
    return out;
  };
  std::getline(in, line);
  header = cells(line);
  while (std::getline(in, line)) {
    const auto row = cells(line);
    std::map<std::string, std::string> named;
    for (std::size_t k = 0; k < header.size() && k < row.size(); ++k) named[header[k]] = row[k];
    rows.push_back(std::move(named));
  }
  return rows;
}

}  // namespace

TEST_CASE("parley sweep --meta-game: each row is compare --across's meta-game at that value", "[sweep][regime][cli]") {
  const TempFolder folder("sweep-meta");
  const std::string csv = folder.file("meta.csv");
  const CliResult sweep = run_cli("sweep " + meta_players +
                                  "--meta-game --vary parties.b.cost=0.3:0.5:5 --metrics 'meta.*' -q -o '" + csv + "'");
  INFO(sweep.err);
  REQUIRE(sweep.exit_code == 0);
  const auto rows = meta_rows(read_text(csv));
  REQUIRE(rows.size() == 5);

  const CliResult map = run_cli("compare " + meta_players + "--format json --tolerance 0 --across parties.b.cost=0.3:0.5:5");
  REQUIRE(map.exit_code == 0);
  const auto j = FlatJson::parse(map.out);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::string point = "points[" + std::to_string(k) + "].";
    auto row = rows[k];  // a copy: operator[] reads missing columns as empty
    INFO("value " << row["parties.b.cost"]);
    CHECK(std::stod(row["parties.b.cost"]) == j.at(point + "value").number);
    CHECK(std::stod(row["meta.runs"]) == j.at(point + "runs").number);
    // Profile 1 is (contingent:beta=1, contingent:beta=0): payoffs and errors, bit for bit.
    for (int p = 0; p < 2; ++p) {
      const std::string id = p == 0 ? "a" : "b";
      const std::string at = ".at.contingent:beta=1.vs.contingent:beta=0";
      CHECK(std::stod(row["meta.payoff." + id + at]) ==
            j.at(point + "profiles[1].payoffs[" + std::to_string(p) + "]").number);
      CHECK(std::stod(row["meta.std_error." + id + ".at.hardline.vs.contingent:beta=0"]) ==
            j.at(point + "profiles[0].std_errors[" + std::to_string(p) + "]").number);
    }
    // A's best reply to the contingent B: contingent below c_B = 0.4, a tie from there on.
    const std::string reply = j.at(point + "best_replies[0].reply").text;
    const bool tie = reply == "tie: hardline, contingent:beta=1";
    CHECK(row["meta.reply.a.vs.contingent:beta=0.is.contingent:beta=1"] == "1");
    CHECK(row["meta.reply.a.vs.contingent:beta=0.is.hardline"] == (tie ? "1" : "0"));
    CHECK(tie == (std::stod(row["parties.b.cost"]) >= 0.4));
    // The pure equilibria at the confidence: (contingent, contingent) always, (hardline,
    // contingent) once A is indifferent.
    CHECK(row["meta.equilibrium.contingent:beta=1.vs.contingent:beta=0"] == "1");
    CHECK(row["meta.equilibrium.hardline.vs.contingent:beta=0"] == (tie ? "1" : "0"));
    CHECK(row["meta.mixed"] == "0");
  }
}

TEST_CASE("parley sweep --meta-game: two parameters, shards, MPI and resume give the same rows", "[sweep][regime][cli]") {
  const TempFolder folder("sweep-meta-scale");
  const std::string grid = "sweep " + meta_players +
                           "--meta-game --vary parties.b.cost=0.3,0.5 --vary parties.a.cost=0.0,0.1 -q ";
  const std::string whole = folder.file("whole.csv");
  REQUIRE(run_cli(grid + "--threads 2 -o '" + whole + "'").exit_code == 0);
  const auto rows = meta_rows(read_text(whole));
  REQUIRE(rows.size() == 4);
  // Run metrics and meta-game metrics side by side, every point valid.
  for (const auto& row : rows) {
    CHECK(row.at("status") == "ok");
    CHECK(row.count("outcomes.settled") == 1);
  }
  std::string shards;
  for (int k = 1; k <= 2; ++k) {
    const std::string shard = folder.file("shard" + std::to_string(k) + ".csv");
    REQUIRE(run_cli(grid + "--threads 1 --shard " + std::to_string(k) + "/2 -o '" + shard + "'").exit_code == 0);
    shards += " '" + shard + "'";
  }
  const std::string merged = folder.file("merged.csv");
  REQUIRE(run_cli("merge -o '" + merged + "'" + shards).exit_code == 0);
  CHECK(sorted_lines(read_text(merged)) == sorted_lines(read_text(whole)));
#if defined(PARLEY_WITH_MPI) && PARLEY_WITH_MPI
  const std::string ranks = folder.file("mpi.csv");
  const CliResult mpi = run_cli(grid + "-o '" + ranks + "'", {"", "mpirun --allow-run-as-root --oversubscribe -np 2 ", ""});
  INFO(mpi.err << mpi.out);
  REQUIRE(mpi.exit_code == 0);
  CHECK(sorted_lines(read_text(ranks)) == sorted_lines(read_text(whole)));
#endif
  // A resume with other players is another sweep: refused, naming the difference.
  const std::string text = read_text(whole);
  write_text(whole, text.substr(0, text.size() / 2));
  const CliResult other = run_cli("sweep fearon --strategies a=hardline,quick --strategies b=contingent:beta=0 --runs 200 "
                                  "--meta-game --vary parties.b.cost=0.3,0.5 --vary parties.a.cost=0.0,0.1 -q --resume "
                                  "-o '" + whole + "'");
  CHECK(other.exit_code != 0);
  CHECK(other.err.find("meta-game") != std::string::npos);
  REQUIRE(run_cli(grid + "--resume -o '" + whole + "'").exit_code == 0);
  CHECK(sorted_lines(read_text(whole)) == sorted_lines(text));
}
