#pragma once
// Integers for exact pivoting (private to sim/solve): a 128-bit integer whose every operation
// is checked for overflow, and the unbounded integer it falls back to.

#include <cstdint>
#include <limits>
#include <stdexcept>

#include <boost/multiprecision/cpp_int.hpp>

namespace parley::detail {

/// Unbounded integer (Boost.Multiprecision, header-only): the arithmetic of last resort.
using BigInteger = boost::multiprecision::cpp_int;

/// Thrown when an operation of CheckedInt128 would leave the 128-bit range; the caller redoes
/// its work in BigInteger.
struct IntegerOverflow : std::overflow_error {
  IntegerOverflow() : std::overflow_error("128-bit integer overflow") {}
};

__extension__ using NativeInt128 = __int128;
__extension__ using NativeUint128 = unsigned __int128;

/// Throws IntegerOverflow, out of line: the operators below stay a few instructions, which the
/// compiler inlines into the pivoting loops (with the throw inline, they were calls).
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_integer_overflow() { throw IntegerOverflow(); }

/// \brief A signed 128-bit integer whose +, -, * and / throw IntegerOverflow instead of
/// wrapping (GCC's and clang's __builtin_*_overflow, which handle __int128).
///
/// Integer pivoting keeps every tableau entry a minor of the input matrix, bounded by
/// Hadamard's inequality; on 18 x 18 games with payoffs of two digits the entries fit in 128
/// bits, but the products formed in a pivot step (two minors) may not. Checking each product
/// costs a flag test; wrapping silently would give a wrong equilibrium.
struct CheckedInt128 {
  NativeInt128 value = 0;

  constexpr CheckedInt128() = default;
  constexpr CheckedInt128(std::int64_t v) : value(v) {}  // NOLINT: implicit, as for a built-in integer
  static constexpr CheckedInt128 raw(NativeInt128 v) {
    CheckedInt128 c;
    c.value = v;
    return c;
  }

  friend CheckedInt128 operator+(CheckedInt128 a, CheckedInt128 b) {
    NativeInt128 r = 0;
    if (__builtin_add_overflow(a.value, b.value, &r)) throw_integer_overflow();
    return raw(r);
  }
  friend CheckedInt128 operator-(CheckedInt128 a, CheckedInt128 b) {
    NativeInt128 r = 0;
    if (__builtin_sub_overflow(a.value, b.value, &r)) throw_integer_overflow();
    return raw(r);
  }
  friend CheckedInt128 operator*(CheckedInt128 a, CheckedInt128 b) {
    // Two factors of 64 bits cannot overflow 128: one multiplication, no check (most tableau
    // entries are that small; the checked 128-bit product costs several).
    const auto narrow_a = static_cast<std::int64_t>(a.value);
    const auto narrow_b = static_cast<std::int64_t>(b.value);
    if (narrow_a == a.value && narrow_b == b.value) return raw(static_cast<NativeInt128>(narrow_a) * narrow_b);
    NativeInt128 r = 0;
    if (__builtin_mul_overflow(a.value, b.value, &r)) throw_integer_overflow();
    return raw(r);
  }
  /// Quotient (the pivoting divides exactly); only min / -1 overflows.
  friend CheckedInt128 operator/(CheckedInt128 a, CheckedInt128 b) {
    if (b.value == -1) return raw(0) - a;
    // Most entries of a pivoting tableau fit in 64 bits, where division is a single
    // instruction rather than a call to the 128-bit division routine (as lrs's hybrid
    // arithmetic starts in 64 bits).
    const auto narrow_a = static_cast<std::int64_t>(a.value);
    const auto narrow_b = static_cast<std::int64_t>(b.value);
    if (narrow_a == a.value && narrow_b == b.value && narrow_b != -1) return raw(narrow_a / narrow_b);
    return raw(a.value / b.value);
  }
  CheckedInt128 operator-() const { return raw(0) - *this; }
  CheckedInt128& operator+=(CheckedInt128 b) { return *this = *this + b; }
  CheckedInt128& operator-=(CheckedInt128 b) { return *this = *this - b; }
  friend constexpr bool operator==(CheckedInt128 a, CheckedInt128 b) { return a.value == b.value; }
  friend constexpr auto operator<=>(CheckedInt128 a, CheckedInt128 b) { return a.value <=> b.value; }
};

/// The value of `v` as an unbounded integer.
inline BigInteger to_big_integer(CheckedInt128 v) {
  const bool negative = v.value < 0;
  const NativeUint128 magnitude = negative ? NativeUint128(0) - static_cast<NativeUint128>(v.value)
                                           : static_cast<NativeUint128>(v.value);
  BigInteger big = static_cast<std::uint64_t>(magnitude >> 64);
  big <<= 64;
  big += static_cast<std::uint64_t>(magnitude);
  return negative ? BigInteger(-big) : big;
}
inline const BigInteger& to_big_integer(const BigInteger& v) { return v; }

/// `v` as an Int: itself for BigInteger; for CheckedInt128, throws IntegerOverflow when it
/// does not fit in 128 bits.
template <class Int>
Int from_big_integer(const BigInteger& v);

template <>
inline BigInteger from_big_integer<BigInteger>(const BigInteger& v) {
  return v;
}

template <>
inline CheckedInt128 from_big_integer<CheckedInt128>(const BigInteger& v) {
  static const BigInteger limit = BigInteger(1) << 126;  // well inside the range, so |v| < 2^126
  if (v >= limit || v <= -limit) throw IntegerOverflow();
  const bool negative = v < 0;
  const BigInteger magnitude = negative ? BigInteger(-v) : v;
  const auto low = static_cast<std::uint64_t>(magnitude & std::numeric_limits<std::uint64_t>::max());
  const auto high = static_cast<std::uint64_t>(magnitude >> 64);
  const NativeInt128 value = static_cast<NativeInt128>((static_cast<NativeUint128>(high) << 64) | low);
  return CheckedInt128::raw(negative ? -value : value);
}

/// gcd(|a|, b) for b > 0: Stein's binary algorithm on the 128-bit magnitudes (no division,
/// which on 128 bits is a library call).
inline CheckedInt128 integer_gcd(CheckedInt128 a, CheckedInt128 b) {
  NativeUint128 u = a.value < 0 ? NativeUint128(0) - static_cast<NativeUint128>(a.value) : static_cast<NativeUint128>(a.value);
  NativeUint128 v = static_cast<NativeUint128>(b.value);
  if (u == 0) return b;
  int shift = 0;
  while (((u | v) & 1) == 0) {
    u >>= 1;
    v >>= 1;
    ++shift;
  }
  while ((u & 1) == 0) u >>= 1;
  while (v != 0) {
    while ((v & 1) == 0) v >>= 1;
    if (u > v) std::swap(u, v);
    v -= u;
  }
  return CheckedInt128::raw(static_cast<NativeInt128>(u << shift));
}
inline BigInteger integer_gcd(const BigInteger& a, const BigInteger& b) { return boost::multiprecision::gcd(a, b); }

}  // namespace parley::detail
