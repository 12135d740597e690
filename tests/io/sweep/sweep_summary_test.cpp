// The end-of-sweep line and the progress bar's count of a session.
#include <catch2/catch.hpp>

#include "parley/io/sweep/sweep_summary.hpp"

using namespace parley;

namespace {

io::SweepProgress summary_progress(std::uint64_t done, std::uint64_t total, std::uint64_t resumed,
                                   std::uint64_t failed, double seconds) {
  io::SweepProgress progress;
  progress.done = done;
  progress.total = total;
  progress.resumed = resumed;
  progress.failed = failed;
  progress.elapsed_seconds = seconds;
  return progress;
}

}  // namespace

TEST_CASE("sweep summary: done of total, failures, seconds and the file", "[sweep]") {
  CHECK(io::sweep_summary(summary_progress(12, 13, 0, 2, 4.26), "r.csv") ==
        "12 of 13 points done, 2 failed, 4.3 s -> r.csv");
  CHECK(io::sweep_summary(summary_progress(12, 13, 5, 2, 4.26), "r.csv") ==
        "12 of 13 points done (5 already there), 2 failed, 4.3 s -> r.csv");
}

TEST_CASE("sweep summary: the progress bar counts what the session counts", "[sweep]") {
  const auto count = io::sweep_progress_count(summary_progress(7, 20, 3, 1, 0));
  CHECK(count.done == 7);
  CHECK(count.total == 20);
  CHECK(count.resumed == 3);
  REQUIRE(count.failed);
  CHECK(*count.failed == 1);
}
