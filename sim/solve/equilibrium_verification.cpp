#include "parley/solve/equilibrium_verification.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "parley/solve/continued_fraction.hpp"
#include "common_denominator.hpp"
#include "rational_linear_system.hpp"

namespace parley {

namespace {

/// The farthest an exact equilibrium may lie from the candidate it confirms (largest
/// difference of a probability).
constexpr double kExactMatchDistance = 1e-6;
/// The largest denominator tried when rounding probabilities to fractions.
constexpr long long kMaxFractionDenominator = 1'000'000;

/// The strategy p over `size` strategies, supported on `support`, that makes the opponent
/// indifferent between the strategies in `best`: sum_{s in support} payoff(k, s) p_s = u for
/// every k in `best`, sum p_s = 1; nullopt unless it is unique.
std::optional<std::vector<Rational>> exact_indifference(const std::function<const Rational&(int, int)>& payoff,
                                                  const std::vector<int>& best, const std::vector<int>& support,
                                                  int size) {
  const std::size_t unknowns = support.size() + 1;  // the probabilities on the support, then u
  // Constants assigned as Rationals: assigning a plain int goes through boost::rational's
  // integer assignment, where GCC 12 -O3 warns (maybe-uninitialized) inside Boost's headers.
  const Rational one(1);
  const Rational minus_one(-1);
  std::vector<std::vector<Rational>> rows;
  rows.reserve(best.size() + 1);
  for (const int k : best) {
    std::vector<Rational> row(unknowns + 1);
    for (std::size_t s = 0; s < support.size(); ++s) row[s] = payoff(k, support[s]);
    row[support.size()] = minus_one;
    rows.push_back(std::move(row));
  }
  std::vector<Rational> total(unknowns + 1);
  for (std::size_t s = 0; s < support.size(); ++s) total[s] = one;
  total[unknowns] = one;
  rows.push_back(std::move(total));
  const auto solution = detail::solve_unique(std::move(rows), unknowns);
  if (!solution) return std::nullopt;
  std::vector<Rational> strategy(static_cast<std::size_t>(size));
  for (std::size_t s = 0; s < support.size(); ++s) strategy[static_cast<std::size_t>(support[s])] = (*solution)[s];
  return strategy;
}

std::vector<int> indices_above(const Eigen::VectorXd& v, double threshold) {
  std::vector<int> indices;
  for (Eigen::Index k = 0; k < v.size(); ++k) {
    if (v(k) > threshold) indices.push_back(static_cast<int>(k));
  }
  return indices;
}

/// The closest fraction p/q to x with q <= kMaxFractionDenominator (the last convergent of
/// its continued fraction within the bound).
Rational nearby_fraction(double x) {
  const std::vector<Convergent> c = convergents(x, kMaxFractionDenominator);
  if (c.empty()) return Rational(0);
  const Rational value(c.back().p, c.back().q);
  return x < 0 ? Rational(-value) : value;
}

bool is_distribution_near(const std::vector<Rational>& p, const Eigen::VectorXd& candidate) {
  Rational sum = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (p[k] < 0) return false;
    const double distance = std::abs(p[k].convert_to<double>() - candidate(static_cast<Eigen::Index>(k)));
    if (distance > kExactMatchDistance) return false;
    sum += p[k];
  }
  return sum == 1;
}

bool confirms(const ExactBimatrix& exact, const RationalProfile& profile, const MixedProfile& candidate) {
  return is_distribution_near(profile.x, candidate.x) && is_distribution_near(profile.y, candidate.y) &&
         exact_regret(exact, profile) == 0;
}

using detail::BigInteger;
using detail::over_common_denominator;
using detail::ScaledIntegers;


bool is_probability_vector(const Eigen::VectorXd& v, int size, double tolerance) {
  return v.size() == size && v.allFinite() && v.minCoeff() >= -tolerance && std::abs(v.sum() - 1.0) <= tolerance;
}

/// A regret as an integer fraction, not reduced (reducing costs a gcd; the sign and zero need none).
struct RegretFraction {
  BigInteger numerator;
  BigInteger denominator;  ///< positive
};

/// One player's regret max_k (M o)_k - s^T M o, where M (own strategies x other's, row-major,
/// over a common denominator) is its payoff matrix, s = w/d_w its own mixed strategy and
/// o = o'/d_o the other's.
RegretFraction exact_player_regret(const ScaledIntegers& payoff, const ScaledIntegers& own, const ScaledIntegers& other) {
  // In integers over common denominators (no gcd per operation: a game with thousands of
  // equilibria verifies each in a few thousand integer multiply-adds). With M = M'/d_M:
  // regret = (d_w max_k (M'o')_k - sum_k w_k (M'o')_k) / (d_w d_o d_M).
  const std::size_t others = other.numerators.size();
  BigInteger best;
  BigInteger expected = 0;
  for (std::size_t k = 0; k < own.numerators.size(); ++k) {
    BigInteger value = 0;
    for (std::size_t j = 0; j < others; ++j) {
      if (other.numerators[j] != 0) value += payoff.numerators[k * others + j] * other.numerators[j];
    }
    if (k == 0 || value > best) best = value;
    if (own.numerators[k] != 0) expected += own.numerators[k] * value;
  }
  return {own.denominator * best - expected, own.denominator * other.denominator * payoff.denominator};
}

/// True when the integers w / d_w are a probability distribution over `size` strategies.
bool is_exact_distribution(const ScaledIntegers& p, int size) {
  if (static_cast<int>(p.numerators.size()) != size) return false;
  BigInteger sum = 0;
  for (const BigInteger& q : p.numerators) {
    if (q < 0) return false;
    sum += q;
  }
  return sum == p.denominator;
}

/// Both players' payoff matrices over their common denominators, each with its own
/// strategies as rows: A as it is, B transposed. Built once for many regrets.
struct ScaledGame {
  explicit ScaledGame(const ExactBimatrix& game) {
    a = over_common_denominator(game.a);
    std::vector<Rational> b_transposed;
    b_transposed.reserve(game.b.size());
    for (int l = 0; l < game.cols; ++l)
      for (int i = 0; i < game.rows; ++i) b_transposed.push_back(game.b_at(i, l));
    b = over_common_denominator(b_transposed);
  }
  [[nodiscard]] Rational regret(const RationalProfile& profile) const {
    const ScaledIntegers x = over_common_denominator(profile.x);
    const ScaledIntegers y = over_common_denominator(profile.y);
    const RegretFraction r1 = exact_player_regret(a, x, y);
    const RegretFraction r2 = exact_player_regret(b, y, x);
    const Rational regret1(r1.numerator, r1.denominator);
    const Rational regret2(r2.numerator, r2.denominator);
    return regret1 > regret2 ? regret1 : regret2;
  }
  /// The expected payoffs (x^T A y, x^T B y): sum_kj own_k M'_kj other_j / (d_own d_M d_other)
  /// for each player's matrix M with its own strategies as rows.
  [[nodiscard]] std::array<Rational, 2> expected_payoffs(const RationalProfile& profile) const {
    const ScaledIntegers x = over_common_denominator(profile.x);
    const ScaledIntegers y = over_common_denominator(profile.y);
    return {expected_payoff(a, x, y), expected_payoff(b, y, x)};
  }
  static Rational expected_payoff(const ScaledIntegers& payoff, const ScaledIntegers& own, const ScaledIntegers& other) {
    const std::size_t others = other.numerators.size();
    BigInteger sum = 0;
    for (std::size_t k = 0; k < own.numerators.size(); ++k) {
      if (own.numerators[k] == 0) continue;
      BigInteger value = 0;
      for (std::size_t j = 0; j < others; ++j) {
        if (other.numerators[j] != 0) value += payoff.numerators[k * others + j] * other.numerators[j];
      }
      sum += own.numerators[k] * value;
    }
    return Rational(sum, own.denominator * payoff.denominator * other.denominator);
  }
  /// Regret exactly 0 for both players (x and y over their common denominators).
  [[nodiscard]] bool has_zero_regret(const ScaledIntegers& x, const ScaledIntegers& y) const {
    return exact_player_regret(a, x, y).numerator == 0 && exact_player_regret(b, y, x).numerator == 0;
  }
  ScaledIntegers a;
  ScaledIntegers b;
};

}  // namespace

