#pragma once
/// \file monte_carlo.hpp
/// Monte Carlo over episodes (DESIGN 2): many runs of a scenario on several threads, with
/// results that do not depend on the thread count.

#include <cstdint>
#include <functional>

#include "parley/engine/run_statistics.hpp"
#include "parley/engine/simulation.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// Runs are grouped in blocks of this many, each accumulated in run order and merged in
/// block order: the partition, and hence every floating-point sum, is the same for any number
/// of threads.
inline constexpr std::int64_t runs_per_block = 256;

/// \brief How many runs, from which seed, on how many threads.
struct RunOptions {
  std::int64_t runs = 10000;  ///< >= 1
  std::uint64_t seed = 1;     ///< base seed
  std::uint64_t point = 0;    ///< design point: run k uses RandomStream(seed, point, k)
  int threads = 0;            ///< 0: every hardware thread
  /// Called with (runs done, runs in total) after each block is merged, from whichever worker
  /// thread merged it, never concurrently. Optional.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

/// \brief Simulates `options.runs` episodes of a prepared scenario and summarises them.
///
/// Run k (k = 0 .. runs-1) of design point p draws its front from RandomStream(seed, p, k)
/// and any protocol randomness from stream EpisodeRunner::protocol_stream of the same
/// (seed, p, k), so the same run index always sees the same front whatever the strategies
/// (common random numbers, DESIGN 1.7) and whatever the thread it lands on. Each thread owns
/// an EpisodeRunner; blocks of runs_per_block runs are handed out in order and merged in
/// order, with at most a few blocks waiting at any time, so memory does not grow with the
/// number of runs.
/// \throws std::invalid_argument if runs < 1; rethrows the first exception of a worker.
[[nodiscard]] RunSummary simulate(const Simulation& simulation, const RunOptions& options);

/// The same for a scenario (builds the Simulation first).
[[nodiscard]] RunSummary simulate(const Scenario& scenario, const RunOptions& options);

}  // namespace parley
