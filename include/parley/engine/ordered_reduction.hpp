#pragma once
/// \file ordered_reduction.hpp
/// Monte Carlo over blocks of runs on several threads, merged in block order.
///
/// Floating-point addition is not associative, so a sum formed in the order threads happen
/// to finish would change in its last bits with the thread count. Here block b holds runs
/// [b B, (b + 1) B) and the blocks' accumulators are merged strictly in the order
/// 0, 1, 2, ...: the result is bit-identical for 1 or 64 threads (DESIGN 2, reproducibility),
/// and, since a worker may start block b only while b < merged + window, at most `window`
/// block accumulators exist at once, so memory does not grow with the number of runs.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace parley {

/// The number of worker threads for `blocks` blocks: `requested` (0 means one per hardware
/// thread), clamped to [1, blocks].
[[nodiscard]] inline int worker_count(int requested, std::int64_t blocks) {
  const int wanted = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  return static_cast<int>(std::clamp<std::int64_t>(wanted, 1, std::max<std::int64_t>(blocks, 1)));
}

/// Runs `work()` on `threads` threads at once, or on this thread alone when `threads` <= 1,
/// and returns when every call has returned. `work` must not throw (each caller catches and
/// records its workers' exceptions).
template <class Work>
void run_on_threads(int threads, const Work& work) {
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int w = 0; w < threads; ++w) pool.emplace_back(work);
  for (auto& thread : pool) thread.join();
}

/// \brief Runs blocks 0, ..., blocks - 1 on `threads` threads and returns their accumulators
/// merged in block order: total = ((empty + A_0) + A_1) + ... whatever the thread count.
///
/// - `Accumulator` has `clear()` and `merge(const Accumulator&)`; `empty` is copied for the
///   total and for each of the 4 x threads slots.
/// - `make_block_worker()` is called once per thread, on that thread, and returns a callable
///   `void(std::int64_t block, Accumulator& slot)` that adds the runs of `block` to `slot`
///   (cleared before the call); per-thread state such as an EpisodeRunner lives in it.
/// - `on_merged(const Accumulator& total)` is called after each merge, under the lock, in
///   block order (progress reports).
///
/// The first exception any worker throws stops the others and is rethrown here.
template <class Accumulator, class MakeBlockWorker, class OnMerged>
[[nodiscard]] Accumulator reduce_blocks_in_order(std::int64_t blocks, int threads, const Accumulator& empty,
                                                 MakeBlockWorker make_block_worker, OnMerged on_merged) {
  const auto window = 4 * static_cast<std::size_t>(std::max(threads, 1));
  Accumulator total = empty;
  std::vector<Accumulator> slots(window, empty);
  std::vector<unsigned char> ready(window, 0);
  std::mutex mutex;
  std::condition_variable changed;
  std::int64_t next = 0;
  std::int64_t merged = 0;
  bool failed = false;
  std::exception_ptr error;

  const auto work = [&] {
    try {
      auto fill = make_block_worker();
      for (;;) {
        std::int64_t block = 0;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] {
            return failed || next >= blocks || next < merged + static_cast<std::int64_t>(window);
          });
          if (failed || next >= blocks) return;
          block = next++;
        }
        // Slot b mod window is this block's alone until it is merged (see the file comment).
        Accumulator& slot = slots[static_cast<std::size_t>(block) % window];
        slot.clear();
        fill(block, slot);
        std::lock_guard lock(mutex);
        ready[static_cast<std::size_t>(block) % window] = 1;
        bool merged_any = false;
        while (merged < blocks && ready[static_cast<std::size_t>(merged) % window]) {
          const auto s = static_cast<std::size_t>(merged) % window;
          total.merge(slots[s]);
          ready[s] = 0;
          ++merged;
          merged_any = true;
          on_merged(static_cast<const Accumulator&>(total));
        }
        if (merged_any) changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failed) error = std::current_exception();
      failed = true;
      changed.notify_all();
    }
  };

  run_on_threads(threads, work);
  if (error) std::rethrow_exception(error);
  return total;
}

}  // namespace parley
