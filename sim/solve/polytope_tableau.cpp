#include "polytope_tableau.hpp"

#include <algorithm>
#include <cmath>

namespace parley::detail {

PolytopeTableau::PolytopeTableau(const Eigen::MatrixXd& m, double tolerance)
    : rows_(static_cast<int>(m.rows())),
      variables_(static_cast<int>(m.rows() + m.cols())),
      stride_(variables_ + 1),
      tolerance_(tolerance),
      t_(static_cast<std::size_t>(rows_ * stride_), 0.0),
      basis_(static_cast<std::size_t>(rows_ + variables_), -1) {
  const int d = num_structural();
  for (int r = 0; r < rows_; ++r) {
    double* row = &t_[static_cast<std::size_t>(r * stride_)];
    for (int c = 0; c < d; ++c) row[c] = m(r, c);
    row[d + r] = 1.0;
    row[variables_] = 1.0;
    basis_[static_cast<std::size_t>(r)] = d + r;
    basis_[static_cast<std::size_t>(rows_ + d + r)] = r;
  }
}

double PolytopeTableau::value(int v) const {
  const int r = row_of(v);
  return r < 0 ? 0.0 : at(r, variables_);
}

bool PolytopeTableau::lexicographically_smaller(int r1, int r2, int e) const {
  // Column sequence: the right-hand side, then the columns of the basis inverse (the
  // slacks' columns) in order. The rows of the basis inverse are independent, so in exact
  // arithmetic two distinct rows always differ somewhere.
  const int d = num_structural();
  const double p1 = at(r1, e);
  const double p2 = at(r2, e);
  for (int pass = 0; pass <= rows_; ++pass) {
    const int column = pass == 0 ? variables_ : d + pass - 1;
    const double q1 = at(r1, column) / p1;
    const double q2 = at(r2, column) / p2;
    if (std::abs(q1 - q2) > tolerance_ * std::max({1.0, std::abs(q1), std::abs(q2)})) return q1 < q2;
  }
  return false;
}

int PolytopeTableau::leaving_row(int entering) const {
  // Minimum ratio rhs_r / t_re over the rows with t_re > 0; the full lexicographic
  // comparison is needed only between rows whose ratios tie (degenerate vertices).
  int best = -1;
  double best_ratio = 0.0;
  for (int r = 0; r < rows_; ++r) {
    const double element = at(r, entering);
    if (element <= tolerance_) continue;
    const double ratio = at(r, variables_) / element;
    if (best < 0) {
      best = r;
      best_ratio = ratio;
      continue;
    }
    const double slack = tolerance_ * std::max({1.0, std::abs(ratio), std::abs(best_ratio)});
    if (ratio < best_ratio - slack ||
        (ratio <= best_ratio + slack && lexicographically_smaller(r, best, entering))) {
      best = r;
      best_ratio = ratio;
    }
  }
  return best;
}

int PolytopeTableau::pivot(int entering, int row) {
  double* const pivot_row = &t_[static_cast<std::size_t>(row * stride_)];
  const double inverse = 1.0 / pivot_row[entering];
  for (int c = 0; c < stride_; ++c) pivot_row[c] *= inverse;
  pivot_row[entering] = 1.0;
  for (int r = 0; r < rows_; ++r) {
    if (r == row) continue;
    double* const target = &t_[static_cast<std::size_t>(r * stride_)];
    const double factor = target[entering];
    if (factor == 0.0) continue;
    for (int c = 0; c < stride_; ++c) target[c] -= factor * pivot_row[c];
    target[entering] = 0.0;  // exactly, rather than a rounding residue
  }
  const int leaving = basis_[static_cast<std::size_t>(row)];
  basis_[static_cast<std::size_t>(rows_ + leaving)] = -1;
  basis_[static_cast<std::size_t>(rows_ + entering)] = row;
  basis_[static_cast<std::size_t>(row)] = entering;
  return leaving;
}

}  // namespace parley::detail
