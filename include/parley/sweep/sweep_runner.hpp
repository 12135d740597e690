#pragma once
/// \file sweep_runner.hpp
/// Evaluating many design points on a pool of threads, each row handed on as soon as it is done.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "parley/sweep/design.hpp"
#include "parley/sweep/pending_points.hpp"
#include "parley/sweep/point_evaluation.hpp"

namespace parley::sweep {

/// Receives each finished row; calls are serialised (never two at once) and in completion order.
using RowSink = std::function<void(PointResult&& row)>;

/// \brief The points to evaluate, handed out one at a time: `size` of them, each by a call of
/// `next` (calls are serialised; nothing once they are all given). A design is never listed:
/// the session's source walks the pending points of a shard (pending_points.hpp).
struct PointSource {
  std::uint64_t size = 0;
  std::function<std::optional<std::uint64_t>()> next;
};

/// The points of `points`, in order (the list must outlive the source).
PointSource point_list(const std::vector<std::uint64_t>& points);
/// The points `points` walks, in order (a copy of it walks; its DonePoints must outlive the source).
PointSource point_source(PendingPoints points);

/// \brief Evaluates the design points `points` gives (ids into `design`) with `threads` worker
/// threads (at least 1), calling `sink` with each row as soon as it is finished.
///
/// Workers take the next point from the source in turn, so faster points do not wait for slower
/// ones; the order rows arrive in depends on timing, their content only on the point. If `sink`
/// throws (a full disk), no new point is started, the workers are joined and the first exception
/// is rethrown. Returns when every point has been handed to `sink`.
void evaluate_points(const Design& design, PointSource points, const PointEvaluator& evaluator, unsigned threads,
                     const RowSink& sink);

/// The same for a list of points (ids into `design`, in the order they are started).
void evaluate_points(const Design& design, const std::vector<std::uint64_t>& points,
                     const PointEvaluator& evaluator, unsigned threads, const RowSink& sink);

}  // namespace parley::sweep
