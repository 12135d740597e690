#include "common_denominator.hpp"

namespace parley::detail {

ScaledIntegers over_common_denominator(const std::vector<Rational>& values) {
  ScaledIntegers scaled;
  for (const Rational& v : values) {
    const BigInteger& q = boost::multiprecision::denominator(v);
    if (q != 1) scaled.denominator = boost::multiprecision::lcm(scaled.denominator, q);
  }
  scaled.numerators.reserve(values.size());
  for (const Rational& v : values) {
    const BigInteger& q = boost::multiprecision::denominator(v);
    // Integers (the common case) need no division.
    scaled.numerators.push_back(q == scaled.denominator ? boost::multiprecision::numerator(v)
                                                        : boost::multiprecision::numerator(v) * (scaled.denominator / q));
  }
  return scaled;
}

}  // namespace parley::detail
