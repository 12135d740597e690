#include "parley/model/value_function.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

PiecewiseLinear::PiecewiseLinear(std::vector<std::pair<double, double>> points)
    : points_(std::move(points)) {}

double PiecewiseLinear::operator()(double x) const {
  if (points_.empty()) return 0.0;
  // A NaN compares false with every breakpoint and would fall through to read past the last one.
  if (std::isnan(x)) return x;
  if (x <= points_.front().first) return points_.front().second;
  if (x >= points_.back().first) return points_.back().second;
  // First breakpoint strictly right of x; x lies in [prev, it).
  const auto it = std::upper_bound(points_.begin(), points_.end(), x,
                                   [](double v, const auto& p) { return v < p.first; });
  const auto& [x1, v1] = *it;
  const auto& [x0, v0] = *(it - 1);
  return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
}

PiecewiseLinear PiecewiseLinear::increasing(double lo, double hi) {
  return PiecewiseLinear({{lo, 0.0}, {hi, 1.0}});
}

PiecewiseLinear PiecewiseLinear::decreasing(double lo, double hi) {
  return PiecewiseLinear({{lo, 1.0}, {hi, 0.0}});
}

}  // namespace parley
