#include "parley/io/format/progress_bar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace parley::io {

std::string clock_time(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char buffer[32];
  if (total >= 3600)
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
  return buffer;
}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string items, Timing timing)
    : out_(out), enabled_(enabled), items_(std::move(items)), timing_(timing), start_(std::chrono::steady_clock::now()) {}

std::string ProgressBar::line(const std::string& items, const ProgressCount& count, double elapsed_seconds, int width) {
  const double fraction =
      count.total <= 0 ? 1.0 : std::clamp(static_cast<double>(count.done) / static_cast<double>(count.total), 0.0, 1.0);
  const int filled = static_cast<int>(fraction * width);
  std::string text = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '.') + "] " + std::to_string(count.done) +
                     "/" + std::to_string(count.total) + " " + items;
  if (count.failed) text += ", " + std::to_string(*count.failed) + " failed";
  text += ", " + clock_time(elapsed_seconds) + " elapsed";
  const auto new_items = count.done - count.resumed;
  if (count.done < count.total && new_items > 0) {
    const double per_item = elapsed_seconds / static_cast<double>(new_items);
    text += ", ETA " + clock_time(per_item * static_cast<double>(count.total - count.done));
  }
  return text;
}

void ProgressBar::update(const ProgressCount& count) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < timing_.show_after) return;
  const bool last = count.done >= count.total;
  if (drawn_width_ > 0 && !last && now - last_ < timing_.redraw_every) return;
  last_ = now;
  const std::string text = line(items_, count, std::chrono::duration<double>(now - start_).count());
  // Pad with spaces so a shorter line fully covers the previous one.
  const std::size_t padding = drawn_width_ > text.size() ? drawn_width_ - text.size() : 0;
  out_ << '\r' << text << std::string(padding, ' ') << std::flush;
  drawn_width_ = std::max(drawn_width_, text.size());
}

void ProgressBar::finish() {
  if (drawn_width_ == 0) return;
  out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
  drawn_width_ = 0;
}

}  // namespace parley::io
