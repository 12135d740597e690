// The end-of-sweep line and the progress bar's count of a session.
#include <catch2/catch.hpp>

#include "parley/io/sweep/sweep_summary.hpp"

using namespace parley;

TEST_CASE("sweep summary: done of total, failures, seconds and the file", "[sweep]") {
  io::SweepProgress progress;
  progress.done = 12;
  progress.total = 13;
  progress.failed = 2;
  progress.elapsed_seconds = 4.26;
  CHECK(io::sweep_summary(progress, "r.csv") == "12 of 13 points done, 2 failed, 4.3 s -> r.csv");
  progress.resumed = 5;
  CHECK(io::sweep_summary(progress, "r.csv") == "12 of 13 points done (5 already there), 2 failed, 4.3 s -> r.csv");
}

TEST_CASE("sweep summary: the progress bar counts what the session counts", "[sweep]") {
  io::SweepProgress progress;
  progress.done = 7;
  progress.total = 20;
  progress.resumed = 3;
  progress.failed = 1;
  const auto count = io::sweep_progress_count(progress);
  CHECK(count.done == 7);
  CHECK(count.total == 20);
  CHECK(count.resumed == 3);
  REQUIRE(count.failed);
  CHECK(*count.failed == 1);
}
