#pragma once
/// \file sobol_sequence.hpp
/// The Sobol' low-discrepancy sequence with Joe and Kuo's direction numbers (Sobol' 1967;
/// Joe and Kuo 2008), the base of the Saltelli design for sensitivity analysis.

#include <array>
#include <cstdint>
#include <vector>

namespace parley::sweep {

/// \brief The first `dimension` coordinates of the Sobol' sequence in base 2.
///
/// Coordinate j of point i is x_ij = (g_1 v_j1 XOR g_2 v_j2 XOR ...) / 2^32, where
/// g = i XOR (i >> 1) is the Gray code of i (bits g_1, g_2, ... from the lowest) and v_jk are the
/// direction numbers (Antonov and Saleev 1979: the Gray-code order gives the same point sets as
/// Sobol's original order for every block of 2^m points, and lets point i be computed directly).
/// Dimension 1 has v_1k = 2^(32-k) (van der Corput); dimension j >= 2 has the direction numbers
/// of the primitive polynomials and initial numbers of `new-joe-kuo-6.21201` (Joe and Kuo 2008,
/// "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput.
/// 30, 2635-2654), taken from Boost.Random's sobol_engine, which carries that table, rather than
/// typed in again. Point i is computed here from them, not by Boost's engine: the engine keeps
/// its position as state, and one sequence is read by many threads at once.
/// The first point is the origin; it is kept: dropping it breaks the balance of the first 2^m
/// points (Owen 2022, "On dropping the first Sobol' point", MCQMC 2020). 32-bit direction
/// numbers give distinct points for the first 2^32 indices.
class SobolSequence {
 public:
  /// Dimensions available: those the tests compare with Boost's engine point by point, more
  /// than the sobol design of at most max_sobol_parameters (sweep_spec.hpp) needs, two per
  /// parameter. Boost's table has more.
  static constexpr int max_dimension = 41;
  /// Bits of the integer coordinates (and of the direction numbers).
  static constexpr int bits = 32;

  /// Requires 1 <= dimension <= max_dimension.
  explicit SobolSequence(int dimension);

  [[nodiscard]] int dimension() const { return static_cast<int>(directions_.size()); }

  /// Point `index` (0-based) of the sequence, each coordinate in [0, 1).
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const;

  /// The integer coordinates of point `index` (x_ij 2^32), exact.
  [[nodiscard]] std::vector<std::uint32_t> integer_point(std::uint64_t index) const;

 private:
  std::vector<std::array<std::uint32_t, bits>> directions_;  // v_jk, k = 1..32 at [k - 1]
};

}  // namespace parley::sweep
