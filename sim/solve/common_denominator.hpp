#pragma once
// Rationals as integers over their least common denominator (private to sim/solve): the exact
// enumeration pivots on the payoffs scaled this way, and the exact verification computes
// regrets and payoffs on them without a gcd per operation.

#include <vector>

#include "checked_integer.hpp"
#include "parley/solve/exact_payoffs.hpp"

namespace parley::detail {

/// \brief values[k] = numerators[k] / denominator, with `denominator` the least common
/// multiple of the values' denominators (1 for integers).
struct ScaledIntegers {
  std::vector<BigInteger> numerators;
  BigInteger denominator = 1;
};

/// `values` over their least common denominator.
[[nodiscard]] ScaledIntegers over_common_denominator(const std::vector<Rational>& values);

}  // namespace parley::detail
