#include "parley/sweep/sweep_runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace parley::sweep {

PointSource point_list(const std::vector<std::uint64_t>& points) {
  PointSource source;
  source.size = points.size();
  source.next = [&points, k = std::size_t{0}]() mutable -> std::optional<std::uint64_t> {
    if (k >= points.size()) return std::nullopt;
    return points[k++];
  };
  return source;
}

PointSource point_source(PendingPoints points) {
  PointSource source;
  source.size = points.size();
  source.next = [walk = points]() mutable { return walk.next(); };
  return source;
}

void evaluate_points(const Design& design, PointSource points, const PointEvaluator& evaluator, unsigned threads,
                     const RowSink& sink) {
  std::mutex source_mutex;
  std::atomic<bool> stop{false};
  std::mutex sink_mutex;
  std::exception_ptr failure;

  // Both record the first failure and raise `stop`; the caller of record_failure holds
  // sink_mutex, so no other thread can reach the sink between a failure and the stop.
  auto record_failure = [&] {
    if (!failure) failure = std::current_exception();
    stop = true;
  };
  auto take = [&]() -> std::optional<std::uint64_t> {
    const std::lock_guard lock(source_mutex);
    return points.next();
  };
  auto work = [&] {
    try {
      for (;;) {
        if (stop.load()) return;
        const auto point = take();
        if (!point) return;
        PointResult row = evaluate_point(evaluator, design.point(*point));
        const std::lock_guard lock(sink_mutex);
        if (stop.load()) return;
        try {
          sink(std::move(row));
        } catch (...) {
          record_failure();  // still under the lock: the sink is never called after it failed
          return;
        }
      }
    } catch (...) {
      const std::lock_guard lock(sink_mutex);
      record_failure();
    }
  };

  const auto count = static_cast<std::size_t>(std::max<std::uint64_t>(1, std::min<std::uint64_t>(threads, points.size)));
  if (count == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(count);
    for (std::size_t t = 0; t < count; ++t) pool.emplace_back(work);
    for (auto& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
}

void evaluate_points(const Design& design, const std::vector<std::uint64_t>& points,
                     const PointEvaluator& evaluator, unsigned threads, const RowSink& sink) {
  evaluate_points(design, point_list(points), evaluator, threads, sink);
}

}  // namespace parley::sweep
