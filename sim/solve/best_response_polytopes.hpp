#pragma once
// The constraint matrices of the two best-response polytopes of a bimatrix game (private to
// sim/solve; shared by vertex enumeration and Lemke-Howson).

#include <Eigen/Dense>

#include "parley/solve/bimatrix_game.hpp"

namespace parley::detail {

/// \brief The matrices defining P = {x >= 0 : B'^T x <= 1} and Q = {y >= 0 : A' y <= 1}
/// (von Stengel 2002, Handbook of Game Theory vol. 3, ch. 45), with A' = 1 + a and
/// B' = 1 + b for the normalised payoffs a, b of normalized_payoffs (bimatrix_game.hpp).
///
/// The polytopes need positive payoffs to be bounded; adding a constant to a column of A or
/// a row of B, or scaling a player's payoffs by a positive factor, leaves the best responses,
/// hence the equilibria, unchanged. Subtracting each column's (row's) minimum and dividing by
/// the player's incentive scale, then adding 1, gives entries in [1, 2] whose differences are
/// the incentives relative to their largest one: one absolute tolerance in the tableaux is
/// then a tolerance relative to the game's own incentives, whatever the payoff scale. (A
/// single shift and scale of the whole matrix is not enough: in { 2 2 } 1e12 1 1e12 0 0 0 1 1
/// it shrank player 1's incentive of 1 beside payoffs of 1e12 to 1e-12, below the tolerance,
/// and a profile that is no equilibrium was reported; issue 18.)
struct BestResponsePolytopes {
  explicit BestResponsePolytopes(const BimatrixGame& game) : BestResponsePolytopes(normalized_payoffs(game)) {}
  explicit BestResponsePolytopes(const NormalizedPayoffs& normalized)
      : p_matrix((normalized.b.array() + 1.0).matrix().transpose()),
        q_matrix((normalized.a.array() + 1.0).matrix()) {}

  Eigen::MatrixXd p_matrix;  ///< B'^T, n x m
  Eigen::MatrixXd q_matrix;  ///< A', m x n
};

}  // namespace parley::detail
