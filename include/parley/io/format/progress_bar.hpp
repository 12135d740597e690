#pragma once
/// \file progress_bar.hpp
/// The progress bar of the long commands (`parley run`, `parley sweep`) on a terminal:
/// `[#########.....................] 120/1000 points, 2 failed, 0:12 elapsed, ETA 1:28`.

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace parley::io {

/// \brief Where a long command stands: `done` of `total` items, of which `resumed` were done
/// before this session (a resumed sweep) and `failed` failed (if the command counts failures).
struct ProgressCount {
  /// `done` of `total`, all in this session, failures not counted.
  ProgressCount(std::int64_t done_items, std::int64_t total_items) : done(done_items), total(total_items) {}
  /// `done` of `total`, `resumed` of them before this session, `failed` of them failed.
  ProgressCount(std::int64_t done_items, std::int64_t total_items, std::int64_t resumed_items, std::int64_t failed_items)
      : done(done_items), total(total_items), resumed(resumed_items), failed(failed_items) {}

  std::int64_t done = 0;
  std::int64_t total = 0;
  std::int64_t resumed = 0;
  std::optional<std::int64_t> failed;
};

/// \brief A progress bar on one line, redrawn in place (carriage return).
///
/// Draws only if enabled (the commands enable it when stderr is a terminal), not before
/// `show_after` has passed (a short command shows none), and at most once per `redraw_every`
/// except for the last item; `finish` wipes the line, so what follows starts on a clean one.
class ProgressBar {
 public:
  /// How often the bar is drawn.
  struct Timing {
    std::chrono::milliseconds show_after{1000};
    std::chrono::milliseconds redraw_every{100};
  };

  /// A bar on `out` counting `items` ("runs", "points"), drawn only if `enabled`.
  ProgressBar(std::ostream& out, bool enabled, std::string items, Timing timing);
  ProgressBar(std::ostream& out, bool enabled, std::string items) : ProgressBar(out, enabled, std::move(items), Timing{}) {}

  /// Takes the current count; redraws if the timing allows.
  void update(const ProgressCount& count);
  /// Wipes the bar (after the last update); nothing if it was never drawn.
  void finish();

  /// \brief The bar's text for `count` after `elapsed_seconds`, with `width` characters of bar
  /// (floor(width done / total) of them filled). The ETA assumes the items left take as long
  /// on average as those done in this session: elapsed (total - done) / (done - resumed);
  /// it is left out when none was done in this session or all are done.
  [[nodiscard]] static std::string line(const std::string& items, const ProgressCount& count, double elapsed_seconds,
                                        int width = 30);

 private:
  std::ostream& out_;
  bool enabled_;
  std::string items_;
  Timing timing_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  std::size_t drawn_width_ = 0;  ///< characters on the line now; 0 if never drawn
};

/// `seconds` (rounded to the nearest second) as m:ss, or h:mm:ss from an hour.
[[nodiscard]] std::string clock_time(double seconds);

}  // namespace parley::io
