#pragma once
// The exact check and evaluation of a candidate equilibrium given by integer weights (private
// to sim/solve): what the exact reverse search (reverse_search_enumeration.cpp) runs on each
// equilibrium it finds, in the integers it pivots in, before it reports it.

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "checked_integer.hpp"
#include "common_denominator.hpp"
#include "parley/solve/exact_fraction.hpp"
#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/reverse_search_enumeration.hpp"

namespace parley::detail {

/// p / q (q > 0) in lowest terms.
inline ExactFraction reduced_fraction(CheckedInt128 p, CheckedInt128 q) {
  const CheckedInt128 g = integer_gcd(p, q);
  p = p / g;
  q = q / g;
  constexpr NativeInt128 low = std::numeric_limits<std::int64_t>::min();
  constexpr NativeInt128 high = std::numeric_limits<std::int64_t>::max();
  if (p.value >= low && p.value <= high && q.value <= high) {
    return ExactFraction(static_cast<std::int64_t>(p.value), static_cast<std::int64_t>(q.value));
  }
  return ExactFraction(Rational(to_big_integer(p), to_big_integer(q)));
}
inline ExactFraction reduced_fraction(const BigInteger& p, const BigInteger& q) { return ExactFraction(Rational(p, q)); }

/// \brief Checks that integer weights (x, y), read as the mixed profile (x / 1^T x, y / 1^T y),
/// are a Nash equilibrium of a game with exact payoffs, and gives its probabilities and
/// expected payoffs as fractions in lowest terms.
///
/// The test is the regret of equilibrium_verification.hpp, multiplied out: with A = A'/d_A
/// over its common denominator, player 1's regret is 0 exactly when
///   (1^T x) max_k (A'y)_k = x^T A' y,
/// and likewise for player 2 with B^T; x^T A y = x^T A' y / (d_A 1^T x 1^T y). So each
/// equilibrium costs about 2mn integer multiply-adds and no gcd but the ones of its fractions.
/// `Int` is CheckedInt128 (IntegerOverflow when a product leaves the range; the caller redoes
/// the work in BigInteger) or BigInteger.
template <class Int>
class IntegerEquilibriumCheck {
 public:
  explicit IntegerEquilibriumCheck(const ExactBimatrix& game) : m_(game.rows), n_(game.cols) {
    const ScaledIntegers a = over_common_denominator(game.a);
    std::vector<Rational> b_transposed;
    b_transposed.reserve(game.b.size());
    for (int l = 0; l < n_; ++l)
      for (int i = 0; i < m_; ++i) b_transposed.push_back(game.b_at(i, l));
    const ScaledIntegers b = over_common_denominator(b_transposed);
    a_.reserve(a.numerators.size());
    for (const BigInteger& v : a.numerators) a_.push_back(from_big_integer<Int>(v));
    b_.reserve(b.numerators.size());
    for (const BigInteger& v : b.numerators) b_.push_back(from_big_integer<Int>(v));
    d_a_ = from_big_integer<Int>(a.denominator);
    d_b_ = from_big_integer<Int>(b.denominator);
  }

  /// True when (x, y) (sizes m and n, nonnegative, neither all zero) is an equilibrium; then
  /// `out` holds its probabilities, expected payoffs and strategy keys. False (`out`
  /// unspecified) when it is not one.
  bool evaluate(const std::vector<Int>& x, const std::vector<Int>& y, ExactExtremeEquilibrium& out) const {
    const Int total_x = distribution_total(x, m_);
    const Int total_y = distribution_total(y, n_);
    if (total_x <= Int(0) || total_y <= Int(0)) return false;
    Int expected_1(0);
    Int expected_2(0);
    // Player 1's best responses to y name y (with its zeros), player 2's to x name x.
    std::string& key_x = out.strategy_keys[0];
    std::string& key_y = out.strategy_keys[1];
    start_key(key_y, y);
    start_key(key_x, x);
    if (!zero_regret(a_, x, y, total_x, expected_1, key_y) || !zero_regret(b_, y, x, total_y, expected_2, key_x)) {
      return false;
    }
    out.x.clear();
    out.y.clear();
    for (const Int& w : x) out.x.push_back(reduced_fraction(w, total_x));
    for (const Int& w : y) out.y.push_back(reduced_fraction(w, total_y));
    const Int both = total_x * total_y;
    out.payoffs[0] = reduced_fraction(expected_1, both * d_a_);
    out.payoffs[1] = reduced_fraction(expected_2, both * d_b_);
    return true;
  }

 private:
  /// 1^T w, or 0 when w has the wrong size or a negative entry.
  static Int distribution_total(const std::vector<Int>& w, int size) {
    if (static_cast<int>(w.size()) != size) return Int(0);
    Int total(0);
    for (const Int& v : w) {
      if (v < Int(0)) return Int(0);
      total += v;
    }
    return total;
  }

  static void set_bit(std::string& key, std::size_t bit) {
    key[bit / 8] = static_cast<char>(static_cast<unsigned char>(key[bit / 8]) | (1u << (bit % 8)));
  }

  /// The key of strategy w (ExactExtremeEquilibrium::strategy_keys) begun: bits for its
  /// zeros; zero_regret adds the other player's best responses after them.
  static void start_key(std::string& key, const std::vector<Int>& w) {
    key.assign(w.size() / 8 + 1, '\0');  // grown by zero_regret
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (w[k] == Int(0)) set_bit(key, k);
    }
  }

  /// For the player with payoffs `payoff` (own strategies as rows, over a common
  /// denominator), own weights `own` (total `own_total`) and the other's weights `other`:
  /// whether own_total max_k (M'o)_k = own^T M' o, with own^T M' o in `expected`; the own
  /// best responses k are added to `other_key` as bits other.size() + k.
  static bool zero_regret(const std::vector<Int>& payoff, const std::vector<Int>& own, const std::vector<Int>& other,
                          const Int& own_total, Int& expected, std::string& other_key) {
    const std::size_t others = other.size();
    thread_local std::vector<Int> values;  // no allocation per equilibrium
    values.assign(own.size(), Int(0));
    Int best(0);
    expected = Int(0);
    for (std::size_t k = 0; k < own.size(); ++k) {
      Int& value = values[k];
      for (std::size_t j = 0; j < others; ++j) {
        if (other[j] != Int(0)) value += payoff[k * others + j] * other[j];
      }
      if (k == 0 || value > best) best = value;
      if (own[k] != Int(0)) expected += own[k] * value;
    }
    other_key.resize((others + own.size()) / 8 + 1, '\0');
    for (std::size_t k = 0; k < own.size(); ++k) {
      if (values[k] == best) set_bit(other_key, others + k);
    }
    return own_total * best == expected;
  }

  int m_;
  int n_;
  std::vector<Int> a_;  ///< A', m x n
  std::vector<Int> b_;  ///< B'^T, n x m
  Int d_a_;
  Int d_b_;
};

}  // namespace parley::detail
