#pragma once
// An integer-pivoting dictionary of a polytope {z >= 0 : M z <= 1} and the reverse-search
// steps on it (private to sim/solve; used by reverse_search_enumeration.cpp).

#include <cstddef>
#include <vector>

namespace parley::detail {

/// \brief Dictionary of {z in R^d : z >= 0, M z <= 1} (M a positive k x d integer matrix) in
/// equality form M z + w = 1, pivoted in exact integer arithmetic, with the operations reverse
/// search needs (Avis & Fukuda 1992, "A pivoting algorithm for convex hulls and vertex
/// enumeration of arrangements and polyhedra", Discrete Comput. Geom. 8; Avis, lrslib).
///
/// Variables: the slacks w_0..w_{k-1} are numbered 0..k-1 and the z_0..z_{d-1} k..k+d-1; this
/// order is the one every rule below uses (Bland's rule, the lexicographic-minimum test).
///
/// Integer pivoting (Edmonds 1967; lrs): the dictionary holds, for the current basis matrix
/// B with determinant D > 0, the integers D (B^-1 a_v) of each nonbasic column a_v and
/// D B^-1 1 of the right-hand side, in k rows plus one objective row. A pivot on the entry
/// p > 0 in row r, column c replaces every other entry t by (t p - t_{ic} t_{rj}) / D, a
/// division that is exact (the results are again minors of [M I 1]), and D by p. Nothing is
/// ever rounded, so every test below is decided exactly, whatever the degeneracy.
///
/// The objective is max f = -sum z, whose unique optimal basis is the slack basis (z = 0,
/// the root); in the objective row a negative entry marks an improving nonbasic variable.
/// The leaving variable is chosen by the lexicographic minimum-ratio test (rows of
/// [rhs, B^-1] divided by the pivot column), which makes every basis visited a vertex of the
/// perturbed polytope {M z <= 1 + (e, e^2, ..., e^k)}, a simple polytope, so the reverse
/// search is a search over the vertices of a simple polytope (Avis 2000, "lrs: a revised
/// implementation of the reverse search vertex enumeration algorithm").
///
/// `Int` is CheckedInt128 (overflow throws IntegerOverflow) or BigInteger.
template <class Int>
class IntegerDictionary {
 public:
  /// The dictionary at the slack basis; `m` is row-major, k x d, every entry >= 1.
  IntegerDictionary(int k, int d, const std::vector<Int>& m)
      : k_(k), d_(d), stride_(d + 1), t_(static_cast<std::size_t>((k + 1) * (d + 1))), det_(1) {
    basic_.resize(static_cast<std::size_t>(k));
    nonbasic_.resize(static_cast<std::size_t>(d));
    place_.resize(static_cast<std::size_t>(k + d));
    for (int r = 0; r < k; ++r) {
      for (int c = 0; c < d; ++c) at(r, c) = m[static_cast<std::size_t>(r * d + c)];
      at(r, d) = Int(1);
      basic_[static_cast<std::size_t>(r)] = r;
      place_[static_cast<std::size_t>(r)] = r;
    }
    for (int c = 0; c < d; ++c) {
      at(k, c) = Int(1);  // f + sum z = 0
      nonbasic_[static_cast<std::size_t>(c)] = k + c;
      place_[static_cast<std::size_t>(k + c)] = -1 - c;
    }
    at(k, d) = Int(0);
  }

  [[nodiscard]] int rows() const { return k_; }
  [[nodiscard]] int columns() const { return d_; }
  [[nodiscard]] int variables() const { return k_ + d_; }
  [[nodiscard]] bool is_basic(int v) const { return place_[static_cast<std::size_t>(v)] >= 0; }
  /// Row of basic variable v.
  [[nodiscard]] int row_of(int v) const { return place_[static_cast<std::size_t>(v)]; }
  /// Column of nonbasic variable v.
  [[nodiscard]] int column_of(int v) const { return -1 - place_[static_cast<std::size_t>(v)]; }
  [[nodiscard]] int basic_in_row(int r) const { return basic_[static_cast<std::size_t>(r)]; }
  /// D times the value of the variable basic in row r.
  [[nodiscard]] const Int& scaled_value(int r) const { return at(r, d_); }
  /// D, the determinant of the basis matrix (positive).
  [[nodiscard]] const Int& determinant() const { return det_; }

  /// The row whose basic variable leaves when the nonbasic variable in column c enters, by
  /// the lexicographic minimum-ratio test; -1 when the column has no positive entry.
  [[nodiscard]] int leaving_row(int c) const {
    int best = -1;
    for (int r = 0; r < k_; ++r) {
      if (at(r, c) <= Int(0)) continue;
      if (best < 0 || lexicographically_before(r, best, c)) best = r;
    }
    return best;
  }

