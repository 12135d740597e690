#include "face_vertex_search.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <utility>

#include "integer_equilibrium_check.hpp"

namespace parley::detail {

namespace {

/// \brief A simplex tableau in integer form: entry (r, c) is D times row r of B^-1 [A 1], with
/// D the determinant of the basis (kept positive); the last row is the objective of phase 1.
/// `Int` is CheckedInt128 (overflow throws IntegerOverflow) or BigInteger.
template <class Int>
class FaceTableau {
 public:
  FaceTableau(std::size_t rows, std::size_t columns)
      : rows_(rows), columns_(columns), t_((rows + 1) * (columns + 1), Int(0)), basic_(rows) {}

  [[nodiscard]] Int& at(std::size_t r, std::size_t c) { return t_[r * (columns_ + 1) + c]; }
  [[nodiscard]] const Int& at(std::size_t r, std::size_t c) const { return t_[r * (columns_ + 1) + c]; }
  /// D times the value of the variable basic in row r.
  [[nodiscard]] const Int& rhs(std::size_t r) const { return at(r, columns_); }
  [[nodiscard]] std::size_t rows() const { return rows_; }
  [[nodiscard]] std::size_t columns() const { return columns_; }
  [[nodiscard]] const Int& determinant() const { return det_; }
  [[nodiscard]] std::size_t basic_in_row(std::size_t r) const { return basic_[r]; }
  void set_basic(std::size_t r, std::size_t column) { basic_[r] = column; }
  [[nodiscard]] bool is_basic(std::size_t column) const {
    return std::find(basic_.begin(), basic_.end(), column) != basic_.end();
  }
  /// The basic columns, sorted: the key of the basis.
  [[nodiscard]] std::vector<std::size_t> basis_key() const {
    std::vector<std::size_t> key = basic_;
    std::sort(key.begin(), key.end());
    return key;
  }
  /// The key of the basis that pivoting column c in at row r would give, without pivoting.
  [[nodiscard]] std::vector<std::size_t> basis_key_after(std::size_t r, std::size_t c) const {
    std::vector<std::size_t> key = basic_;
    key[r] = c;
    std::sort(key.begin(), key.end());
    return key;
  }

  /// Pivots column c into the basis in row r (entry nonzero): every other entry t becomes
  /// (t p - t_rc' t_rj) / D, an exact division (Bareiss). A negative pivot makes D negative;
  /// the whole tableau is then negated, which leaves every value t / D unchanged.
  void pivot(std::size_t r, std::size_t c) {
    const Int p = at(r, c);
    for (std::size_t i = 0; i <= rows_; ++i) {
      if (i == r) continue;
      const Int t_ic = at(i, c);
      if (t_ic == Int(0)) {
        if (p == det_) continue;  // (t p - 0) / D = t
        for (std::size_t j = 0; j <= columns_; ++j) at(i, j) = at(i, j) * p / det_;
        continue;
      }
      for (std::size_t j = 0; j <= columns_; ++j) {
        if (j == c) continue;
        at(i, j) = (at(i, j) * p - t_ic * at(r, j)) / det_;
      }
      at(i, c) = Int(0);
    }
    det_ = p;
    basic_[r] = c;
    if (det_ < Int(0)) {
      for (Int& entry : t_) entry = -entry;
      det_ = -det_;
    }
  }

  /// Fixes the current basis as the one the lexicographic ratio test perturbs around: the
  /// right-hand side becomes 1 + B_0 (e, e^2, ...), so the rows of [rhs, B^-1 B_0] decide
  /// ties, and at B_0 itself every row is lexicographically positive (Dantzig, Orden and Wolfe
  /// 1955; the perturbed polytope is simple).
  void fix_lexicographic_reference() { reference_ = basic_; }

  /// The row that leaves when column c enters under the lexicographic minimum-ratio test (the
  /// rows of [rhs, D B^-1 B_0] over t_rc compared in order), or rows() when the column has no
  /// positive entry.
  [[nodiscard]] std::size_t lexicographic_ratio_row(std::size_t c) const {
    std::size_t best = rows_;
    for (std::size_t r = 0; r < rows_; ++r) {
      if (at(r, c) <= Int(0)) continue;
      if (best == rows_ || lexicographically_before(r, best, c)) best = r;
    }
    return best;
  }

