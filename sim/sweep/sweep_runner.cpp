#include "parley/sweep/sweep_runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace parley::sweep {

void evaluate_points(const Design& design, const std::vector<std::uint64_t>& points,
                     const PointEvaluator& evaluator, unsigned threads, const RowSink& sink) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex sink_mutex;
  std::exception_ptr failure;

  // Both record the first failure and raise `stop`; the caller of record_failure holds
  // sink_mutex, so no other thread can reach the sink between a failure and the stop.
  auto record_failure = [&] {
    if (!failure) failure = std::current_exception();
    stop = true;
  };
  auto work = [&] {
    try {
      for (;;) {
        if (stop.load()) return;
        const std::size_t k = next.fetch_add(1);
        if (k >= points.size()) return;
        PointResult row = evaluate_point(evaluator, design.point(points[k]));
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

  const auto count = std::max<std::size_t>(1, std::min<std::size_t>(threads, points.size()));
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

}  // namespace parley::sweep
