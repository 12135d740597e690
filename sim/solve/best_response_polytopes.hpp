#pragma once
// The constraint matrices of the two best-response polytopes of a bimatrix game (private to
// sim/solve; shared by vertex enumeration and Lemke-Howson).

#include <Eigen/Dense>

#include "parley/solve/bimatrix_game.hpp"

namespace parley::detail {

/// \brief The matrices defining P = {x >= 0 : B'^T x <= 1} and Q = {y >= 0 : A' y <= 1}
/// (von Stengel 2002, Handbook of Game Theory vol. 3, ch. 45), with A', B' the payoffs
/// rescaled to [1, 2].
///
/// The polytopes need positive payoffs to be bounded; any positive affine change of one
/// player's payoffs leaves the best responses, hence the equilibria, unchanged. Mapping each
/// matrix onto [1, 2] (a constant matrix onto 1) also gives the tableaux entries of order
/// one, so one absolute tolerance serves every game whatever its payoff scale.
struct BestResponsePolytopes {
  explicit BestResponsePolytopes(const BimatrixGame& game)
      : p_matrix(rescaled(game.b()).transpose()), q_matrix(rescaled(game.a())) {}

  Eigen::MatrixXd p_matrix;  ///< B'^T, n x m
  Eigen::MatrixXd q_matrix;  ///< A', m x n

  /// 1 + (M - min M) / (max M - min M), or all ones when M is constant.
  static Eigen::MatrixXd rescaled(const Eigen::MatrixXd& payoffs) {
    const double lo = payoffs.minCoeff();
    const double range = payoffs.maxCoeff() - lo;
    if (!(range > 0.0)) return Eigen::MatrixXd::Ones(payoffs.rows(), payoffs.cols());
    return ((payoffs.array() - lo) / range + 1.0).matrix();
  }
};

}  // namespace parley::detail