  /// The rows that attain the minimum ratio rhs_r / t_rc over the rows with t_rc > 0.
  [[nodiscard]] std::vector<std::size_t> minimum_ratio_rows(std::size_t c) const {
    std::vector<std::size_t> best;
    for (std::size_t r = 0; r < rows_; ++r) {
      if (at(r, c) <= Int(0)) continue;
      if (best.empty()) {
        best.push_back(r);
        continue;
      }
      // rhs_r / t_rc against rhs_b / t_bc, both denominators positive.
      const Int lhs = rhs(r) * at(best.front(), c);
      const Int rhs_best = rhs(best.front()) * at(r, c);
      if (lhs < rhs_best) best.assign(1, r);
      else if (lhs == rhs_best) best.push_back(r);
    }
    return best;
  }

 private:
  [[nodiscard]] bool lexicographically_before(std::size_t r, std::size_t q, std::size_t c) const {
    const Int& tr = at(r, c);
    const Int& tq = at(q, c);
    const Int lhs = rhs(r) * tq;
    const Int rhs_q = rhs(q) * tr;
    if (lhs != rhs_q) return lhs < rhs_q;
    for (const std::size_t column : reference_) {
      const Int a = at(r, column) * tq;
      const Int b = at(q, column) * tr;
      if (a != b) return a < b;
    }
    return false;  // impossible: B^-1 B_0 is nonsingular
  }

  std::size_t rows_;
  std::size_t columns_;
  std::vector<Int> t_;  ///< (rows + 1) x (columns + 1); the last column is the rhs
  Int det_ = Int(1);
  std::vector<std::size_t> basic_;
  std::vector<std::size_t> reference_;  ///< B_0 of the lexicographic test, by row
};

/// `rows` without the ones equal to an earlier row or to a row of `earlier`.
template <class Int>
std::vector<std::vector<Int>> without_repeated_rows(const std::vector<std::vector<Int>>& rows,
                                                    const std::vector<std::vector<Int>>& earlier) {
  std::set<std::vector<Int>> seen(earlier.begin(), earlier.end());
  std::vector<std::vector<Int>> kept;
  for (const auto& row : rows) {
    if (seen.insert(row).second) kept.push_back(row);
  }
  return kept;
}

/// The weights `w` divided by gcd(w): the name of the point w / D of the face.
template <class Int>
void divide_by_gcd(std::vector<Int>& w) {
  Int g(0);
  for (const Int& v : w) {
    if (v != Int(0)) g = g == Int(0) ? v : integer_gcd(v, g);
  }
  if (g == Int(0) || g == Int(1)) return;
  for (Int& v : w) v = v / g;
}

template <class Int>
std::vector<std::vector<Int>> search_face(const std::vector<std::vector<Int>>& equalities,
                                          const std::vector<std::vector<Int>>& inequalities, std::size_t t) {
  const std::size_t e = equalities.size();
  const std::size_t g = inequalities.size();
  // Columns: y (t), the slacks of G (g), the artificials of E (e). Rows: E, then G.
  const std::size_t slack0 = t;
  const std::size_t artificial0 = t + g;
  FaceTableau<Int> tableau(e + g, t + g + e);
  const std::size_t objective = e + g;
  for (std::size_t r = 0; r < e; ++r) {
    for (std::size_t c = 0; c < t; ++c) tableau.at(r, c) = equalities[r][c];
    tableau.at(r, artificial0 + r) = Int(1);
    tableau.at(r, tableau.columns()) = Int(1);
    tableau.set_basic(r, artificial0 + r);
  }
  for (std::size_t k = 0; k < g; ++k) {
    const std::size_t r = e + k;
    for (std::size_t c = 0; c < t; ++c) tableau.at(r, c) = inequalities[k][c];
    tableau.at(r, slack0 + k) = Int(1);
    tableau.at(r, tableau.columns()) = Int(1);
    tableau.set_basic(r, slack0 + k);
  }
  // Phase 1: minimise w = sum of the artificials = e - sum_r E_r y. The objective row holds
  // the reduced costs (negative: entering lowers w) and -w in the rhs column.
  for (std::size_t c = 0; c < t; ++c) {
    Int cost(0);
    for (std::size_t r = 0; r < e; ++r) cost -= equalities[r][c];
    tableau.at(objective, c) = cost;
  }
  tableau.at(objective, tableau.columns()) = Int(-static_cast<std::int64_t>(e));
  for (;;) {
    // Bland's rule: the lowest improving column enters, the lowest-index basic variable among
    // the tied rows leaves; this cannot cycle.
    std::size_t entering = tableau.columns();
    for (std::size_t c = 0; c < tableau.columns(); ++c) {
      if (tableau.at(objective, c) < Int(0)) {
        entering = c;
        break;
      }
    }
    if (entering == tableau.columns()) break;
    const std::vector<std::size_t> rows = tableau.minimum_ratio_rows(entering);
    if (rows.empty()) break;  // unbounded: impossible, w >= 0
    const std::size_t leaving = *std::min_element(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
      return tableau.basic_in_row(a) < tableau.basic_in_row(b);
    });
    tableau.pivot(leaving, entering);
  }
  if (tableau.at(objective, tableau.columns()) != Int(0)) return {};  // min w > 0: the face is empty
  // Artificials still basic are at 0: pivot each out on a nonzero entry of its row, or leave
  // it where the row has none (the row is then redundant and its artificial never leaves).
  for (std::size_t r = 0; r < e + g; ++r) {
    if (tableau.basic_in_row(r) < artificial0) continue;
    for (std::size_t c = 0; c < artificial0; ++c) {
      if (tableau.at(r, c) != Int(0) && !tableau.is_basic(c)) {
        tableau.pivot(r, c);
        break;
      }
    }
  }

