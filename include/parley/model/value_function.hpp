#pragma once
/// \file value_function.hpp
/// A party's value function over a continuous issue: piecewise linear through given points.

#include <utility>
#include <vector>

namespace parley {

/// \brief v(x), piecewise linear through breakpoints (x_0, v_0) < ... < (x_m, v_m).
///
/// Linear increasing on [lo, hi] is the two points (lo, 0), (hi, 1); decreasing is
/// (lo, 1), (hi, 0) (DESIGN 1.2). Between breakpoints v is the linear interpolation; the
/// x_k are strictly increasing, cover the issue's [lo, hi], and every v_k is in [0, 1].
/// Piecewise-linear values keep the analytics exact: a frontier built from them is a
/// polyline whose vertices are breakpoints, so nothing is rounded to a grid.
class PiecewiseLinear {
 public:
  PiecewiseLinear() = default;
  /// Breakpoints (x, v), x strictly increasing (checked by the scenario loader).
  explicit PiecewiseLinear(std::vector<std::pair<double, double>> points);

  /// v(x) = v_k + (v_{k+1} - v_k) (x - x_k) / (x_{k+1} - x_k) for x in [x_k, x_{k+1}];
  /// constant beyond the ends; NaN for a NaN x.
  [[nodiscard]] double operator()(double x) const;

  [[nodiscard]] const std::vector<std::pair<double, double>>& points() const { return points_; }

  /// (lo, 0) -> (hi, 1).
  static PiecewiseLinear increasing(double lo, double hi);
  /// (lo, 1) -> (hi, 0).
  static PiecewiseLinear decreasing(double lo, double hi);

 private:
  std::vector<std::pair<double, double>> points_;
};

}  // namespace parley
