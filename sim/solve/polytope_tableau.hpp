#pragma once
// Simplex tableau of a best-response polytope {z >= 0 : M z <= 1}, shared by vertex
// enumeration and Lemke-Howson (private to sim/solve).

#include <vector>

#include <Eigen/Dense>

namespace parley::detail {

/// \brief Dictionary of the polytope {z in R^d : z >= 0, M z <= 1} for an entrywise
/// positive k x d matrix M, in equality form M z + w = 1, w >= 0.
///
/// Variables are numbered 0..d-1 for z and d..d+k-1 for the slacks w. The starting basis
/// is the slacks (the vertex z = 0), so the columns of the slacks always hold the inverse
/// of the current basis matrix. That is what makes the lexicographic minimum-ratio test
/// possible (Dantzig, Orden, Wolfe 1955; von Stengel 2002, "Computing equilibria for
/// two-person games", Handbook of Game Theory vol. 3, ch. 45): ties in the ratio
/// rhs_r / t_re are broken by comparing the rows of [rhs, B^-1] divided by t_re
/// lexicographically. This is the simplex method on the polytope whose right-hand side 1 is
/// perturbed to 1 + (eps, eps^2, ..., eps^k): every basis the rule visits is lexicographically
/// feasible, the perturbed polytope is simple, and pivoting neither cycles nor gets stuck
/// however degenerate the game is.
class PolytopeTableau {
 public:
  /// Tableau at z = 0. `tolerance` is the size below which a tableau entry counts as 0.
  PolytopeTableau(const Eigen::MatrixXd& m, double tolerance);

  [[nodiscard]] int num_rows() const { return rows_; }
  [[nodiscard]] int num_variables() const { return variables_; }
  /// Number of z variables (d).
  [[nodiscard]] int num_structural() const { return variables_ - rows_; }
  /// The variable basic in row r.
  [[nodiscard]] int basic_in_row(int r) const { return basis_[static_cast<std::size_t>(r)]; }
  /// The row where variable v is basic, or -1 when v is nonbasic (and so 0).
  [[nodiscard]] int row_of(int v) const { return basis_[static_cast<std::size_t>(rows_ + v)]; }
  /// Value of variable v in the current basic solution.
  [[nodiscard]] double value(int v) const;

  /// The row whose basic variable leaves when `entering` (nonbasic) enters, by the
  /// lexicographic minimum-ratio test; -1 when no entry of its column is positive (the
  /// polytope is unbounded in that direction, impossible for positive M).
  [[nodiscard]] int leaving_row(int entering) const;
  /// Exchanges `entering` with the basic variable of `row` (Gauss-Jordan step on the
  /// pivot element t(row, entering) > 0); returns the variable that left.
  int pivot(int entering, int row);

 private:
  /// Entry (r, c) of the tableau [M I | 1] after the pivots so far, row-major.
  [[nodiscard]] double at(int r, int c) const { return t_[static_cast<std::size_t>(r * stride_ + c)]; }
  /// True when row r1 comes lexicographically before row r2 in the ratio test for column e.
  [[nodiscard]] bool lexicographically_smaller(int r1, int r2, int e) const;

  int rows_;
  int variables_;
  int stride_;  ///< variables_ + 1: the last column is the right-hand side
  double tolerance_;
  // One block each for the numbers and the basis, so that copying a tableau (the vertex
  // enumeration keeps one per open basis) costs two allocations.
  std::vector<double> t_;
  std::vector<int> basis_;  ///< basic variable of each row, then the row of each variable (-1: nonbasic)
};

}  // namespace parley::detail
