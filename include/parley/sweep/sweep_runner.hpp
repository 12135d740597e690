#pragma once
/// \file sweep_runner.hpp
/// Evaluating many design points on a pool of threads, each row handed on as soon as it is done.

#include <cstdint>
#include <functional>
#include <vector>

#include "parley/sweep/design.hpp"
#include "parley/sweep/point_evaluation.hpp"

namespace parley::sweep {

/// Receives each finished row; calls are serialised (never two at once) and in completion order.
using RowSink = std::function<void(PointResult&& row)>;

/// \brief Evaluates the design points `points` (ids into `design`) with `threads` worker
/// threads (at least 1), calling `sink` with each row as soon as it is finished.
///
/// Workers take the next point from a shared counter, so faster points do not wait for slower
/// ones; the order rows arrive in depends on timing, their content only on the point. If `sink`
/// throws (a full disk), no new point is started, the workers are joined and the first exception
/// is rethrown. Returns when every point has been handed to `sink`.
void evaluate_points(const Design& design, const std::vector<std::uint64_t>& points,
                     const PointEvaluator& evaluator, unsigned threads, const RowSink& sink);

}  // namespace parley::sweep
