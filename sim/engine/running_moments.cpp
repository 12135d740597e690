#include "parley/engine/running_moments.hpp"

#include <cmath>

namespace parley {

void RunningMoments::merge(const RunningMoments& other) noexcept {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const auto na = static_cast<double>(count_);
  const auto nb = static_cast<double>(other.count_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  mean_ += delta * nb / n;
  m2_ += other.m2_ + delta * delta * na * nb / n;
  count_ += other.count_;
}

double RunningMoments::standard_error() const noexcept {
  return count_ > 1 ? std::sqrt(variance() / static_cast<double>(count_)) : 0.0;
}

}  // namespace parley
