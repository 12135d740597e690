#pragma once
/// \file artifact_warnings.hpp
/// Warnings that an answer may be an artifact of the model's set-up rather than of its
/// assumptions (issue 16, item 5): settlements that crowd into one round of talks, a horizon
/// that cuts off a share of the probability, and meta-game equilibria that changed with the
/// number of runs.

#include <string>
#include <vector>

#include "parley/engine/run_statistics.hpp"
#include "parley/equilibrium/bargaining_equilibrium.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/model/scenario.hpp"
#include "parley/solve/adaptive_meta_game.hpp"

namespace parley::io {

/// \brief One warning: a stable code (JSON `warnings[].code`) and the sentence the table prints.
struct ArtifactWarning {
  std::string code;
  std::string message;
};

/// The share of the probability (of runs, or of the equilibrium path) above which the horizon
/// is said to truncate the answer: 1%.
inline constexpr double kTruncationShare = 0.01;

/// \brief Warnings on a Monte Carlo summary:
/// - `settlements_in_one_round`: more than half of the settled runs settle in one period that is
///   not the first talk period (agreement at the first talks is the equilibrium's ordinary
///   answer; a later round holding most settlements is where a deadline, often the horizon,
///   decides them);
/// - `horizon_truncates`: more than kTruncationShare of the runs end with the front frozen at T.
[[nodiscard]] std::vector<ArtifactWarning> run_warnings(const Scenario& scenario, const RunSummary& summary);

/// \brief The same on the equilibrium path from the start: `settlements_in_one_round` when more
/// than half of P(agreement) falls in one period after the first talk period, and
/// `horizon_truncates` when P(the front is frozen at T) exceeds kTruncationShare.
[[nodiscard]] std::vector<ArtifactWarning> solve_warnings(const Scenario& scenario,
                                                         const BargainingEquilibrium& equilibrium);

/// \brief Warnings on `compare`'s runs: `equilibria_changed_with_runs` when the equilibrium set at
/// the confidence differed between two successive numbers of runs (AdaptiveHistory::changed):
/// with fewer runs the answer would have been another, and, if the budget ended the runs, it
/// may change again with more. Nothing when the runs were fixed (one look).
[[nodiscard]] std::vector<ArtifactWarning> compare_warnings(const AdaptiveHistory& history);

/// JSON key `warnings`: an array of {"code", "message"}, empty when nothing is amiss.
void write_warnings_json(JsonWriter& json, const std::vector<ArtifactWarning>& warnings);

}  // namespace parley::io
