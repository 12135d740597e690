#pragma once
/// \file battlefield_chain.hpp
/// The front as a time-inhomogeneous Markov chain on the states 0..N (DESIGN 1.4).

#include <Eigen/SparseCore>

#include "parley/model/battlefield_params.hpp"

namespace parley {

/// \brief The probabilities of the five possible moves from an interior state in one period.
///
/// With tempo r, advantage a and offensive probability o (size K):
/// up = r (1 + a)/2 (1 - o), up_far = r (1 + a)/2 o (K states up), down = r (1 - a)/2 (1 - o),
/// down_far = r (1 - a)/2 o (K states down), stay = 1 - r. Far moves are clamped into the
/// absorbing threshold they cross. With K = 1 a far move is an ordinary one.
struct FrontMoves {
  double down_far = 0.0;
  double down = 0.0;
  double stay = 1.0;
  double up = 0.0;
  double up_far = 0.0;
};

/// \brief The battlefield chain (DESIGN 1.4): states s = 0..N, s/N side A's share.
///
/// States s <= collapse_a and s >= collapse_b are absorbing. From an interior state the front
/// moves, in period t, one state up with probability r (1 + a_t)/2, one down with
/// r (1 - a_t)/2, and stays with 1 - r (the gambler's ruin with holding, Feller vol. I
/// ch. XIV); with an offensive probability o a move is instead K = offensive_size states
/// with probability o, clamped into the absorbing state it reaches. a_t is
/// clamp(schedule.at(t) + advantage_offset, -1, 1): offset 0 is the true chain, a non-zero
/// offset is a belief hypothesis (DESIGN 1.5).
class BattlefieldChain {
 public:
  /// \throws std::invalid_argument if N < 2, tempo is outside (0, 1], the thresholds are
  /// outside [0, N] or leave no interior (collapse_a >= collapse_b - 1), start is not
  /// interior, the schedule leaves [-1, 1] (or has half_life <= 0, linear start >= end),
  /// the offensive probability is outside [0, 1] or the offensive size is below 1.
  explicit BattlefieldChain(const BattlefieldParams& params, double advantage_offset = 0.0);

  /// N: the largest state (the chain has N + 1 states).
  [[nodiscard]] int states() const { return params_.states; }
  /// N + 1: the number of states.
  [[nodiscard]] int state_count() const { return params_.states + 1; }
  [[nodiscard]] int start() const { return params_.start; }
  [[nodiscard]] int collapse_a() const { return params_.collapse_a; }
  [[nodiscard]] int collapse_b() const { return params_.collapse_b; }
  [[nodiscard]] int offensive_size() const { return params_.offensive_size; }
  [[nodiscard]] double tempo() const { return params_.tempo; }
  [[nodiscard]] double advantage_offset() const { return offset_; }
  [[nodiscard]] const BattlefieldParams& params() const { return params_; }

  /// Whether s is absorbing: s <= collapse_a or s >= collapse_b.
  [[nodiscard]] bool absorbing(int s) const {
    return s <= params_.collapse_a || s >= params_.collapse_b;
  }
  /// Whether the move probabilities are the same in every period.
  [[nodiscard]] bool homogeneous() const;

  /// a_t = clamp(schedule.at(t) + offset, -1, 1).
  [[nodiscard]] double advantage(int t) const;
  /// The move probabilities from an interior state in period t.
  [[nodiscard]] FrontMoves moves(int t) const;
  /// P_t(from, to): the probability that the front moves from `from` at t to `to` at t + 1.
  /// An absorbing state stays where it is with probability 1.
  [[nodiscard]] double probability(int t, int from, int to) const;
  /// The state a move of `delta` states from interior state s reaches, clamped into
  /// [collapse_a, collapse_b].
  [[nodiscard]] int destination(int s, int delta) const;
  /// P_t as an (N + 1) x (N + 1) row-stochastic sparse matrix (at most five entries a row).
  /// For analysis and reports; the hot paths use `moves` directly.
  [[nodiscard]] Eigen::SparseMatrix<double, Eigen::RowMajor> transition(int t) const;

 private:
  BattlefieldParams params_;
  double offset_;
  bool homogeneous_;
};

}  // namespace parley
