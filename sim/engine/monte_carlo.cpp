#include "parley/engine/monte_carlo.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "parley/engine/episode_runner.hpp"

namespace parley {

namespace {

// Hands out blocks in order and merges finished ones in order. A worker may start block b
// only while b < merged + window, so at most `window` blocks are ever in flight or waiting:
// each has a slot of its own (b mod window) that no other block uses until it is merged.
class BlockScheduler {
 public:
  BlockScheduler(const Simulation& simulation, const RunOptions& options, std::int64_t blocks, std::size_t window)
      : options_(options), blocks_(blocks), window_(window), total_(simulation.scenario()),
        slots_(window, RunAccumulator(simulation.scenario())), ready_(window, 0) {}

  void work(const Simulation& simulation) {
    try {
      EpisodeRunner runner(simulation);
      for (;;) {
        std::int64_t block = 0;
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [&] {
            return failed_ || next_ >= blocks_ || next_ < merged_ + static_cast<std::int64_t>(window_);
          });
          if (failed_ || next_ >= blocks_) return;
          block = next_++;
        }
        RunAccumulator& slot = slots_[static_cast<std::size_t>(block) % window_];
        slot.clear();
        const std::int64_t first = block * runs_per_block;
        const std::int64_t last = std::min(options_.runs, first + runs_per_block);
        for (std::int64_t k = first; k < last; ++k)
          slot.add(runner.run(options_.seed, options_.point, static_cast<std::uint64_t>(k)));
        std::lock_guard lock(mutex_);
        ready_[static_cast<std::size_t>(block) % window_] = 1;
        bool merged_any = false;
        while (merged_ < blocks_ && ready_[static_cast<std::size_t>(merged_) % window_]) {
          const auto s = static_cast<std::size_t>(merged_) % window_;
          total_.merge(slots_[s]);
          ready_[s] = 0;
          ++merged_;
          merged_any = true;
          if (options_.progress) options_.progress(total_.runs(), options_.runs);
        }
        if (merged_any) changed_.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failed_) error_ = std::current_exception();
      failed_ = true;
      changed_.notify_all();
    }
  }

  RunSummary finish() const {
    if (error_) std::rethrow_exception(error_);
    return total_.summary(options_.seed, options_.point);
  }

 private:
  const RunOptions& options_;
  std::int64_t blocks_;
  std::size_t window_;
  RunAccumulator total_;
  std::vector<RunAccumulator> slots_;
  std::vector<unsigned char> ready_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::int64_t next_ = 0;
  std::int64_t merged_ = 0;
  bool failed_ = false;
  std::exception_ptr error_;
};

}  // namespace

RunSummary simulate(const Simulation& simulation, const RunOptions& options) {
  if (options.runs < 1) throw std::invalid_argument("simulate: runs must be >= 1");
  const std::int64_t blocks = (options.runs + runs_per_block - 1) / runs_per_block;
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = static_cast<int>(std::clamp<std::int64_t>(threads, 1, blocks));
  BlockScheduler scheduler(simulation, options, blocks, 4 * static_cast<std::size_t>(threads));
  if (threads == 1) {
    scheduler.work(simulation);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int w = 0; w < threads; ++w) pool.emplace_back([&] { scheduler.work(simulation); });
    for (auto& thread : pool) thread.join();
  }
  return scheduler.finish();
}

RunSummary simulate(const Scenario& scenario, const RunOptions& options) {
  const Simulation simulation(scenario);
  return simulate(simulation, options);
}

}  // namespace parley
