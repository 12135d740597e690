#pragma once
/// \file exact_payoffs.hpp
/// A two-player game's payoffs as exact rationals, when they are known exactly: from doubles
/// that are all integers here, or from the numbers a Gambit .nfg file writes (integers,
/// decimals, p/q: parley/io/interop/nfg_exact_payoffs.hpp). Equilibrium verification
/// (equilibrium_verification.hpp) uses them to compute regrets with no rounding at all.

#include <optional>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// An exact rational number (Boost.Multiprecision, header-only).
using Rational = boost::multiprecision::cpp_rational;

/// \brief The payoff matrices A, B of a bimatrix game as rationals, row-major, m x n.
struct ExactBimatrix {
  int rows = 0;
  int cols = 0;
  std::vector<Rational> a;  ///< a[i * cols + j] = A(i, j)
  std::vector<Rational> b;  ///< b[i * cols + j] = B(i, j)

  [[nodiscard]] const Rational& a_at(int i, int j) const { return a[static_cast<std::size_t>(i * cols + j)]; }
  [[nodiscard]] const Rational& b_at(int i, int j) const { return b[static_cast<std::size_t>(i * cols + j)]; }
};

/// The payoffs of `game` as rationals when every one of them is an integer of magnitude below
/// 2^53 (so the double is that integer exactly); nullopt otherwise.
[[nodiscard]] std::optional<ExactBimatrix> exact_integer_payoffs(const BimatrixGame& game);

}  // namespace parley
