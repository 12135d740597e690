#include "parley/engine/confidence_interval.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace parley {

namespace {

/// Phi^{-1}(p), 0 < p < 1: P. J. Acklam's rational approximations (central region
/// 0.02425 <= p <= 0.97575, tails in sqrt(-2 log p)), then one Halley step
///   e = Phi(x) - p, u = e sqrt(2 pi) exp(x^2 / 2), x -= u / (1 + x u / 2),
/// with Phi(x) - p computed where it keeps its relative accuracy: erf(x / sqrt 2) / 2 - (p - 1/2)
/// in the central region, erfc(-x / sqrt 2) / 2 - p in the lower tail, (1 - p) -
/// erfc(x / sqrt 2) / 2 in the upper one (p - 1/2 and 1 - p are exact there, by Sterbenz).
double normal_quantile(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                 1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                 6.680131188771972e+01,  -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                 -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                 3.754408661907416e+00};
  constexpr double low = 0.02425;
  double x = 0.0;
  if (p < low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log(1.0 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double e = p < low          ? 0.5 * std::erfc(-x / std::numbers::sqrt2) - p
                   : p <= 1.0 - low ? 0.5 * std::erf(x / std::numbers::sqrt2) - (p - 0.5)
                                    : (1.0 - p) - 0.5 * std::erfc(x / std::numbers::sqrt2);
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(x * x / 2.0);
  return x - u / (1.0 + x * u / 2.0);
}

}  // namespace

double confidence_z(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("a confidence must lie in (0, 1)");
  return normal_quantile((1.0 + confidence) / 2.0);
}

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
