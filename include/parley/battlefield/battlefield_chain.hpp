#pragma once
/// \file battlefield_chain.hpp
/// The front as a time-inhomogeneous Markov chain on the states 0..N (DESIGN 1.4).

#include <array>
#include <span>

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

/// \brief One of the five moves from an interior state: the state it reaches (clamped into the
/// absorbing threshold it crosses) and its probability.
struct FrontMove {
  int to = 0;
  double probability = 0.0;
};

/// \brief The thresholds that turn one uniform u in [0, 1) into a move (inversion): the move is
/// down_far if u < c[0], down if u < c[1], stay if u < c[2], up if u < c[3], up_far otherwise.
/// The last move of positive probability owns everything above the previous threshold (the
/// thresholds from it on are infinite), so rounding never selects a move of probability zero.
using FrontThresholds = std::array<double, 4>;

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
  /// For analysis and reports; the hot paths use the functions below.
  [[nodiscard]] Eigen::SparseMatrix<double, Eigen::RowMajor> transition(int t) const;

  /// \name The one step of the chain
  /// Everything that moves the front (sampling, backward induction, forward propagation,
  /// Bayes' rule) goes through these, so the step is written once. The moves `m` are
  /// `moves(t)`, passed in so that hot loops compute them once a period.
  /// @{

  /// The five moves from interior state s, in FrontMoves's order (down_far, down, stay, up,
  /// up_far): s - K, s - 1, s, s + 1, s + K, each clamped into [collapse_a, collapse_b].
  /// With K = 1, or near a threshold, two moves can reach the same state.
  [[nodiscard]] std::array<FrontMove, 5> moves_from(const FrontMoves& m, int s) const {
    const int k = params_.offensive_size;
    return {{{destination(s, -k), m.down_far},
             {s - 1, m.down},
             {s, m.stay},
             {s + 1, m.up},
             {destination(s, k), m.up_far}}};
  }
  /// Which of the five moves from interior state `from` reach `to`: bit j set for the j-th
  /// move of moves_from (the same in every period and under every advantage).
  [[nodiscard]] unsigned moves_reaching(int from, int to) const;
  /// The total probability under `m` of the moves in `mask` (bit j: the j-th move of
  /// moves_from). At most two moves reach one state, so the order of the sum does not matter.
  [[nodiscard]] static double probability(const FrontMoves& m, unsigned mask) {
    const double p[5] = {m.down_far, m.down, m.stay, m.up, m.up_far};
    double sum = 0.0;
    for (unsigned j = 0; j < 5; ++j)
      if (mask >> j & 1U) sum += p[j];
    return sum;
  }
  /// P(s_{t+1} = to | s_t = from) under `m`, from interior: probability(m, moves_reaching(from, to)).
  [[nodiscard]] double probability(const FrontMoves& m, int from, int to) const {
    return probability(m, moves_reaching(from, to));
  }

  /// E[f(s_{t+1}) | s_t = s] = sum_j p_j f(s_j) over the five moves (s_j, p_j) of
  /// moves_from(m, s), summed in that order; s interior, f indexed by state.
  [[nodiscard]] double expectation(const FrontMoves& m, int s, std::span<const double> f) const {
    const int k = params_.offensive_size;
    return m.down_far * f[static_cast<std::size_t>(destination(s, -k))] +
           m.down * f[static_cast<std::size_t>(s - 1)] + m.stay * f[static_cast<std::size_t>(s)] +
           m.up * f[static_cast<std::size_t>(s + 1)] +
           m.up_far * f[static_cast<std::size_t>(destination(s, k))];
  }

  /// \brief One period of backward induction on the interior states:
  ///   out(s) = -cost + discount E[next(s_{t+1}) | s_t = s],  collapse_a < s < collapse_b,
  /// with the discount folded into each move's probability (and, without far moves or with
  /// K = 1, the far moves folded into the ordinary ones: a three-point stencil). Absorbing
  /// entries of `out` are left alone; `next` and `out` have N + 1 entries.
  /// Precondition: `next` is constant on each side's absorbing states (next(s) = next(collapse_a)
  /// for s <= collapse_a, likewise beyond collapse_b), as a value function is: a far move then
  /// reads next(s -+ K) unclamped, so that in the bulk of the states every load is at a fixed
  /// offset (vectorised).
  void backward_step(int t, std::span<const double> next, std::span<double> out, double cost,
                     double discount) const;

  /// \brief One period of forward propagation of the front's distribution:
  ///   next(s') = sum_s pi(s) P_t(s, s')  over the interior states s,
  /// mass reaching a threshold landing on it (next(collapse_a), next(collapse_b)). Mass on
  /// absorbing states of `pi` is ignored; `next` is overwritten. Returns sum_s pi(s) over the
  /// interior: the mass still fighting in period t.
  double propagate(int t, std::span<const double> pi, std::span<double> next) const;

  /// The thresholds for sampling a move in period t (see FrontThresholds).
  [[nodiscard]] FrontThresholds thresholds(int t) const;
  /// s_{t+1} drawn by inversion of the uniform u with the thresholds `c` of period t, from
  /// interior state s.
  [[nodiscard]] int sample(const FrontThresholds& c, int s, double u) const {
    int to;
    if (u < c[1]) to = u < c[0] ? s - params_.offensive_size : s - 1;
    else if (u < c[2]) return s;
    else to = u < c[3] ? s + 1 : s + params_.offensive_size;
    return to < params_.collapse_a ? params_.collapse_a : (to > params_.collapse_b ? params_.collapse_b : to);
  }
  /// @}

 private:
  BattlefieldParams params_;
  double offset_;
  bool homogeneous_;
};

}  // namespace parley
