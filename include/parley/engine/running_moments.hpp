#pragma once
/// \file running_moments.hpp
/// Streaming mean and variance (DESIGN 2: memory does not grow with the number of runs).

#include <cstdint>

namespace parley {

/// \brief Count, mean and sum of squared deviations of a stream of numbers.
///
/// add() is Welford's update (Welford 1962): with n the new count,
///   delta = x - mean, mean += delta / n, m2 += delta (x - mean);
/// merge() is the pairwise combination of Chan, Golub and LeVeque (1979):
///   n = n_a + n_b, delta = mean_b - mean_a, mean = mean_a + delta n_b / n,
///   m2 = m2_a + m2_b + delta^2 n_a n_b / n.
/// Both are numerically stable; merging the same partial results in the same order always
/// gives the same bits, which is how Monte Carlo results stay independent of thread count.
class RunningMoments {
 public:
  void add(double x) noexcept {
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
  }
  /// Appends the numbers summarised by `other`.
  void merge(const RunningMoments& other) noexcept;
  void clear() noexcept { *this = RunningMoments(); }

  [[nodiscard]] std::int64_t count() const noexcept { return count_; }
  /// The sample mean (0 for an empty stream).
  [[nodiscard]] double mean() const noexcept { return mean_; }
  /// The unbiased sample variance m2 / (n - 1) (0 for fewer than two numbers).
  [[nodiscard]] double variance() const noexcept {
    return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0;
  }
  /// sqrt(variance / n): the standard error of the mean (0 for fewer than two numbers).
  [[nodiscard]] double standard_error() const noexcept;

 private:
  std::int64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

}  // namespace parley