std::string to_string(VerificationKind kind) { return kind == VerificationKind::exact ? "exact" : "relative"; }

MixedProfile to_mixed_profile(const RationalProfile& profile) {
  MixedProfile doubles{Eigen::VectorXd(static_cast<Eigen::Index>(profile.x.size())),
                       Eigen::VectorXd(static_cast<Eigen::Index>(profile.y.size()))};
  for (std::size_t i = 0; i < profile.x.size(); ++i) {
    doubles.x(static_cast<Eigen::Index>(i)) = profile.x[i].convert_to<double>();
  }
  for (std::size_t j = 0; j < profile.y.size(); ++j) {
    doubles.y(static_cast<Eigen::Index>(j)) = profile.y[j].convert_to<double>();
  }
  return doubles;
}

Rational exact_regret(const ExactBimatrix& game, const RationalProfile& profile) {
  const auto m = static_cast<std::size_t>(game.rows);
  const auto n = static_cast<std::size_t>(game.cols);
  if (profile.x.size() != m || profile.y.size() != n) {
    throw std::invalid_argument("exact_regret: the profile does not fit the game's size");
  }
  return ScaledGame(game).regret(profile);
}

std::array<Rational, 2> exact_expected_payoffs(const ExactBimatrix& game, const RationalProfile& profile) {
  if (profile.x.size() != static_cast<std::size_t>(game.rows) ||
      profile.y.size() != static_cast<std::size_t>(game.cols)) {
    throw std::invalid_argument("exact_expected_payoffs: the profile does not fit the game's size");
  }
  return ScaledGame(game).expected_payoffs(profile);
}

