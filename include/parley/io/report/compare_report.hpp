#pragma once
/// \file compare_report.hpp
/// What `parley compare` prints: the strategy meta-game (DESIGN 1.7), its expected payoffs with
/// their standard errors, every Nash equilibrium, and best replies in words, as a table, JSON,
/// and CSV with one row per profile.

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "parley/model/party.hpp"
#include "parley/model/scenario.hpp"
#include "parley/solve/bimatrix_game.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley::io {

/// \brief The estimated meta-game with its equilibria and best replies: everything the three
/// formats of `parley compare` report. Built from a MetaGame by make_compare_report, or by
/// hand (as the tests do).
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
  std::array<std::vector<BestReply>, 2> replies;   ///< each player's best reply to each strategy of the other
  /// The maximal Nash subsets the equilibria span (nash_subset_members): each the indices into
  /// `equilibria` of its extreme points; every mixture of a subset's members is an equilibrium.
  std::vector<std::vector<int>> nash_subsets;
};

/// The report of `meta`, simulated under `seed`: its equilibria (meta_equilibria), the maximal
/// Nash subsets they span, and both players' best replies (best_replies).
[[nodiscard]] CompareReport make_compare_report(const Scenario& scenario, const MetaGame& meta, std::uint64_t seed);

/// A strategy as `--strategies` spells it, which is also its label in the meta-game: its name,
/// then each parameter given as ":name=value" ("prolonged:e=0.1"). (A run's report writes
/// strategies in prose: run_report.hpp's strategy_label.)
[[nodiscard]] std::string strategy_argument(const StrategySpec& spec);

/// The battlefield assumption in words: "Under a constant advantage of +0.20 for Russia",
/// "Without a battlefield".
[[nodiscard]] std::string advantage_phrase(const Scenario& scenario);

/// "0.5000 (0.0100)": an estimate with its standard error in brackets, 4 decimals each.
[[nodiscard]] std::string estimate_with_error(double estimate, double standard_error);

/// The findings in sentences: each best reply with its margin over the runner-up and whether
/// that margin exceeds twice its paired standard error, then the equilibria.
[[nodiscard]] std::vector<std::string> compare_summary(const CompareReport& report);

/// The table: the setting, the payoff bimatrix with standard errors, P(agreement) and mean
/// duration per profile, the equilibria's supports, probabilities and payoffs, and the summary.
void write_compare_table(std::ostream& out, const CompareReport& report);

/// The same as one JSON object, matrices as arrays of rows.
void write_compare_json(std::ostream& out, const CompareReport& report);

/// One CSV row per profile (i, j): both strategies, both payoffs with their standard errors,
/// P(agreement) and mean duration.
void write_compare_csv(std::ostream& out, const CompareReport& report);

}  // namespace parley::io
