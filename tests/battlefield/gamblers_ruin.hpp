#pragma once
// The gambler's ruin with holding in closed form (Feller, An Introduction to Probability
// Theory and Its Applications, vol. I, 3rd ed., ch. XIV, sections 2-4; docs/theory.md "The front
// as a random walk"): states 0..N, from 0 < k < N up with p, down with q, stay with
// 1 - p - q; 0 and N absorbing; rho = q / p. Computed in long double, in forms that stay
// accurate when rho^N under- or overflows. Test-only: the library never uses these.

#include <cmath>

namespace parley::testing {

struct GamblersRuin {
  int n;
  double p;
  double q;

  // P(hit N before 0 | start k) = (1 - rho^k) / (1 - rho^N), or k / N when p = q.
  [[nodiscard]] double hit_top(int k) const {
    if (p == q) return static_cast<double>(k) / n;
    const long double log_rho = std::log(static_cast<long double>(q) / p);
    // expm1 keeps the ratio accurate for rho near 1.
    return static_cast<double>(std::expm1(k * log_rho) / std::expm1(n * log_rho));
  }
  [[nodiscard]] double hit_bottom(int k) const { return 1.0 - hit_top(k); }

  // E[tau | k] = (k - N P_N(k)) / (q - p), or k (N - k) / (p + q) when p = q.
  [[nodiscard]] double duration(int k) const {
    if (p == q) return static_cast<double>(k) * (n - k) / (p + q);
    const long double top = hit_top(k);
    return static_cast<double>((k - n * top) / (static_cast<long double>(q) - p));
  }

  // lambda_1 > lambda_2: roots of delta p L^2 - (1 - delta r) L + delta q = 0, r = 1 - p - q.
  struct Roots {
    long double l1, l2;
  };
  [[nodiscard]] Roots roots(double delta) const {
    const long double d = delta;
    const long double r = 1.0L - p - q;
    const long double b = 1.0L - d * r;
    const long double disc = std::sqrt(b * b - 4.0L * d * d * p * q);
    const long double l1 = (b + disc) / (2.0L * d * p);
    // l1 l2 = q / p; the product form avoids cancellation in b - disc.
    return {l1, (static_cast<long double>(q) / p) / l1};
  }
  // E[delta^tau; hit N | k] = (l1^k - l2^k) / (l1^N - l2^N)
  //                         = l1^(k - N) (1 - x^k) / (1 - x^N), x = l2 / l1.
  [[nodiscard]] double discounted_top(int k, double delta) const {
    const auto [l1, l2] = roots(delta);
    const long double x = l2 / l1;
    return static_cast<double>(std::pow(l1, static_cast<long double>(k - n)) *
                               (1.0L - std::pow(x, k)) / (1.0L - std::pow(x, n)));
  }
  // E[delta^tau; hit 0 | k] = (l1^N l2^k - l2^N l1^k) / (l1^N - l2^N)
  //                         = l2^k (1 - x^(N - k)) / (1 - x^N).
  [[nodiscard]] double discounted_bottom(int k, double delta) const {
    const auto [l1, l2] = roots(delta);
    const long double x = l2 / l1;
    return static_cast<double>(std::pow(l2, static_cast<long double>(k)) *
                               (1.0L - std::pow(x, n - k)) / (1.0L - std::pow(x, n)));
  }
};

// |x - exact| / |exact|.
inline double relative_error(double x, double exact) { return std::abs(x - exact) / std::abs(exact); }

}  // namespace parley::testing