std::vector<std::array<Rational, 2>> exact_expected_payoffs(const ExactBimatrix& game,
                                                            const std::vector<RationalProfile>& profiles) {
  const ScaledGame scaled(game);
  std::vector<std::array<Rational, 2>> payoffs;
  payoffs.reserve(profiles.size());
  for (const RationalProfile& profile : profiles) {
    if (profile.x.size() != static_cast<std::size_t>(game.rows) ||
        profile.y.size() != static_cast<std::size_t>(game.cols)) {
      throw std::invalid_argument("exact_expected_payoffs: a profile does not fit the game's size");
    }
    payoffs.push_back(scaled.expected_payoffs(profile));
  }
  return payoffs;
}

double relative_regret(const BimatrixGame& game, const MixedProfile& profile) {
  const NormalizedPayoffs normalized = normalized_payoffs(game);
  const Eigen::VectorXd row_values = normalized.a * profile.y;
  const Eigen::VectorXd column_values = normalized.b.transpose() * profile.x;
  const double regret1 = row_values.maxCoeff() - profile.x.dot(row_values);
  const double regret2 = column_values.maxCoeff() - profile.y.dot(column_values);
  return std::max({0.0, regret1, regret2});
}

std::optional<RationalProfile> exact_equilibrium_near(const BimatrixGame& game, const ExactBimatrix& exact,
                                                      const MixedProfile& candidate) {
  const int m = game.rows();
  const int n = game.cols();
  if (exact.rows != m || exact.cols != n || candidate.x.size() != m || candidate.y.size() != n ||
      !candidate.x.allFinite() || !candidate.y.allFinite()) {
    return std::nullopt;
  }
  constexpr double eps = kRelativeRegretTolerance;
  const NormalizedPayoffs normalized = normalized_payoffs(game);
  const Eigen::VectorXd row_values = normalized.a * candidate.y;                 // player 1's incentives
  const Eigen::VectorXd column_values = normalized.b.transpose() * candidate.x;  // player 2's
  const auto best = [](const Eigen::VectorXd& v) { return indices_above(v, v.maxCoeff() - eps); };

  // y makes player 1 indifferent among the best responses to it, x player 2.
  const auto y = exact_indifference([&](int k, int j) -> const Rational& { return exact.a_at(k, j); },
                                    best(row_values), indices_above(candidate.y, eps), n);
  const auto x = exact_indifference([&](int l, int i) -> const Rational& { return exact.b_at(i, l); },
                                    best(column_values), indices_above(candidate.x, eps), m);
  if (x && y) {
    RationalProfile solved{*x, *y};
    if (confirms(exact, solved, candidate)) return solved;
  }

  // No unique solution: the simplest fractions near the candidate's probabilities.
  RationalProfile rounded;
  for (int p = 0; p < 2; ++p) {
    const Eigen::VectorXd& v = p == 0 ? candidate.x : candidate.y;
    std::vector<Rational>& target = p == 0 ? rounded.x : rounded.y;
    Rational sum = 0;
    for (Eigen::Index k = 0; k < v.size(); ++k) {
      target.push_back(nearby_fraction(v(k)));
      sum += target.back();
    }
    if (sum <= 0) return std::nullopt;
    for (auto& value : target) value /= sum;
  }
  if (confirms(exact, rounded, candidate)) return rounded;
  return std::nullopt;
}

