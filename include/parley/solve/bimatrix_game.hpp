#pragma once
/// \file bimatrix_game.hpp
/// A two-player game in strategic form (a bimatrix game), its mixed-strategy profiles, and
/// the best-response test every Nash solver's output is checked against.

#include <array>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace parley {

/// \brief A two-player game in strategic form: player 1 (the row player) picks a row i of
/// the m x n matrices, player 2 (the column player) a column j; they receive A(i, j) and
/// B(i, j).
///
/// The notation is von Stengel's ("Computing equilibria for two-person games", Handbook of
/// Game Theory vol. 3, 2002, ch. 45): A, B are m x n, a mixed strategy of player 1 is
/// x in R^m, of player 2 y in R^n, and the expected payoffs are x^T A y and x^T B y.
/// Players and strategies carry names so that results can be reported in the terms of the
/// game (the strategy names of a meta-game, the labels of a Gambit .nfg file).
class BimatrixGame {
 public:
  /// Game with payoff matrices `a` (player 1) and `b` (player 2), players named
  /// "Player 1" and "Player 2", strategies labelled "1", "2", ... like Gambit's.
  /// Throws std::invalid_argument unless a and b have the same, nonzero, size and every
  /// payoff is finite.
  BimatrixGame(Eigen::MatrixXd a, Eigen::MatrixXd b);

  /// Game with the given names. `strategy_labels[p]` must have one label per strategy of
  /// player p (a.rows() for p = 0, a.cols() for p = 1); throws std::invalid_argument
  /// otherwise, or for the reasons of the two-argument constructor.
  BimatrixGame(Eigen::MatrixXd a, Eigen::MatrixXd b, std::array<std::string, 2> player_names,
               std::array<std::vector<std::string>, 2> strategy_labels, std::string title = "");

  /// A: player 1's payoffs, m x n.
  [[nodiscard]] const Eigen::MatrixXd& a() const { return a_; }
  /// B: player 2's payoffs, m x n (not transposed).
  [[nodiscard]] const Eigen::MatrixXd& b() const { return b_; }
  /// m, the number of player 1's strategies (rows).
  [[nodiscard]] int rows() const { return static_cast<int>(a_.rows()); }
  /// n, the number of player 2's strategies (columns).
  [[nodiscard]] int cols() const { return static_cast<int>(a_.cols()); }
  /// Number of strategies of player `player` (0 or 1).
  [[nodiscard]] int num_strategies(int player) const { return player == 0 ? rows() : cols(); }

  [[nodiscard]] const std::string& title() const { return title_; }
  /// Name of player 0 or 1.
  [[nodiscard]] const std::string& player_name(int player) const;
  /// Labels of player `player`'s strategies, in order.
  [[nodiscard]] const std::vector<std::string>& strategy_labels(int player) const;

 private:
  Eigen::MatrixXd a_;
  Eigen::MatrixXd b_;
  std::array<std::string, 2> player_names_;
  std::array<std::vector<std::string>, 2> strategy_labels_;
  std::string title_;
};

/// \brief A mixed-strategy profile (x, y): x the probabilities of player 1's strategies,
/// y of player 2's.
struct MixedProfile {
  Eigen::VectorXd x;
  Eigen::VectorXd y;
};

/// Receives each equilibrium as a solver finds it (as Gambit's solvers report them).
using EquilibriumCallback = std::function<void(const MixedProfile&)>;

/// Expected payoffs (x^T A y, x^T B y) of the profile.
[[nodiscard]] std::array<double, 2> expected_payoffs(const BimatrixGame& game, const MixedProfile& profile);

/// The largest gain a player can make by deviating alone:
/// max( max_i (A y)_i - x^T A y, max_j (B^T x)_j - x^T B y ).
/// It is 0 exactly at a Nash equilibrium (Nash 1951: a profile is an equilibrium iff every
/// pure strategy played with positive probability is a best response), and it is Gambit's
/// "max regret", so solvers' outputs can be compared on the same scale.
[[nodiscard]] double regret(const BimatrixGame& game, const MixedProfile& profile);

/// \brief The payoffs of a game normalised so that only the incentives remain, each player's
/// in [0, 1]: tolerances applied to them are relative to the game's own payoff scale.
///
/// Player 1's best responses to any y compare (A y)_i across rows i, so adding a constant c_j
/// to column j of A changes (A y)_i by c . y for every i alike, and leaves the best responses,
/// the regrets and hence the equilibria unchanged; likewise adding a constant to a row of B.
/// So a(i, j) = (A(i, j) - min_k A(k, j)) / scale_a, with scale_a = max_{i,j} (A(i, j) -
/// min_k A(k, j)) the largest gain player 1 can ever make by switching rows (its incentive
/// scale), and b(i, j) = (B(i, j) - min_l B(i, l)) / scale_b in the same way. A player who is
/// never better off switching (scale 0) gets zeros and scale 0. Unlike one shift and scale of
/// the whole matrix, this keeps a payoff difference of 1 beside payoffs of 1e12 at full size.
struct NormalizedPayoffs {
  Eigen::MatrixXd a;     ///< player 1's incentives, in [0, 1], each column's minimum 0
  Eigen::MatrixXd b;     ///< player 2's incentives, in [0, 1], each row's minimum 0
  double scale_a = 0.0;  ///< the largest difference within a column of A
  double scale_b = 0.0;  ///< the largest difference within a row of B
};

/// The normalised payoffs of `game` (see NormalizedPayoffs). When a payoff difference would
/// overflow (payoffs near +-1.8e308 of both signs) the payoffs are first divided by their
/// largest magnitude, and the scale reported may be infinite.
[[nodiscard]] NormalizedPayoffs normalized_payoffs(const BimatrixGame& game);

/// True when both vectors are probability distributions of the right sizes (entries
/// >= -tolerance, sums within tolerance of 1) and regret(game, profile) <= tolerance.
[[nodiscard]] bool is_nash_equilibrium(const BimatrixGame& game, const MixedProfile& profile,
                                       double tolerance);

/// Largest absolute difference between the probabilities of two profiles of the same game
/// (infinity when their sizes differ); solvers use it to recognise the same equilibrium.
[[nodiscard]] double profile_distance(const MixedProfile& p, const MixedProfile& q);

}  // namespace parley
