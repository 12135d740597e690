#include "parley/solve/support_enumeration.hpp"

#include <algorithm>

#include "best_response_polytopes.hpp"

namespace parley {

namespace {

/// All k-element subsets of {0, ..., size - 1}, in lexicographic order.
std::vector<std::vector<int>> subsets_of_size(int size, int k) {
  std::vector<std::vector<int>> subsets;
  std::vector<int> s(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) s[static_cast<std::size_t>(i)] = i;
  while (true) {
    subsets.push_back(s);
    int pos = k - 1;
    while (pos >= 0 && s[static_cast<std::size_t>(pos)] == size - k + pos) --pos;
    if (pos < 0) break;
    ++s[static_cast<std::size_t>(pos)];
    for (int i = pos + 1; i < k; ++i) s[static_cast<std::size_t>(i)] = s[static_cast<std::size_t>(i - 1)] + 1;
  }
  return subsets;
}

/// Solves sum_{c in cols} payoff(r, c) p_c = value (r in rows), sum p_c = 1, for the
/// strategy p that makes the opponent indifferent over `rows`; returns it spread over all
/// `length` strategies, with `value` set, or an empty vector if the system is singular or
/// p is not positive on `cols`.
Eigen::VectorXd indifference_strategy(const Eigen::MatrixXd& payoff, const std::vector<int>& rows,
                                      const std::vector<int>& cols, double tolerance, double& value) {
  const int k = static_cast<int>(rows.size());
  Eigen::MatrixXd system = Eigen::MatrixXd::Zero(k + 1, k + 1);
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) {
      system(r, c) = payoff(rows[static_cast<std::size_t>(r)], cols[static_cast<std::size_t>(c)]);
    }
    system(r, k) = -1.0;
    system(k, r) = 1.0;
  }
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k + 1);
  rhs(k) = 1.0;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(system);
  if (!lu.isInvertible()) return {};
  const Eigen::VectorXd solution = lu.solve(rhs);
  if (solution.head(k).minCoeff() <= tolerance) return {};
  Eigen::VectorXd strategy = Eigen::VectorXd::Zero(payoff.cols());
  for (int c = 0; c < k; ++c) strategy(cols[static_cast<std::size_t>(c)]) = solution(c);
  value = solution(k);
  return strategy;
}

}  // namespace

void enumerate_equal_support_equilibria(const BimatrixGame& game, const EquilibriumCallback& on_equilibrium,
                                        double tolerance) {
  const detail::BestResponsePolytopes scaled(game);
  const Eigen::MatrixXd& a = scaled.q_matrix;   // A', m x n
  const Eigen::MatrixXd& bt = scaled.p_matrix;  // B'^T, n x m
  const int m = game.rows();
  const int n = game.cols();
  for (int k = 1; k <= std::min(m, n); ++k) {
    const auto row_supports = subsets_of_size(m, k);
    const auto column_supports = subsets_of_size(n, k);
    for (const auto& rows : row_supports) {
      for (const auto& cols : column_supports) {
        double u = 0.0;
        const Eigen::VectorXd y = indifference_strategy(a, rows, cols, tolerance, u);
        if (y.size() == 0 || (a * y).maxCoeff() > u + tolerance) continue;
        double v = 0.0;
        const Eigen::VectorXd x = indifference_strategy(bt, cols, rows, tolerance, v);
        if (x.size() == 0 || (bt * x).maxCoeff() > v + tolerance) continue;
        on_equilibrium(MixedProfile{x, y});
      }
    }
  }
}

std::vector<MixedProfile> equal_support_equilibria(const BimatrixGame& game, double tolerance) {
  std::vector<MixedProfile> equilibria;
  enumerate_equal_support_equilibria(
      game, [&](const MixedProfile& p) { equilibria.push_back(p); }, tolerance);
  return equilibria;
}

}  // namespace parley
