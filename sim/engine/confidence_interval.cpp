#include "parley/engine/confidence_interval.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

Interval mean_interval(double mean, double standard_error, double z) noexcept {
  return {mean - z * standard_error, mean + z * standard_error};
}

Interval wilson_interval(std::int64_t successes, std::int64_t trials, double z) noexcept {
  if (trials <= 0) return {0.0, 1.0};
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  // At 0 and n successes the Wilson bound touches 0 (resp. 1) exactly; centre - half would
  // leave a rounding residue of order 1e-17 there, so the closed form is used instead.
  const double low = successes <= 0 ? 0.0 : std::max(0.0, centre - half);
  const double high = successes >= trials ? 1.0 : std::min(1.0, centre + half);
  return {low, high};
}

}  // namespace parley
