// The progress bar of `run` and `sweep`: its line, its redrawing and its silence.
#include <catch2/catch.hpp>

#include <sstream>

#include "parley/io/format/progress_bar.hpp"

using namespace parley;

TEST_CASE("clock_time: m:ss, h:mm:ss from an hour", "[format]") {
  CHECK(io::clock_time(0.4) == "0:00");
  CHECK(io::clock_time(75) == "1:15");
  CHECK(io::clock_time(3725) == "1:02:05");
  CHECK(io::clock_time(-3) == "0:00");
}

TEST_CASE("ProgressBar::line: bar, count, failures, elapsed time and ETA", "[format]") {
  // 30 of 120 done in 12 s: 0.4 s each, 90 left take 36 s.
  CHECK(io::ProgressBar::line("runs", {30, 120}, 12.0, 8) == "[##......] 30/120 runs, 0:12 elapsed, ETA 0:36");
  // A resumed sweep: 20 of the 30 were there already, so 10 took the 12 s.
  CHECK(io::ProgressBar::line("points", {30, 120, 20, 2}, 12.0, 4) ==
        "[#...] 30/120 points, 2 failed, 0:12 elapsed, ETA 1:48");
  // Done, or nothing new done yet: no ETA.
  CHECK(io::ProgressBar::line("runs", {5, 5}, 2.0, 4) == "[####] 5/5 runs, 0:02 elapsed");
  CHECK(io::ProgressBar::line("points", {7, 9, 7, 0}, 1.0, 3) ==
        "[##.] 7/9 points, 0 failed, 0:01 elapsed");
}

TEST_CASE("ProgressBar: drawn in place and wiped at the end, silent when disabled", "[format]") {
  const io::ProgressBar::Timing at_once{std::chrono::milliseconds(0), std::chrono::milliseconds(0)};
  std::ostringstream out;
  io::ProgressBar bar(out, true, "runs", at_once);
  bar.update({1, 4});
  const std::string first = out.str();
  CHECK(first.rfind("\r[", 0) == 0);
  CHECK(first.find("] 1/4 runs, 0:00 elapsed") != std::string::npos);
  bar.update({4, 4});
  CHECK(out.str().find("\r[##############################] 4/4 runs, 0:00 elapsed") != std::string::npos);
  const std::size_t width = out.str().size() - first.size() - 1;  // the longer line, padding included
  bar.finish();
  CHECK(out.str().substr(out.str().size() - width - 2) == "\r" + std::string(width, ' ') + "\r");

  std::ostringstream quiet;
  io::ProgressBar disabled(quiet, false, "runs", at_once);
  disabled.update({1, 4});
  disabled.finish();
  CHECK(quiet.str().empty());

  // Not before show_after: a short command draws nothing.
  std::ostringstream later;
  io::ProgressBar patient(later, true, "points", {std::chrono::hours(1), std::chrono::milliseconds(0)});
  patient.update({4, 4});
  patient.finish();
  CHECK(later.str().empty());
}