VerifiedEquilibria verify_equilibria(const BimatrixGame& game, const std::vector<MixedProfile>& candidates,
                                     const std::optional<ExactBimatrix>& exact, double tolerance) {
  VerifiedEquilibria verified;
  verified.kind = exact ? VerificationKind::exact : VerificationKind::relative;
  for (const MixedProfile& candidate : candidates) {
    if (exact) {
      auto profile = exact_equilibrium_near(game, *exact, candidate);
      if (!profile) {
        ++verified.rejected;
        continue;
      }
      const bool seen = std::any_of(verified.exact.begin(), verified.exact.end(), [&](const RationalProfile& e) {
        return e.x == profile->x && e.y == profile->y;
      });
      if (seen) {
        ++verified.duplicates;
        continue;
      }
      verified.equilibria.push_back(to_mixed_profile(*profile));
      verified.exact.push_back(std::move(*profile));
      continue;
    }
    if (!is_probability_vector(candidate.x, game.rows(), tolerance) ||
        !is_probability_vector(candidate.y, game.cols(), tolerance)) {
      ++verified.rejected;
      continue;
    }
    const double regret = relative_regret(game, candidate);
    if (!(regret <= tolerance)) {
      ++verified.rejected;
      continue;
    }
    const bool seen = std::any_of(verified.equilibria.begin(), verified.equilibria.end(),
                                  [&](const MixedProfile& e) { return profile_distance(e, candidate) <= tolerance; });
    if (seen) {
      ++verified.duplicates;
      continue;
    }
    verified.max_regret = std::max(verified.max_regret, regret);
    verified.equilibria.push_back(candidate);
  }
  return verified;
}

VerifiedEquilibria verify_exact_equilibria(const ExactBimatrix& game, const std::vector<RationalProfile>& candidates) {
  VerifiedEquilibria verified;
  verified.kind = VerificationKind::exact;
  // Each profile as integers over one denominator per player, which is also its key among
  // those seen: thousands of equilibria, so no pairwise scan and no gcd per operation.
  std::set<std::pair<std::vector<BigInteger>, std::vector<BigInteger>>> seen;
  const ScaledGame scaled(game);
  for (const RationalProfile& candidate : candidates) {
    ScaledIntegers x = over_common_denominator(candidate.x);
    ScaledIntegers y = over_common_denominator(candidate.y);
    if (!is_exact_distribution(x, game.rows) || !is_exact_distribution(y, game.cols) || !scaled.has_zero_regret(x, y)) {
      ++verified.rejected;
      continue;
    }
    x.numerators.push_back(x.denominator);
    y.numerators.push_back(y.denominator);
    if (!seen.emplace(std::move(x.numerators), std::move(y.numerators)).second) {
      ++verified.duplicates;
      continue;
    }
    verified.equilibria.push_back(to_mixed_profile(candidate));
    verified.exact.push_back(candidate);
  }
  return verified;
}

}  // namespace parley