  // Phase 2: the lexicographically feasible bases, depth first; artificial columns never enter.
  tableau.fix_lexicographic_reference();
  std::vector<std::vector<Int>> vertices;
  std::set<std::vector<Int>> vertex_set;
  const auto record_vertex = [&] {
    // y = rhs / D on the basic columns of y: the weights are the rhs entries.
    std::vector<Int> w(t, Int(0));
    for (std::size_t r = 0; r < tableau.rows(); ++r) {
      const std::size_t b = tableau.basic_in_row(r);
      if (b < t) w[b] = tableau.rhs(r);
    }
    divide_by_gcd(w);
    if (vertex_set.insert(w).second) vertices.push_back(std::move(w));
  };
  // One tableau, pivoted down to each new basis and back up to its parent (the inverse pivot
  // restores the parent's entries exactly), so the stack holds pivots, not tableaux.
  struct Frame {
    std::size_t next_column = 0;  ///< the next column to try entering from this basis
    std::size_t row = 0;          ///< the pivot that reached this basis: its row,
    std::size_t left = 0;         ///< and the variable that left there (re-enters to go back)
    bool root = false;
  };
  std::set<std::vector<std::size_t>> visited{tableau.basis_key()};
  std::vector<Frame> frames{Frame{0, 0, 0, true}};
  record_vertex();
  while (!frames.empty()) {
    bool descended = false;
    while (frames.back().next_column < artificial0) {
      const std::size_t c = frames.back().next_column++;
      if (tableau.is_basic(c)) continue;
      const std::size_t r = tableau.lexicographic_ratio_row(c);
      if (r == tableau.rows()) continue;
      if (!visited.insert(tableau.basis_key_after(r, c)).second) continue;  // no pivot for a basis seen
      const std::size_t left = tableau.basic_in_row(r);
      tableau.pivot(r, c);
      record_vertex();
      frames.push_back(Frame{0, r, left, false});
      descended = true;
      break;
    }
    if (descended) continue;
    const Frame done = frames.back();
    frames.pop_back();
    if (!done.root) tableau.pivot(done.row, done.left);
  }
  return vertices;
}

}  // namespace

template <class Int>
std::vector<std::vector<Int>> face_vertex_weights(const std::vector<std::vector<Int>>& equalities,
                                                  const std::vector<std::vector<Int>>& inequalities, std::size_t t) {
  const auto distinct_equalities = without_repeated_rows(equalities, {});
  const auto distinct_inequalities = without_repeated_rows(inequalities, distinct_equalities);
  return search_face<Int>(distinct_equalities, distinct_inequalities, t);
}

template std::vector<std::vector<CheckedInt128>> face_vertex_weights(const std::vector<std::vector<CheckedInt128>>&,
                                                                     const std::vector<std::vector<CheckedInt128>>&,
                                                                     std::size_t);
template std::vector<std::vector<BigInteger>> face_vertex_weights(const std::vector<std::vector<BigInteger>>&,
                                                                  const std::vector<std::vector<BigInteger>>&, std::size_t);

}  // namespace parley::detail
