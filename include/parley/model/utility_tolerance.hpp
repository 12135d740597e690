#pragma once
/// \file utility_tolerance.hpp
/// The one tie rule and the one tolerance of every utility comparison (DESIGN 1.9): the
/// Pareto frontier, the agreement-space queries, the equilibrium solver and the strategies all
/// decide "worth at least", "worth more" and "the same" through these functions, so that an
/// offer tied in the model is treated as a tie everywhere, whatever the rounding of the
/// arithmetic that produced it.
///
/// Utilities are sums and products of doubles (weights times values, interpolations along
/// frontier segments, discounted continuation values delta W - c). Two quantities equal in
/// the model may differ in their last bits: 0.9 x 0.2 = 0.18000000000000002 while the
/// package giving 18 cents of a dollar is worth 0.18 (the double nearest it, 0.17999999999999999),
/// and 0.1 + 0.2 = 0.30000000000000004 is not 0.3. Comparing them exactly decides a tie by
/// rounding: a responder would refuse an offer worth exactly its value of rejecting.
///
/// **The rule**: ties go to acceptance. A responder indifferent between accepting and rejecting
/// accepts, and a proposer indifferent between settling and fighting on settles: the classic
/// convention of subgame-perfect bargaining equilibria (Rubinstein 1982, where the responder
/// accepts the offer that leaves it indifferent; Baron and Ferejohn 1989, where a legislator
/// votes for a proposal worth its continuation value). Without it the proposer's best offer
/// would not exist (there is no smallest amount strictly above the responder's value).

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley {

/// How many units of the last place of max(1, |a|, |b|) two utilities may differ by and still
/// be the same: 4096 ulps, about 9.1e-13 at utilities of order 1. Rounding of the model's
/// arithmetic (a few operations per issue and per period of backward induction) stays far
/// below it; any difference the model means (a cent of a dollar, a per-period cost) stays far
/// above it.
inline constexpr double tie_ulps = 4096.0;

/// \brief The tolerance within which utilities \p a and \p b are the same:
///   tol(a, b) = 4096 eps max(1, |a|, |b|),
/// eps = 2^-52 the machine epsilon of double. It is absolute (4096 eps) near zero and relative
/// (4096 eps |a|) for large utilities, so it is independent of the utility scale. It is 0 when
/// either value is infinite (an unbounded floor, e.g. -infinity for a responder whose vote is
/// not needed, is compared exactly) or NaN.
[[nodiscard]] inline double tie_tolerance(double a, double b) noexcept {
  // Two binary maxima, not max({...}): the same value, and no call to max_element in the
  // unoptimised builds (every utility comparison comes here).
  const double scale = std::max(1.0, std::max(std::abs(a), std::abs(b)));
  if (!std::isfinite(scale)) return 0.0;
  return tie_ulps * std::numeric_limits<double>::epsilon() * scale;
}

/// \brief Whether utility \p a is worth at least \p b up to rounding:
///   a >= b - tol(a, b).
/// The acceptance test: a responder accepts an offer worth a when worth_at_least(a, floor),
/// a proposer settles when worth_at_least(offer, value of fighting on). False if either is NaN.
[[nodiscard]] inline bool worth_at_least(double a, double b) noexcept { return a >= b - tie_tolerance(a, b); }

/// \brief Whether utility \p a is worth strictly more than \p b beyond rounding:
///   a > b + tol(a, b),
/// the negation of worth_at_least(b, a). The test of a strict preference (a point that
/// improves on another, a wait that pays more than settling).
[[nodiscard]] inline bool worth_more(double a, double b) noexcept { return a > b + tie_tolerance(a, b); }

/// \brief Whether utilities \p a and \p b are the same up to rounding:
///   |a - b| <= tol(a, b),
/// i.e. worth_at_least(a, b) and worth_at_least(b, a). Infinities are the same only when
/// equal; NaN is the same as nothing.
[[nodiscard]] inline bool same_utility(double a, double b) noexcept {
  if (a == b) return true;
  return std::abs(a - b) <= tie_tolerance(a, b);
}

}  // namespace parley
