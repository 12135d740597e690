#pragma once
/// \file compare_report.hpp
/// What `parley compare` prints: the strategy meta-game (DESIGN 1.7), its expected payoffs with
/// their standard errors, every Nash equilibrium, best replies (ties at the confidence marked as
/// ties) in words, and how many runs the equilibrium set at the confidence needed (the doubling
/// history, adaptive_meta_game.hpp), as a table, JSON, and CSV with one row per profile.

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "parley/model/party.hpp"
#include "parley/model/scenario.hpp"
#include "parley/solve/adaptive_meta_game.hpp"
#include "parley/solve/bimatrix_game.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley::io {

struct RobustnessCheck;  // robustness_report.hpp (which reads this header's CompareReport)

/// \brief The estimated meta-game with its equilibria and best replies: everything the three
/// formats of `parley compare` report. Built from an AdaptiveMetaGame by make_compare_report,
/// or by hand (as the tests do).
struct CompareReport {
  const Scenario& scenario;
  /// Expected payoffs A (row player) and B (column player), the players' ids and the labels of
  /// their strategies.
  BimatrixGame game;
  std::array<std::string, 2> player_names;         ///< the parties' names, for prose
  std::array<Eigen::MatrixXd, 2> standard_errors;  ///< of each payoff, per player, rows x cols
  Eigen::MatrixXd settled;                         ///< share of runs of each profile that settled
  Eigen::MatrixXd mean_duration;                   ///< mean periods fought, per profile
  std::int64_t runs = 0;                           ///< runs per profile
  std::uint64_t seed = 0;                          ///< of the common random numbers
  std::vector<MetaEquilibrium> equilibria;
  /// Each player's best reply to each strategy of the other, with its ties at history.z.
  std::array<std::vector<BestReply>, 2> replies;
  /// The maximal Nash subsets the equilibria span (nash_subset_members): each the indices into
  /// `equilibria` of its extreme points; every mixture of a subset's members is an equilibrium.
  std::vector<std::vector<int>> nash_subsets;
  /// The confidence, the budget, each look's runs and equilibrium set at the confidence, and
  /// why the runs stopped. With no steps (a report made by hand) nothing is said about them.
  AdaptiveHistory history;
};

/// The report of `adaptive`: the meta-game at its last step (runs and seed from it), its
/// equilibria (meta_equilibria), the maximal Nash subsets they span, both players' best replies
/// with their ties at the history's confidence (best_replies), and the history.
[[nodiscard]] CompareReport make_compare_report(const Scenario& scenario, const AdaptiveMetaGame& adaptive);

/// A strategy as `--strategies` spells it, which is also its label in the meta-game: its name,
/// then each parameter given as ":name=value" ("prolonged:e=0.1"). (A run's report writes
/// strategies in prose: run_report.hpp's strategy_label.)
[[nodiscard]] std::string strategy_argument(const StrategySpec& spec);

/// The battlefield assumption in words: "Under a constant advantage of +0.20 for Russia",
/// "Without a battlefield".
[[nodiscard]] std::string advantage_phrase(const Scenario& scenario);

/// A confidence level as a percentage with no trailing zeros: "95%", "99.9%".
[[nodiscard]] std::string confidence_percent(double confidence);

/// "0.5000 (0.0100)": an estimate with its standard error in brackets, 4 decimals each.
[[nodiscard]] std::string estimate_with_error(double estimate, double standard_error);

/// The findings in sentences: each best reply with its margin over the runner-up, or, when other
/// strategies are tied with it at the confidence, the indifference between them ("Russia is
/// indifferent between prolonged and quick against a quick Ukraine at 95% confidence"); then the
/// equilibria of the estimated payoffs, and the equilibrium set at the confidence with whether it
/// was stable, the budget ran out, or the runs were fixed.
[[nodiscard]] std::vector<std::string> compare_summary(const CompareReport& report);

/// The table: the setting, the warnings (compare_warnings), the payoff bimatrix with standard
/// errors, P(agreement) and mean duration per profile, the equilibria's supports, probabilities
/// and payoffs, the equilibrium set at the confidence at each number of runs, and the summary.
void write_compare_table(std::ostream& out, const CompareReport& report);

/// The same as one JSON object, matrices as arrays of rows.
/// With `robustness`, also `robustness` (robustness_report.hpp).
void write_compare_json(std::ostream& out, const CompareReport& report, const RobustnessCheck* robustness = nullptr);

/// One CSV row per profile (i, j): both strategies, both payoffs with their standard errors,
/// P(agreement) and mean duration.
void write_compare_csv(std::ostream& out, const CompareReport& report);

}  // namespace parley::io
