#pragma once
// A stand-in for the Monte Carlo engine in sweep tests: a function of the point's values and of
// random draws seeded from (seed, point, run), so that rows depend on the seed and the point
// exactly as the engine's do, and are cheap and known.
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

#include "parley/battlefield/random_stream.hpp"
#include "parley/sweep/point_evaluation.hpp"

namespace parley::testing {

/// Metrics of point (x, y) over `runs` draws u_k of RandomStream(seed, point, k):
///   mean  = (1/R) sum_k (x + y u_k)        (expected value x + y/2)
///   product = x y
///   positive_part = x if x >= 0, else NaN (an undefined metric)
/// The point is invalid when x + y > invalid_above. `delay` per point slows it for kill tests.
inline sweep::PointEvaluator analytic_evaluator(std::uint64_t seed, std::uint64_t runs, double invalid_above = 1e300,
                                         std::chrono::microseconds delay = std::chrono::microseconds(0)) {
  sweep::PointEvaluator evaluator;
  evaluator.metric_names = {"mean", "product", "positive_part"};
  evaluator.evaluate = [=](const sweep::DesignPoint& point) {
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    const double x = std::stod(point.values.at(0));
    const double y = point.values.size() > 1 ? std::stod(point.values[1]) : 0.0;
    if (x + y > invalid_above)
      throw sweep::InvalidPoint("x + y = " + std::to_string(x + y) + " is above " + std::to_string(invalid_above) +
                         "\nsecond line of the message");
    double sum = 0.0;
    for (std::uint64_t k = 0; k < runs; ++k) sum += x + y * RandomStream(seed, point.id, k).uniform();
    return std::vector<double>{sum / static_cast<double>(runs), x * y,
                               x >= 0 ? x : std::numeric_limits<double>::quiet_NaN()};
  };
  return evaluator;
}

}  // namespace parley::testing
