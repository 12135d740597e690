#include "sweep_progress_bar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parley::cli {

std::string clock_time(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char buffer[32];
  if (total >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  return buffer;
}

std::string SweepProgressBar::line(const io::SweepProgress& p, int width) {
  const double fraction = p.total == 0 ? 1.0 : static_cast<double>(p.done) / static_cast<double>(p.total);
  const int filled = static_cast<int>(fraction * width);
  std::string text = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '.') + "] " + std::to_string(p.done) + "/" +
                     std::to_string(p.total) + " points, " + std::to_string(p.failed) + " failed, " +
                     clock_time(p.elapsed_seconds) + " elapsed";
  const auto new_rows = p.done - p.resumed;
  if (p.done < p.total && new_rows > 0) {
    const double per_point = p.elapsed_seconds / static_cast<double>(new_rows);
    text += ", ETA " + clock_time(per_point * static_cast<double>(p.total - p.done));
  }
  return text;
}

void SweepProgressBar::update(const io::SweepProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && progress.done < progress.total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  // Pad with spaces so a shorter line fully covers the previous one.
  out_ << '\r' << line(progress) << "   " << std::flush;
}

void SweepProgressBar::finish() {
  if (enabled_ && drawn_) out_ << '\n' << std::flush;
}

}  // namespace parley::cli
