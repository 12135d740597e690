#include "parley/solve/continued_fraction.hpp"

#include <cmath>

namespace parley {

std::vector<Convergent> convergents(double x, long long max_denominator) {
  std::vector<Convergent> out;
  long long p0 = 0, q0 = 1, p1 = 1, q1 = 0;  // p_{k-2}/q_{k-2}, p_{k-1}/q_{k-1}
  double rest = std::abs(x);
  for (int step = 0; step < 64; ++step) {
    const double whole = std::floor(rest);
    if (whole > 1e12) break;
    const auto a = static_cast<long long>(whole);
    const long long p = a * p1 + p0;
    const long long q = a * q1 + q0;
    if (q > max_denominator) break;
    out.push_back({p, q});
    p0 = p1;
    q0 = q1;
    p1 = p;
    q1 = q;
    if (rest - whole <= 0.0) break;
    rest = 1.0 / (rest - whole);
  }
  return out;
}

}  // namespace parley
