// Sweeps over designs far too large to list (issue 18: a 1000 x 1000 x 1000 grid allocated its
// whole design before writing a row): the first rows come at once, a resume reads the file line
// by line into a compact set, and the rows are those of the points as before.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "../../sweep/analytic_evaluator.hpp"
#include "../../support/temp_folder.hpp"
#include "parley/io/sweep/sweep_results.hpp"
#include "parley/io/sweep/sweep_session.hpp"

using namespace parley;
using parley::testing::read_text;
using parley::testing::TempFolder;

namespace {

sweep::SweepSpec billion_grid() {
  sweep::SweepSpec spec;
  for (const char* path : {"x", "y", "z"}) {
    sweep::VariedParameter p;
    p.path = path;
    p.spec = "0:0.999:1000";
    p.levels = sweep::evenly_spaced_levels(0, 0.999, 1000);
    spec.parameters.push_back(p);
  }
  spec.runs = 3;
  spec.seed = 9;
  return spec;
}

struct Enough {};

// Runs the session until `rows` more rows are written, then stops it (a progress callback that
// throws), as a user's Ctrl-C would.
void run_rows(const sweep::Design& design, const std::string& output, bool resume, std::uint64_t rows) {
  const sweep::ProcessGroup group;
  io::SweepSessionOptions options;
  options.output = output;
  options.resume = resume;
  options.threads = 1;
  options.scenario = "analytic";
  options.scenario_sha256 = "0";
  std::uint64_t seen = 0;
  options.progress = [&](const io::SweepProgress& p) {
    CHECK(p.total == 1'000'000'000);
    if (seen++ == rows) throw Enough{};  // the first call is the start
  };
  const auto evaluator = parley::testing::analytic_evaluator(design.spec().seed, design.spec().runs);
  CHECK_THROWS_AS(io::run_sweep_session(group, design, evaluator, options), Enough);
}

// The rows the evaluator gives for these points, formatted as the results file holds them.
std::string expected_rows(const sweep::Design& design, std::uint64_t first, std::uint64_t last) {
  const auto evaluator = parley::testing::analytic_evaluator(design.spec().seed, design.spec().runs);
  std::string text;
  for (std::uint64_t p = first; p <= last; ++p)
    text += io::format_sweep_row(design.point(p), design.spec().seed, sweep::evaluate_point(evaluator, design.point(p)),
                                 evaluator.metric_names.size());
  return text;
}

}  // namespace

TEST_CASE("A 1000 x 1000 x 1000 grid writes its first rows at once and resumes from them", "[sweep]") {
  const TempFolder folder("lazy-grid");
  const auto out = folder.file("r.csv");
  const sweep::Design design(billion_grid());
  REQUIRE(design.size() == 1'000'000'000);

  const auto start = std::chrono::steady_clock::now();
  run_rows(design, out, false, 3);
  // Listing the design took 8 GB and minutes; walking it takes nothing.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  const std::string header = "point,x,y,z,seed,status,message,mean,product,positive_part\n";
  CHECK(read_text(out) == header + expected_rows(design, 0, 2));

  // Resume: the three rows are read back line by line and skipped; points 3 and 4 come next.
  run_rows(design, out, true, 2);
  CHECK(read_text(out) == header + expected_rows(design, 0, 4));

  // A row out of order and a torn last line: the set of done points is not a prefix.
  {
    std::ofstream append(out, std::ios::app | std::ios::binary);
    append << expected_rows(design, 7, 7) << "8,0,0,0.00";
  }
  run_rows(design, out, true, 3);
  CHECK(read_text(out) == header + expected_rows(design, 0, 4) + expected_rows(design, 7, 7) +
                              expected_rows(design, 5, 6) + expected_rows(design, 8, 8));

  // A point twice is refused, as before.
  {
    std::ofstream append(out, std::ios::app | std::ios::binary);
    append << expected_rows(design, 5, 5);
  }
  const sweep::ProcessGroup group;
  io::SweepSessionOptions options;
  options.output = out;
  options.resume = true;
  options.scenario = "analytic";
  options.scenario_sha256 = "0";
  CHECK_THROWS_WITH(io::run_sweep_session(group, design, parley::testing::analytic_evaluator(9, 3), options),
                    Catch::Contains("point 5 appears twice"));
}

TEST_CASE("Results files are scanned line by line as read_sweep_results reads them", "[sweep]") {
  const TempFolder folder("scan");
  const auto path = folder.file("r.csv");
  parley::testing::write_text(path, "point,x,seed,status,message,m\n0,1,3,ok,,0.5\r\n2,\"a,b\",3,error,\"x\"\"y\",\n1,2,3,ok");
  const auto whole = io::read_sweep_results(path);
  std::vector<std::uint64_t> points;
  const auto scanned = io::scan_sweep_results(path, [&](const io::SweepResultsFile& file, io::SweepResultRow&& row) {
    CHECK(file.parameters == std::vector<std::string>{"x"});
    points.push_back(row.point);
  });
  CHECK(points == std::vector<std::uint64_t>{0, 2});
  CHECK(scanned.rows.empty());
  CHECK(scanned.header == whole.header);
  CHECK(scanned.complete_bytes == whole.complete_bytes);
  CHECK(scanned.torn_tail);
  REQUIRE(whole.rows.size() == 2);
  CHECK(whole.rows[0].line == "0,1,3,ok,,0.5\r\n");
  CHECK(whole.rows[1].values == std::vector<std::string>{"a,b"});
  CHECK(whole.rows[1].message == "x\"y");
  CHECK(whole.complete_bytes == read_text(path).size() - 8);
}
