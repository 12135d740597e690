#pragma once
/// \file valuation.hpp
/// How one party values one issue, v_ik in [0, 1] (DESIGN 1.2).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/issue.hpp"
#include "parley/model/value_function.hpp"

namespace parley {

/// \brief Party i's value of issue k, v_ik(x_k) in [0, 1].
///
/// - continuous: `curve(x)`;
/// - ordinal: `level_values[level]`;
/// - clauses: `v_ik(S) = (sum_{c in S} a_ic - min_i) / (max_i - min_i)` with a_ic =
///   `clause_values[c]` and min_i (max_i) the sum of the negative (positive) a_ic; a party
///   with every a_ic = 0 values every subset at 0 (it is indifferent).
struct IssueValuation {
  PiecewiseLinear curve;
  std::vector<double> level_values;
  std::vector<double> clause_values;
  double clause_min = 0.0;  ///< sum of the negative clause values (set by Scenario::finalize)
  double clause_max = 0.0;  ///< sum of the positive clause values (set by Scenario::finalize)

  /// v_ik(x_k): the value of issue `issue` (index `k` in the scenario) in agreement x.
  [[nodiscard]] double value(const Issue& issue, std::size_t k, const Agreement& x) const;
  /// v_ik of a continuous amount or ordinal level (not for clauses issues).
  [[nodiscard]] double value_of_amount(const Issue& issue, double amount) const;
  /// v_ik of a clause subset given as flags (`flags[c]` for the issue's c-th clause).
  [[nodiscard]] double value_of_clauses(const std::uint8_t* flags) const;
};

}  // namespace parley
