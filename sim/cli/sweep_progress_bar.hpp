#pragma once
// The progress bar of `parley sweep` on a terminal: points done, failures, elapsed time and ETA.

#include <chrono>
#include <ostream>
#include <string>

#include "parley/io/sweep/sweep_session.hpp"

namespace parley::cli {

/// \brief Draws `[#####.....] 120/1000 points, 2 failed, 0:12 elapsed, ETA 1:30` on one line,
/// redrawn in place (carriage return) at most ten times a second and once at the end.
///
/// The ETA assumes the points left take as long on average as those done in this session
/// (points found on resuming do not count towards the rate).
class SweepProgressBar {
 public:
  /// Draws on `out` only if `enabled` (the command enables it when stderr is a terminal).
  SweepProgressBar(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

  /// Takes a progress report; redraws if a tenth of a second has passed or the sweep is done.
  void update(const io::SweepProgress& progress);
  /// Ends the line (after the last update).
  void finish();

  /// The line for `progress` (without the carriage return), `width` characters of bar.
  static std::string line(const io::SweepProgress& progress, int width = 30);

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

/// `seconds` as m:ss or h:mm:ss.
std::string clock_time(double seconds);

}  // namespace parley::cli
