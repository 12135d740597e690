#pragma once
/// \file exact_fraction.hpp
/// A rational number in lowest terms that lives in two 64-bit integers whenever it fits, as
/// the probabilities and payoffs of the extreme equilibria of integer games nearly always do:
/// the exact enumeration (reverse_search_enumeration.hpp) reports thousands of them, and an
/// unbounded rational per probability (two heap-capable integers, a gcd per operation) was
/// most of its cost per equilibrium.

#include <cstdint>
#include <memory>
#include <string>

#include "parley/solve/exact_payoffs.hpp"

namespace parley {

/// \brief p/q in lowest terms, q > 0: in 64-bit integers when both fit, else a Rational.
class ExactFraction {
 public:
  /// 0.
  ExactFraction() = default;
  /// p/q, which must already be in lowest terms with q > 0 (not checked).
  ExactFraction(std::int64_t p, std::int64_t q) : p_(p), q_(q) {}
  /// `value`, held in 64-bit integers when its numerator and denominator fit.
  explicit ExactFraction(const Rational& value);

  /// "p/q", or "p" when q = 1: the text of Rational::str().
  [[nodiscard]] std::string text() const;
  /// The nearest double (correctly rounded: p / q in floating point when both are below 2^53,
  /// which IEEE 754 division rounds correctly; else Rational's conversion).
  [[nodiscard]] double value() const;
  /// The same number as a Rational.
  [[nodiscard]] Rational rational() const;

  friend bool operator==(const ExactFraction& a, const ExactFraction& b) { return a.rational() == b.rational(); }

 private:
  std::int64_t p_ = 0;
  std::int64_t q_ = 1;
  /// Set when p or q does not fit in 64 bits. Out of line and shared (the value never
  /// changes): a fraction is then 24 bytes, not the 90 of an inline Rational, which matters
  /// for the thousands of equilibria waiting in a task's results.
  std::shared_ptr<const Rational> big_;
};

}  // namespace parley