  /// Pivots the nonbasic variable of column c into the basis in row r (t_rc > 0); returns the
  /// variable that left.
  int pivot(int c, int r) {
    const Int p = at(r, c);
    for (int i = 0; i <= k_; ++i) {
      if (i == r) continue;
      const Int t_ic = at(i, c);
      if (t_ic == Int(0)) {
        // (t p - 0) / D: a row the pivot column does not touch only rescales.
        for (int j = 0; j <= d_; ++j) {
          if (j != c) at(i, j) = at(i, j) * p / det_;
        }
      } else {
        for (int j = 0; j <= d_; ++j) {
          if (j != c) at(i, j) = (at(i, j) * p - t_ic * at(r, j)) / det_;
        }
        at(i, c) = -t_ic;
      }
    }
    at(r, c) = det_;
    det_ = p;
    const int entering = nonbasic_[static_cast<std::size_t>(c)];
    const int leaving = basic_[static_cast<std::size_t>(r)];
    basic_[static_cast<std::size_t>(r)] = entering;
    nonbasic_[static_cast<std::size_t>(c)] = leaving;
    place_[static_cast<std::size_t>(entering)] = r;
    place_[static_cast<std::size_t>(leaving)] = -1 - c;
    return leaving;
  }

  /// Reverse search's child test (Avis & Fukuda 1992; lrs's `reverse`): when the nonbasic
  /// variable v enters (leaving row returned in `row`), is the current basis the parent of
  /// the basis reached, i.e. would Bland's rule there (the smallest-index improving variable
  /// enters) bring the leaving variable straight back? Returns false when it would not.
  [[nodiscard]] bool is_child_direction(int v, int& row) const {
    const int c = column_of(v);
    const Int& cost = at(k_, c);
    if (cost <= Int(0)) return false;  // v improves: entering it leads towards the root
    row = leaving_row(c);
    if (row < 0) return false;
    const int u = basic_in_row(row);
    const Int& p = at(row, c);
    for (int j = 0; j < d_; ++j) {
      if (j == c || nonbasic_[static_cast<std::size_t>(j)] > u) continue;
      // The objective entry of column j after the pivot, times D: negative = improving.
      if (at(k_, j) * p - cost * at(row, j) < Int(0)) return false;
    }
    return true;
  }

  /// Pivots back to the parent basis (Bland's rule: the smallest-index improving variable
  /// enters, the lexicographic ratio test picks the row); returns the variable that left,
  /// which is the one whose entering led here. Must not be called at the root.
  int pivot_to_parent() {
    int best = -1;
    for (int c = 0; c < d_; ++c) {
      if (at(k_, c) < Int(0) && (best < 0 || nonbasic_[static_cast<std::size_t>(c)] <
                                                 nonbasic_[static_cast<std::size_t>(best)]))
        best = c;
    }
    return pivot(best, leaving_row(best));
  }

  /// True at the root (no improving variable).
  [[nodiscard]] bool is_root() const {
    for (int c = 0; c < d_; ++c) {
      if (at(k_, c) < Int(0)) return false;
    }
    return true;
  }

  /// lrs's lexmin test: true when this basis is the one basis of its vertex that reverse
  /// search reports. A degenerate vertex (more than d tight constraints) has several bases;
  /// the reported one is the basis whose basic index set is lexicographically smallest,
  /// recognised locally: no pivot in a degenerate row (value 0) could replace its basic
  /// variable by a nonbasic one of smaller index. With the slacks numbered first, that basis
  /// has no degenerate basic z and its B^-1 rows are lexicographically positive, so it is
  /// one of the lexicographically feasible bases the search visits.
  [[nodiscard]] bool is_lexmin_basis() const {
    for (int r = 0; r < k_; ++r) {
      if (at(r, d_) != Int(0)) continue;
      const int b = basic_[static_cast<std::size_t>(r)];
      for (int c = 0; c < d_; ++c) {
        if (nonbasic_[static_cast<std::size_t>(c)] < b && at(r, c) != Int(0)) return false;
      }
    }
    return true;
  }

 private:
  [[nodiscard]] Int& at(int r, int c) { return t_[static_cast<std::size_t>(r * stride_ + c)]; }
  [[nodiscard]] const Int& at(int r, int c) const { return t_[static_cast<std::size_t>(r * stride_ + c)]; }

  /// D times entry l of row r of B^-1: the column of slack l when it is nonbasic, else D in
  /// its own row and 0 elsewhere.
  [[nodiscard]] Int inverse_entry(int r, int l) const {
    const int place = place_[static_cast<std::size_t>(l)];
    if (place >= 0) return place == r ? det_ : Int(0);
    return at(r, -1 - place);
  }

  /// Row r comes before row s in the lexicographic ratio test of column c (both entries of
  /// the column positive): compare rhs / t_c, then the rows of B^-1 / t_c, by cross products.
  [[nodiscard]] bool lexicographically_before(int r, int s, int c) const {
    const Int& tr = at(r, c);
    const Int& ts = at(s, c);
    const Int lhs = at(r, d_) * ts;
    const Int rhs = at(s, d_) * tr;
    if (lhs != rhs) return lhs < rhs;
    for (int l = 0; l < k_; ++l) {
      const Int a = inverse_entry(r, l) * ts;
      const Int b = inverse_entry(s, l) * tr;
      if (a != b) return a < b;
    }
    return false;  // impossible: B^-1 is nonsingular
  }

  int k_;
  int d_;
  int stride_;
  std::vector<Int> t_;          ///< (k + 1) x (d + 1), row-major; row k is the objective, column d the rhs
  Int det_;                     ///< D
  std::vector<int> basic_;      ///< variable basic in each row
  std::vector<int> nonbasic_;   ///< variable nonbasic in each column
  std::vector<int> place_;      ///< row r >= 0 of a basic variable, -1 - column of a nonbasic one
};

}  // namespace parley::detail
