// Running a sweep into its file: uninterrupted, resumed after a torn write or a SIGKILL, sharded
// and merged. Every finished file must equal, row for row after sorting by point id, the file of
// one uninterrupted run.
#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "../../sweep/analytic_evaluator.hpp"
#include "../../support/temp_folder.hpp"
#include "../../sweep/result_rows.hpp"
#include "parley/io/sweep/sweep_manifest.hpp"
#include "parley/io/sweep/sweep_merge.hpp"
#include "parley/io/sweep/sweep_output_lock.hpp"
#include "parley/io/sweep/sweep_results.hpp"
#include "parley/io/sweep/sweep_session.hpp"

using namespace parley;
using parley::testing::read_text;
using parley::testing::TempFolder;
using parley::testing::sorted_lines;
using parley::testing::write_text;

namespace {

sweep::SweepSpec test_spec(std::uint64_t seed = 5) {
  sweep::SweepSpec spec;
  sweep::VariedParameter x, y;
  x.path = "x";
  x.spec = "-1:1:12";
  x.levels = sweep::evenly_spaced_levels(-1, 1, 12);
  y.path = "y";
  y.spec = "0,0.5,1,2";
  y.levels = {"0", "0.5", "1", "2"};
  spec.parameters = {x, y};
  spec.runs = 20;
  spec.seed = seed;
  return spec;
}

io::SweepSessionOptions options_for(const std::string& output, unsigned threads = 2) {
  io::SweepSessionOptions options;
  options.output = output;
  options.threads = threads;
  options.scenario = "analytic";
  options.scenario_sha256 = "0123";
  return options;
}

io::SweepProgress run(const sweep::SweepSpec& spec, const io::SweepSessionOptions& options,
                      std::chrono::microseconds delay = std::chrono::microseconds(0)) {
  const sweep::ProcessGroup group;
  const sweep::Design design(spec);
  return io::run_sweep_session(group, design, parley::testing::analytic_evaluator(spec.seed, spec.runs, 2.0, delay),
                               options);
}

std::size_t count_lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("A sweep writes one row per point and a manifest", "[sweep]") {
  const TempFolder folder("session");
  const auto out = folder.file("results.csv");
  std::vector<io::SweepProgress> reports;
  auto options = options_for(out);
  options.progress = [&](const io::SweepProgress& p) { reports.push_back(p); };
  const auto final = run(test_spec(), options);
  CHECK(final.done == 48);
  CHECK(final.total == 48);
  CHECK(final.resumed == 0);
  // x + y > 2 is invalid: x = 1 with y = 2, 1 and x in (0, 1) with y = 2 ... count them from the design.
  std::uint64_t invalid = 0;
  const sweep::Design design(test_spec());
  for (std::uint64_t p = 0; p < design.size(); ++p)
    if (std::stod(design.point(p).values[0]) + std::stod(design.point(p).values[1]) > 2.0) ++invalid;
  CHECK(final.failed == invalid);
  REQUIRE(reports.size() == 49);  // once at the start, once per row
  CHECK(reports.front().done == 0);
  CHECK(reports.back().done == 48);

  const auto file = io::read_sweep_results(out);
  CHECK(file.rows.size() == 48);
  CHECK(file.parameters == std::vector<std::string>{"x", "y"});
  CHECK(file.metrics == std::vector<std::string>{"mean", "product", "positive_part"});
  for (const auto& row : file.rows) {
    CHECK(row.values == design.point(row.point).values);
    CHECK(row.seed == 5);
  }
  const auto manifest = io::read_manifest(out);
  CHECK(manifest.spec == test_spec());
  CHECK(manifest.rows_done == 48);
  CHECK(manifest.rows_failed == invalid);
  CHECK(manifest.sessions == 1);
  CHECK_FALSE(manifest.end_time.empty());
  CHECK(manifest.columns == file.header);

  // An existing file is not replaced by accident.
  CHECK_THROWS_WITH(run(test_spec(), options_for(out)), Catch::Contains("--resume completes it"));
  auto overwrite = options_for(out);
  overwrite.overwrite = true;
  CHECK(run(test_spec(), overwrite).done == 48);
}

TEST_CASE("Results do not depend on the number of threads", "[sweep]") {
  const TempFolder folder("threads");
  run(test_spec(), options_for(folder.file("one.csv"), 1));
  run(test_spec(), options_for(folder.file("four.csv"), 4));
  CHECK(sorted_lines(read_text(folder.file("one.csv"))) == sorted_lines(read_text(folder.file("four.csv"))));
}

TEST_CASE("Resuming after a torn write completes the file without redoing finished rows", "[sweep]") {
  const TempFolder folder("torn");
  const auto reference = folder.file("reference.csv");
  run(test_spec(), options_for(reference));
  const std::string complete = read_text(reference);

  // An interrupted run: the header, 20 rows and half of the 21st.
  const auto out = folder.file("results.csv");
  run(test_spec(), options_for(out));
  const std::string text = read_text(out);
  std::size_t cut = 0;
  for (int line = 0; line < 21; ++line) cut = text.find('\n', cut) + 1;
  const std::size_t next = text.find('\n', cut);
  write_text(out, text.substr(0, cut + (next - cut) / 2));

  auto options = options_for(out);
  options.resume = true;
  std::uint64_t first_report_done = 0;
  bool first = true;
  options.progress = [&](const io::SweepProgress& p) {
    if (first) first_report_done = p.done;
    first = false;
  };
  const auto final = run(test_spec(), options);
  CHECK(final.resumed == 20);
  CHECK(first_report_done == 20);
  CHECK(final.done == 48);
  const std::string resumed = read_text(out);
  CHECK(resumed.substr(0, cut) == text.substr(0, cut));  // the finished rows are kept as they were
  CHECK(sorted_lines(resumed) == sorted_lines(complete));
  CHECK(io::read_manifest(out).sessions == 2);

  // Resuming a complete file does nothing.
  CHECK(run(test_spec(), options).resumed == 48);
  CHECK(read_text(out) == resumed);
}

TEST_CASE("Resuming refuses a file from another sweep", "[sweep]") {
  const TempFolder folder("mismatch");
  const auto out = folder.file("results.csv");
  run(test_spec(5), options_for(out));
  auto options = options_for(out);
  options.resume = true;
  CHECK_THROWS_WITH(run(test_spec(6), options), Catch::Contains("different sweep") && Catch::Contains("--seed differs"));
  options.scenario_sha256 = "4567";
  CHECK_THROWS_WITH(run(test_spec(5), options), Catch::Contains("scenario's content differs"));
  options.scenario_sha256 = "0123";
  options.shard = {1, 2};
  CHECK_THROWS_WITH(run(test_spec(5), options), Catch::Contains("number of shards differs"));
  std::filesystem::remove(io::manifest_path(out));
  options.shard = {};
  CHECK_THROWS_WITH(run(test_spec(5), options), Catch::Contains("manifest is missing"));
  // Resuming a file that does not exist starts it.
  auto fresh = options_for(folder.file("fresh.csv"));
  fresh.resume = true;
  CHECK(run(test_spec(5), fresh).done == 48);
}

TEST_CASE("A sweep killed with SIGKILL resumes to the uninterrupted file", "[sweep]") {
  const TempFolder folder("kill");
  auto spec = test_spec();
  // A longer design, slowed down so that the kill lands mid-sweep.
  spec.parameters[0].levels = sweep::evenly_spaced_levels(-1, 1, 100);
  const auto reference = folder.file("reference.csv");
  run(spec, options_for(reference));
  const auto out = folder.file("results.csv");

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    try {
      run(spec, options_for(out, 2), std::chrono::microseconds(2000));
    } catch (...) {
    }
    ::_exit(0);
  }
  // Kill it once it has written some rows, but long before it is done (400 points x 2 ms / 2 threads).
  for (int waited = 0; waited < 5000; ++waited) {
    if (std::filesystem::exists(out) && count_lines(read_text(out)) > 60) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  const auto interrupted = io::read_sweep_results(out);
  INFO("rows before the kill: " << interrupted.rows.size());
  CHECK(interrupted.rows.size() >= 60);
  CHECK(interrupted.rows.size() < 400);

  auto options = options_for(out);
  options.resume = true;
  const auto final = run(spec, options);
  CHECK(final.resumed == interrupted.rows.size());
  CHECK(final.done == 400);
  CHECK(sorted_lines(read_text(out)) == sorted_lines(read_text(reference)));
}

TEST_CASE("Shards merged equal one run", "[sweep]") {
  const TempFolder folder("shards");
  const auto whole = folder.file("whole.csv");
  run(test_spec(), options_for(whole));
  std::vector<std::string> shards;
  for (std::uint64_t k = 1; k <= 3; ++k) {
    shards.push_back(folder.file("shard" + std::to_string(k) + ".csv"));
    auto options = options_for(shards.back(), 1);
    options.shard = {k, 3};
    CHECK(run(test_spec(), options).done == (k == 1 ? 16u : 16u));
  }
  const auto merged = folder.file("merged.csv");
  // Shards given in any order.
  CHECK(io::merge_sweep_results({shards[2], shards[0], shards[1]}, merged, false) == 48);
  CHECK(read_text(merged) == [&] {
    std::string text;
    for (const auto& line : sorted_lines(read_text(whole))) text += line + "\n";
    return text;
  }());
  const auto manifest = io::read_manifest(merged);
  CHECK(manifest.shard == sweep::Shard{});
  CHECK(manifest.rows_done == 48);
  CHECK(io::sweep_differences(manifest, io::read_manifest(whole)).empty());

  CHECK_THROWS_WITH(io::merge_sweep_results({shards[0], shards[1]}, folder.file("m2.csv"), false),
                    Catch::Contains("missing shard(s) 3/3"));
  CHECK_THROWS_WITH(io::merge_sweep_results({shards[0], shards[0], shards[1]}, folder.file("m3.csv"), false),
                    Catch::Contains("are both shard 1/3"));
  CHECK_THROWS_WITH(io::merge_sweep_results(shards, merged, false), Catch::Contains("exists"));
  // An incomplete shard is named with the remedy.
  const std::string text = read_text(shards[1]);
  write_text(shards[1], text.substr(0, text.size() - 5));
  CHECK_THROWS_WITH(io::merge_sweep_results(shards, folder.file("m4.csv"), false),
                    Catch::Contains("shard 2/3) is incomplete") && Catch::Contains("--resume"));
  // A shard of another sweep is refused.
  auto options = options_for(folder.file("other.csv"));
  options.shard = {2, 3};
  run(test_spec(9), options);
  CHECK_THROWS_WITH(io::merge_sweep_results({shards[0], folder.file("other.csv"), shards[2]}, folder.file("m5.csv"), false),
                    Catch::Contains("not a shard of the same sweep"));
}

TEST_CASE("A second sweep into a results file another sweep is writing is refused", "[sweep]") {
  // Two `sweep --resume -o same.csv` at once both wrote rows: duplicated points, a garbled row
  // (issue 18). While one session holds the file, a second stops before reading or writing it.
  const TempFolder folder("session-lock");
  const auto out = folder.file("results.csv");
  {
    const io::SweepOutputLock writing(out);
    CHECK(std::filesystem::exists(out + ".lock"));
    auto options = options_for(out);
    options.resume = true;
    try {
      (void)run(test_spec(), options);
      FAIL("the second sweep ran");
    } catch (const io::SweepNotStarted& e) {
      CHECK_THAT(std::string(e.what()), Catch::Contains(out + " is being written by another sweep"));
    }
    CHECK_FALSE(std::filesystem::exists(out));  // nothing written
  }
  // Released: the lock file is gone and a sweep runs, then leaves no lock behind.
  CHECK_FALSE(std::filesystem::exists(out + ".lock"));
  CHECK(run(test_spec(), options_for(out)).done == 48);
  CHECK_FALSE(std::filesystem::exists(out + ".lock"));
}
