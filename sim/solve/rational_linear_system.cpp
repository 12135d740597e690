#include "rational_linear_system.hpp"

#include <utility>

namespace parley::detail {

namespace {

/// Reduces `rows` to reduced row echelon form in place; returns the rank of the coefficients.
std::size_t reduce_to_echelon_form(std::vector<std::vector<Rational>>& rows, std::size_t unknowns) {
  std::size_t rank = 0;
  for (std::size_t c = 0; c < unknowns && rank < rows.size(); ++c) {
    std::size_t pivot = rank;
    while (pivot < rows.size() && rows[pivot][c] == 0) ++pivot;
    if (pivot == rows.size()) continue;  // a free unknown
    std::swap(rows[rank], rows[pivot]);
    const Rational inverse = 1 / rows[rank][c];
    for (auto& entry : rows[rank]) entry *= inverse;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (r == rank || rows[r][c] == 0) continue;
      const Rational factor = rows[r][c];
      for (std::size_t k = c; k <= unknowns; ++k) rows[r][k] -= factor * rows[rank][k];
    }
    ++rank;
  }
  return rank;
}

bool is_consistent_echelon_form(const std::vector<std::vector<Rational>>& rows, std::size_t rank,
                                std::size_t unknowns) {
  for (std::size_t r = rank; r < rows.size(); ++r) {
    if (rows[r][unknowns] != 0) return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Rational>> solve_unique(std::vector<std::vector<Rational>> rows, std::size_t unknowns) {
  const std::size_t rank = reduce_to_echelon_form(rows, unknowns);
  if (rank < unknowns || !is_consistent_echelon_form(rows, rank, unknowns)) return std::nullopt;
  // Full rank: the pivots sit on the diagonal, each row holds one unknown's value.
  std::vector<Rational> solution(unknowns);
  for (std::size_t c = 0; c < unknowns; ++c) solution[c] = rows[c][unknowns];
  return solution;
}

}  // namespace parley::detail
