#pragma once
/// \file continued_fraction.hpp
/// The convergents of a number's continued fraction: the best rational approximations with
/// bounded denominators, used to print an equilibrium's probabilities as fractions and to
/// recover an exact profile from a floating-point one.

#include <vector>

namespace parley {

/// \brief A convergent p/q (q >= 1) of a continued fraction.
struct Convergent {
  long long p = 0;
  long long q = 1;
};

/// The convergents p_k / q_k of the continued fraction [a_0; a_1, a_2, ...] of |x|, in order,
/// while q_k <= max_denominator: p_k = a_k p_{k-1} + p_{k-2}, q_k = a_k q_{k-1} + q_{k-2} from
/// p_{-1}/q_{-1} = 1/0 and p_{-2}/q_{-2} = 0/1 (Khinchin 1964, "Continued Fractions", ch. 1).
/// Each is the best approximation of |x| among fractions of no larger denominator
/// (Khinchin, theorem 17). The expansion stops when the remainder is exactly 0 (|x| is p_k/q_k
/// in floating point), when a partial quotient passes 10^12 (|x| is that close to p_k/q_k) or
/// after 64 terms; so |x| above 10^12 gives no convergent.
[[nodiscard]] std::vector<Convergent> convergents(double x, long long max_denominator);

}  // namespace parley
