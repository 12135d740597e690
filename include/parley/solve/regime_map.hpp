#pragma once
/// \file regime_map.hpp
/// Regime maps (issue 17): the strategy meta-game across one parameter, and the boundaries
/// where its answer changes (the equilibrium set, or a player's best reply to one strategy of
/// the other), located by bisection. "Prolonged or quick, under which battlefield
/// assumptions?" is answered by the regions between the boundaries.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include <Eigen/Dense>

#include "parley/solve/meta_equilibrium_set.hpp"
#include "parley/solve/meta_game.hpp"

namespace parley {

/// \brief What the meta-game says at one value of the parameter.
struct RegimeAnswer {
  /// The equilibrium set at the confidence: ties and supports (MetaEquilibriumSet). Two values
  /// are in the same regime exactly when their sets are equal.
  MetaEquilibriumSet set;
  std::vector<MetaEquilibrium> equilibria;            ///< of the estimated game, with payoffs
  std::array<std::vector<BestReply>, 2> replies;      ///< each player's, to each strategy of the other
  std::array<Eigen::MatrixXd, 2> payoffs;             ///< A and B, rows x cols
  /// The standard error of each entry of A and B (MetaGame::standard_error); empty when the
  /// oracle knows the payoffs exactly.
  std::array<Eigen::MatrixXd, 2> standard_errors;
  std::int64_t runs = 0;                              ///< runs per profile the estimate used
};

/// The meta-game at a value of the parameter. Common random numbers across values (the same
/// seed and streams at every value) make neighbouring answers differ by the parameter, not by
/// the noise.
using RegimeOracle = std::function<RegimeAnswer(double value)>;

/// \brief One feature of the answer: the equilibrium set's supports, or one best reply.
struct RegimeFeature {
  bool equilibria = true;  ///< the supports of MetaEquilibriumSet; else a best reply
  int player = 0;          ///< best reply of player (0 row, 1 column) ...
  int against = 0;         ///< ... to this strategy of the other

  friend bool operator==(const RegimeFeature&, const RegimeFeature&) = default;
};

/// Whether `feature` is the same in answers `a` and `b` (supports, or the set of strategies
/// tied for the best reply).
[[nodiscard]] bool same_feature(const RegimeFeature& feature, const RegimeAnswer& a, const RegimeAnswer& b);

/// \brief Where a feature changes: between `low`, where it is as at the grid point `cell`, and
/// `high`, where it is no longer, |high - low| <= the tolerance (or one grid step when the
/// parameter is not numeric).
struct RegimeBoundary {
  RegimeFeature feature;
  std::size_t cell = 0;  ///< between grid points cell and cell + 1
  double low = 0.0;
  double high = 0.0;
  RegimeAnswer before;   ///< the answer at `low`
  RegimeAnswer after;    ///< the answer at `high`
  /// The estimate of the boundary, (low + high) / 2, and its half-width (high - low) / 2.
  [[nodiscard]] double at() const { return 0.5 * (low + high); }
  [[nodiscard]] double plus_minus() const { return 0.5 * (high - low); }
};

/// \brief The map: the answer at every grid value, and every boundary.
struct RegimeMap {
  std::vector<double> values;
  std::vector<RegimeAnswer> points;
  std::vector<RegimeBoundary> boundaries;  ///< by cell, then feature (equilibria first)
  double tolerance = 0.0;                  ///< the bisection's target bracket width
  int evaluations = 0;                     ///< oracle calls, the grid's included
};

/// \brief Evaluates `oracle` at each of `values` (increasing), then, in every cell whose two
/// ends differ in a feature, bisects: the midpoint replaces the end whose feature it shares
/// with the left end's (low moves right when it agrees with the left end, high moves left
/// otherwise), until high - low <= `tolerance`; the midpoints are shared between the features
/// of a cell. A feature that changes more than once inside a cell is located at its first
/// change from the left end that bisection finds, as bisection does for any root.
/// `tolerance` <= 0 stops at the grid: boundaries are the cells themselves.
/// \throws std::invalid_argument if `values` is not increasing or has fewer than 2 values;
/// passes on what `oracle` throws.
[[nodiscard]] RegimeMap map_regimes(const std::vector<double>& values, const RegimeOracle& oracle, double tolerance);

}  // namespace parley
