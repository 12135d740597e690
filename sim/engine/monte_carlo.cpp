#include "parley/engine/monte_carlo.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "parley/engine/episode_runner.hpp"
#include "parley/engine/ordered_reduction.hpp"

namespace parley {

RunSummary simulate(const Simulation& simulation, const RunOptions& options) {
  if (options.runs < 1) throw std::invalid_argument("simulate: runs must be >= 1");
  const std::int64_t blocks = (options.runs + runs_per_block - 1) / runs_per_block;
  const auto make_block_worker = [&] {
    return [&, runner = std::make_unique<EpisodeRunner>(simulation)](std::int64_t block, RunAccumulator& slot) {
      const std::int64_t first = block * runs_per_block;
      const std::int64_t last = std::min(options.runs, first + runs_per_block);
      for (std::int64_t k = first; k < last; ++k)
        slot.add(runner->run(options.seed, options.point, static_cast<std::uint64_t>(k)));
    };
  };
  const RunAccumulator total = reduce_blocks_in_order(
      blocks, worker_count(options.threads, blocks), RunAccumulator(simulation.scenario()), make_block_worker,
      [&](const RunAccumulator& merged) {
        if (options.progress) options.progress(merged.runs(), options.runs);
      });
  return total.summary(options.seed, options.point);
}

RunSummary simulate(const Scenario& scenario, const RunOptions& options) {
  const Simulation simulation(scenario);
  return simulate(simulation, options);
}

}  // namespace parley
