#include "parley/solve/exact_payoffs.hpp"

#include <cmath>

namespace parley {

std::optional<ExactBimatrix> exact_integer_payoffs(const BimatrixGame& game) {
  constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
  ExactBimatrix exact;
  exact.rows = game.rows();
  exact.cols = game.cols();
  for (const Eigen::MatrixXd* matrix : {&game.a(), &game.b()}) {
    auto& target = matrix == &game.a() ? exact.a : exact.b;
    for (int i = 0; i < exact.rows; ++i) {
      for (int j = 0; j < exact.cols; ++j) {
        const double v = (*matrix)(i, j);
        if (v != std::floor(v) || std::abs(v) >= kLargestExactInteger) return std::nullopt;
        target.emplace_back(static_cast<long long>(v));
      }
    }
  }
  return exact;
}

}  // namespace parley
