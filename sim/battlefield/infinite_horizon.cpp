#include "parley/battlefield/infinite_horizon.hpp"

#include <stdexcept>
#include <vector>

namespace parley {

InfiniteHorizon::InfiniteHorizon(const BattlefieldChain& chain, int period)
    : collapse_a_state_(chain.collapse_a()),
      collapse_b_state_(chain.collapse_b()),
      state_count_(chain.state_count()) {
  const int ca = collapse_a_state_;
  const int cb = collapse_b_state_;
  const int m = cb - ca - 1;  // interior states ca+1..cb-1 are rows 0..m-1
  const FrontMoves mv = chain.moves(period);
  std::vector<Eigen::Triplet<double>> q_entries;
  std::vector<Eigen::Triplet<double>> r_entries;
  q_entries.reserve(static_cast<std::size_t>(m) * 5);
  for (int s = ca + 1; s < cb; ++s) {
    const int row = s - ca - 1;
    for (const auto& [to, p] : chain.moves_from(mv, s)) {
      if (p == 0.0) continue;
      if (to <= ca) r_entries.emplace_back(row, 0, p);
      else if (to >= cb) r_entries.emplace_back(row, 1, p);
      else q_entries.emplace_back(row, to - ca - 1, p);
    }
  }
  q_.resize(m, m);
  q_.setFromTriplets(q_entries.begin(), q_entries.end());
  r_.resize(m, 2);
  r_.setFromTriplets(r_entries.begin(), r_entries.end());

  Eigen::SparseMatrix<double> a(m, m);
  a.setIdentity();
  a -= q_;
  fundamental_ = std::make_shared<Factorisation>();
  fundamental_->analyzePattern(a);
  fundamental_->factorize(a);
  if (fundamental_->info() != Eigen::Success)
    throw std::invalid_argument("infinite horizon: I - Q is singular (no absorption)");

  const Eigen::VectorXd b_a = fundamental_->solve(Eigen::VectorXd(r_.col(0)));
  const Eigen::VectorXd b_b = fundamental_->solve(Eigen::VectorXd(r_.col(1)));
  const Eigen::VectorXd tau = fundamental_->solve(Eigen::VectorXd::Ones(m));
  collapse_a_ = expand(b_a, 1.0, 0.0);
  collapse_b_ = expand(b_b, 0.0, 1.0);
  duration_ = expand(tau, 0.0, 0.0);
}

Eigen::VectorXd InfiniteHorizon::solve(double discount, const Eigen::VectorXd& rhs) const {
  if (!(discount > 0.0 && discount <= 1.0))
    throw std::invalid_argument("infinite horizon: discount must be in (0, 1]");
  if (discount == 1.0) return fundamental_->solve(rhs);
  Eigen::SparseMatrix<double> a(q_.rows(), q_.cols());
  a.setIdentity();
  a -= discount * q_;
  Factorisation lu;
  lu.analyzePattern(a);
  lu.factorize(a);
  if (lu.info() != Eigen::Success) throw std::invalid_argument("infinite horizon: I - delta Q is singular");
  return lu.solve(rhs);
}

Eigen::VectorXd InfiniteHorizon::expand(const Eigen::VectorXd& interior_values, double at_a,
                                        double at_b) const {
  Eigen::VectorXd out(state_count_);
  out.head(collapse_a_state_ + 1).setConstant(at_a);
  out.segment(collapse_a_state_ + 1, interior_values.size()) = interior_values;
  out.tail(state_count_ - collapse_b_state_).setConstant(at_b);
  return out;
}

Eigen::VectorXd InfiniteHorizon::value(double cost, double discount, double u_a, double u_b) const {
  const Eigen::VectorXd rhs = Eigen::VectorXd::Constant(q_.rows(), -cost) +
                              discount * (u_a * r_.col(0) + u_b * r_.col(1));
  return expand(solve(discount, rhs), u_a, u_b);
}

Eigen::VectorXd InfiniteHorizon::value(const WarPayoffs& payoffs) const {
  return value(payoffs.cost, payoffs.discount, payoffs.collapse_a, payoffs.collapse_b);
}

Eigen::VectorXd InfiniteHorizon::discounted_collapse_a(double discount) const {
  return value(0.0, discount, 1.0, 0.0);
}

Eigen::VectorXd InfiniteHorizon::discounted_collapse_b(double discount) const {
  return value(0.0, discount, 0.0, 1.0);
}

}  // namespace parley
