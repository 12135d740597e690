#pragma once
/// \file point_evaluation.hpp
/// Evaluating one design point: the callback a sweep calls (Monte Carlo on the scenario with
/// the point's values, or any function of them) and the result row it produces.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "parley/sweep/design.hpp"

namespace parley::sweep {

/// \brief What became of a design point.
///
/// `invalid`: its parameter values do not make a valid scenario (the loader rejected the
/// combination); `error`: the evaluation failed otherwise. Neither stops the sweep.
enum class PointStatus { ok, invalid, error };

/// "ok", "invalid", "error": the results file's `status` column.
const char* to_string(PointStatus status);

/// \brief One row of results: the point, its status, why it failed, and its metrics (in the
/// evaluator's `metric_names` order; empty unless ok).
struct PointResult {
  std::uint64_t point = 0;
  PointStatus status = PointStatus::ok;
  std::string message;
  std::vector<double> metrics;
  friend bool operator==(const PointResult&, const PointResult&) = default;
};

/// Thrown by an evaluator when a point's values do not make a valid scenario.
class InvalidPoint : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief The evaluation callback of a sweep.
///
/// `evaluate` maps a design point to its metrics, one per name in `metric_names`; it is called
/// from several threads at once, so it must be safe to (it gets no shared mutable state from
/// the sweep). It must be a function of the point (its id and values) and the evaluator's own
/// fixed inputs (scenario, runs, base seed) only, so that a point gives the same row whichever
/// thread, shard or process computes it. It throws InvalidPoint for an invalid combination.
struct PointEvaluator {
  std::vector<std::string> metric_names;
  std::function<std::vector<double>(const DesignPoint& point)> evaluate;
};

/// \brief Evaluates one point, turning exceptions into a failed row: InvalidPoint gives status
/// `invalid`, any other std::exception (or a metric count that differs from
/// `metric_names.size()`) status `error`, with the exception's message.
PointResult evaluate_point(const PointEvaluator& evaluator, const DesignPoint& point);

}  // namespace parley::sweep
