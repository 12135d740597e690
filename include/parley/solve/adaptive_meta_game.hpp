#pragma once
/// \file adaptive_meta_game.hpp
/// The meta-game with as many runs as its answer needs (issue 16): start with some runs, double
/// them (common random numbers, the runs done kept) until the equilibrium set at a confidence
/// (meta_equilibrium_set.hpp) is the same at two successive sizes or a budget of runs is spent,
/// and record each step.

#include <cstdint>
#include <memory>
#include <vector>

#include "parley/agents/bargaining_setting.hpp"
#include "parley/engine/confidence_interval.hpp"
#include "parley/engine/monte_carlo.hpp"
#include "parley/solve/meta_equilibrium_set.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley {

/// The default budget, as a multiple of the starting runs: 16, four doublings (five looks).
inline constexpr std::int64_t kAdaptiveBudgetFactor = 16;

/// \brief How many runs play_adaptive_meta_game may use, and at which confidence it compares.
struct AdaptiveOptions {
  double confidence = 0.95;  ///< level of the ties, in (0, 1)
  /// The budget: the most runs per profile, >= the starting runs; 0: kAdaptiveBudgetFactor
  /// times the starting runs.
  std::int64_t max_runs = 0;
  bool doubling = true;  ///< false: the starting runs only, and no check of stability
};

/// Why the runs stopped where they did.
enum class AdaptiveStop {
  stable,  ///< the equilibrium set was the same at the last two sizes
  budget,  ///< the next size would have exceeded the budget, and the set had not settled
  fixed,   ///< doubling was off (AdaptiveOptions::doubling)
};

/// \brief One look: the runs per profile and the equilibrium set at the confidence there.
struct AdaptiveStep {
  std::int64_t runs = 0;
  MetaEquilibriumSet set;
};

/// \brief The looks, in order, and how they ended.
struct AdaptiveHistory {
  double confidence = 0.95;
  double z = z_95;                      ///< confidence_z(confidence)
  std::int64_t max_runs = 0;            ///< the budget (the starting runs when fixed)
  AdaptiveStop stop = AdaptiveStop::fixed;
  std::vector<AdaptiveStep> steps;      ///< at least one; the last is the meta-game returned

  /// Whether the equilibrium set differed between two successive steps.
  [[nodiscard]] bool changed() const;
};

/// \brief The meta-game at its last step, and the history of the steps.
struct AdaptiveMetaGame {
  MetaGame meta;
  AdaptiveHistory history;
};

/// \brief Plays the meta-game of `spec` with options.runs runs (play_meta_game), then, while
/// the equilibrium set at the confidence differs from the one at the previous size and the
/// budget allows, doubles the runs (extend_meta_game: the runs done are kept, run k of every
/// profile is still RandomStream(seed, point, k)); the last step is capped at the budget.
///
/// Stops `stable` when two successive sizes give the same MetaEquilibriumSet, `budget` when the
/// runs reached max_runs without that, `fixed` after the first size when doubling is off. Every
/// step's estimate is bit-identical at any thread count (extend_meta_game), so are the sets, the
/// decisions and the result. Cost: max_runs x profiles episodes at most, since no run is played
/// twice.
///
/// Repeated looks. Every look compares with level-c intervals as if it were the only one. As
/// with any significance test repeated on accumulating data without correction, the chance that
/// some look calls a true tie a difference grows with the number of looks (Armitage, McPherson
/// and Rowe 1969: five equally spaced looks at a nominal 5% reject a true null about 14% of the
/// time), and stopping when the answer looks settled favours answers that look settled. So the
/// confidence is a per-comparison, per-look level, and the stopping rule is a stability check
/// (two successive looks, the second on twice the runs, agree), not a sequential test with a
/// controlled error rate; a group-sequential design (Pocock 1977; O'Brien and Fleming 1979;
/// alpha spending, Lan and DeMets 1983) would spend the error over the looks instead. What the
/// rule gives is the history: a set that changed with the runs is reported as such (JSON
/// `adaptive.history`, warning `equilibria_changed_with_runs`), and a stop on the budget says
/// that the budget, not the data, ended the runs.
/// \throws std::invalid_argument if the confidence is not in (0, 1), max_runs is set below
/// options.runs, or play_meta_game refuses the spec; rethrows the first exception of a worker.
[[nodiscard]] AdaptiveMetaGame play_adaptive_meta_game(std::shared_ptr<const BargainingSetting> setting,
                                                       const MetaGameSpec& spec, const RunOptions& options,
                                                       const AdaptiveOptions& adaptive = {});

}  // namespace parley
