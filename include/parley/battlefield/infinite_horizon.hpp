#pragma once
/// \file infinite_horizon.hpp
/// The homogeneous front with no horizon: absorbing-chain analysis by sparse linear solves
/// (DESIGN 1.4; Kemeny and Snell, Finite Markov Chains, ch. III).

#include <memory>

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"

namespace parley {

/// \brief The chain with the probabilities of one period forever, in canonical form
/// P = [[Q, R], [0, I]] with Q interior-to-interior and R interior-to-absorbing.
///
/// With tempo r > 0 absorption is certain from every state, so I - delta Q is invertible for
/// every delta in (0, 1]. The fundamental matrix M = (I - Q)^{-1} is factorised once
/// (sparse LU; Q has at most five entries a row) and gives
/// - absorption probabilities B = M R (P(side A, B collapses) from every start);
/// - expected durations m = M 1 (expected number of periods until absorption).
/// Discounted quantities factorise I - delta Q for the delta asked for.
///
/// All results are vectors over the N + 1 states; at an absorbing state the war is already
/// over (duration 0, absorption in the state's own side).
class InfiniteHorizon {
 public:
  /// The chain frozen at the probabilities of `period` (for a homogeneous chain, any period).
  explicit InfiniteHorizon(const BattlefieldChain& chain, int period = 0);

  /// P(side A collapses | start s): B_{s, A}.
  [[nodiscard]] const Eigen::VectorXd& collapse_a() const { return collapse_a_; }
  /// P(side B collapses | start s).
  [[nodiscard]] const Eigen::VectorXd& collapse_b() const { return collapse_b_; }
  /// E[tau | start s] in periods: M 1.
  [[nodiscard]] const Eigen::VectorXd& expected_duration() const { return duration_; }

  /// V(s) solving (I - delta Q) V = -c 1 + delta R u_abs on the interior, V = u_abs at
  /// absorbing states: the value of fighting forever until one side collapses, for a party
  /// with cost c, discount delta and collapse utilities u_a, u_b.
  [[nodiscard]] Eigen::VectorXd value(double cost, double discount, double u_a, double u_b) const;
  /// The same for a party's WarPayoffs (the frozen values play no role with no horizon).
  [[nodiscard]] Eigen::VectorXd value(const WarPayoffs& payoffs) const;

  /// E[delta^tau; side A collapses | start s] (u_a = 1, u_b = 0, c = 0).
  [[nodiscard]] Eigen::VectorXd discounted_collapse_a(double discount) const;
  /// E[delta^tau; side B collapses | start s].
  [[nodiscard]] Eigen::VectorXd discounted_collapse_b(double discount) const;

  /// Q, R as sparse matrices over the interior (rows) and interior / the two absorbing
  /// classes (columns: A then B).
  [[nodiscard]] const Eigen::SparseMatrix<double>& interior() const { return q_; }
  [[nodiscard]] const Eigen::SparseMatrix<double>& to_absorbing() const { return r_; }

 private:
  using Factorisation = Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>>;
  /// Solves (I - delta Q) x = rhs on the interior (reusing the factorisation for delta = 1).
  [[nodiscard]] Eigen::VectorXd solve(double discount, const Eigen::VectorXd& rhs) const;
  /// Interior values to all N + 1 states, with at_a (at_b) on the absorbing states of A (B).
  [[nodiscard]] Eigen::VectorXd expand(const Eigen::VectorXd& interior_values, double at_a,
                                       double at_b) const;
  int collapse_a_state_;
  int collapse_b_state_;
  int state_count_;
  Eigen::SparseMatrix<double> q_;  ///< interior x interior
  Eigen::SparseMatrix<double> r_;  ///< interior x {A, B}
  std::shared_ptr<Factorisation> fundamental_;  ///< LU of I - Q (shared by copies)
  Eigen::VectorXd collapse_a_;
  Eigen::VectorXd collapse_b_;
  Eigen::VectorXd duration_;
};

}  // namespace parley
