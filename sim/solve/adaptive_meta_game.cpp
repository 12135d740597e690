#include "parley/solve/adaptive_meta_game.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <utility>

namespace parley {

bool AdaptiveHistory::changed() const {
  for (std::size_t k = 1; k < steps.size(); ++k)
    if (!(steps[k].set == steps[k - 1].set)) return true;
  return false;
}

AdaptiveMetaGame play_adaptive_meta_game(std::shared_ptr<const BargainingSetting> setting, const MetaGameSpec& spec,
                                         const RunOptions& options, const AdaptiveOptions& adaptive) {
  AdaptiveHistory history;
  history.confidence = adaptive.confidence;
  history.z = confidence_z(adaptive.confidence);  // throws outside (0, 1)
  if (adaptive.max_runs != 0 && adaptive.max_runs < options.runs)
    throw std::invalid_argument("meta-game: the budget of runs is below the starting runs");
  constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
  history.max_runs = !adaptive.doubling      ? options.runs
                     : adaptive.max_runs > 0 ? adaptive.max_runs
                     : options.runs > most / kAdaptiveBudgetFactor ? most
                                                                    : kAdaptiveBudgetFactor * options.runs;

  MetaGame meta = play_meta_game(std::move(setting), spec, options);
  history.steps.push_back({meta.runs(), meta_equilibrium_set(meta, history.z)});
  for (;;) {
    const std::size_t n = history.steps.size();
    if (!adaptive.doubling) {
      history.stop = AdaptiveStop::fixed;
      break;
    }
    if (n >= 2 && history.steps[n - 1].set == history.steps[n - 2].set) {
      history.stop = AdaptiveStop::stable;
      break;
    }
    if (meta.runs() >= history.max_runs) {
      history.stop = AdaptiveStop::budget;
      break;
    }
    const std::int64_t next = meta.runs() > history.max_runs / 2 ? history.max_runs : 2 * meta.runs();
    meta = extend_meta_game(meta, next, options.threads, options.progress);
    history.steps.push_back({meta.runs(), meta_equilibrium_set(meta, history.z)});
  }
  return {std::move(meta), std::move(history)};
}

}  // namespace parley
