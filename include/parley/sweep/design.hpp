#pragma once
/// \file design.hpp
/// The design of a sweep: which parameter values each design point gets (DESIGN 2). Grid,
/// simple random sampling, Latin hypercube sampling and Saltelli's scheme on a Sobol'
/// sequence. The design's own randomness depends on the base seed only, so every process of
/// a sharded or MPI sweep builds the same design.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/sweep/sobol_sequence.hpp"
#include "parley/sweep/sweep_spec.hpp"

namespace parley::sweep {

/// The `stream` coordinate of RandomStream used for design draws; no run of the engine uses it.
inline constexpr std::uint64_t design_stream = 0x6465'7369'676eULL;  // "design"

/// \brief Coordinate j of point i of a simple random design: the (j + 1)-th uniform of the
/// stream (seed, point i, run 0, design_stream). Each point's draws are independent of the
/// others' and of the number of points, so a larger design extends a smaller one.
std::vector<double> random_unit_point(std::uint64_t seed, std::uint64_t point, std::size_t dimension);

/// \brief A Latin hypercube of n points in [0, 1)^d (McKay, Beckman and Conover 1979,
/// Technometrics 21, 239-245): x_ij = (pi_j(i) + U_ij) / n, with pi_j independent uniform random
/// permutations of 0..n-1 and U_ij uniform on [0, 1). Every column has exactly one point in
/// each stratum [k/n, (k+1)/n).
class LatinHypercube {
 public:
  /// Draws the d permutations (Fisher-Yates, from the stream (seed, j, 0, design_stream + 1)).
  LatinHypercube(std::uint64_t points, std::size_t dimension, std::uint64_t seed);

  [[nodiscard]] std::uint64_t size() const { return points_; }
  /// Point i (U_ij from the stream (seed, i, 0, design_stream)).
  [[nodiscard]] std::vector<double> point(std::uint64_t i) const;
  /// The stratum pi_j(i) of point i in column j.
  [[nodiscard]] std::uint64_t stratum(std::uint64_t i, std::size_t j) const { return permutations_[j][i]; }

 private:
  std::uint64_t points_;
  std::uint64_t seed_;
  std::vector<std::vector<std::uint64_t>> permutations_;
};

/// \brief Where a point of a Saltelli design sits (Saltelli et al. 2010, "Variance based
/// sensitivity analysis of model output", Comput. Phys. Commun. 181, 259-270, section 3).
///
/// With base matrices A and B (N x d), the design lists, for each base sample j, the rows
/// A_j, B_j and A_B^(i)_j (A_j with its column i taken from B_j), i = 1..d: point
/// p = j (d + 2) + r holds A_j for r = 0, B_j for r = 1 and A_B^(r-1)_j for r >= 2. Keeping a
/// sample's d + 2 points together means any prefix of the design is analysable.
struct SaltelliPosition {
  enum class Matrix { a, b, a_with_b_column };
  std::uint64_t sample = 0;  ///< j
  Matrix matrix = Matrix::a;
  std::size_t column = 0;    ///< i, for a_with_b_column
};

/// The position of point `point` in a Saltelli design with `dimension` parameters.
SaltelliPosition saltelli_position(std::uint64_t point, std::size_t dimension);

/// \brief Point `point` of the Saltelli design: A_j is the first d coordinates of point j of a
/// 2d-dimensional Sobol' sequence, B_j the last d (Saltelli et al. 2010, section 3), and the
/// point is the row its position says. Requires sequence.dimension() even.
std::vector<double> saltelli_point(const SobolSequence& sequence, std::uint64_t point);

/// The value a parameter takes at unit coordinate u in [0, 1): levels[floor(u L)] (L levels,
/// each with probability 1/L under a uniform u) or lo + u (hi - lo) as shortest exact text.
std::string value_at(const VariedParameter& parameter, double u);

/// One design point: its id (0-based, the row's key in the results) and the YAML text of each
/// varied parameter's value, in the order of SweepSpec::parameters.
struct DesignPoint {
  std::uint64_t id = 0;
  std::vector<std::string> values;
};

/// \brief The points of a sweep, computed on demand from the spec.
///
/// A grid lists every combination of values, first parameter slowest (like nested loops in
/// the order given); random, LHS and Sobol designs map unit-cube points through `value_at`.
class Design {
 public:
  /// Throws std::invalid_argument with every problem of `spec_problems(spec, limits)` if the
  /// spec is invalid or its design too large. Grid, random and Sobol designs hold nothing per
  /// point; a Latin hypercube holds its permutations (8 bytes per point and parameter).
  explicit Design(SweepSpec spec, const DesignLimits& limits = {});

  [[nodiscard]] const SweepSpec& spec() const { return spec_; }
  [[nodiscard]] std::uint64_t size() const { return size_; }
  /// Point `id`, 0 <= id < size().
  [[nodiscard]] DesignPoint point(std::uint64_t id) const;
  /// The unit-cube coordinates of point `id` (random, LHS and Sobol designs only).
  [[nodiscard]] std::vector<double> unit_point(std::uint64_t id) const;

 private:
  SweepSpec spec_;
  std::uint64_t size_ = 0;
  std::optional<LatinHypercube> hypercube_;
  std::optional<SobolSequence> sobol_;
};

}  // namespace parley::sweep
