#pragma once
/// \file equilibrium_verification.hpp
/// Checking that what a Nash solver returns is a Nash equilibrium, before it is reported:
/// exactly, in rational arithmetic, when the payoffs are known exactly (exact_payoffs.hpp),
/// and otherwise with a tolerance relative to the game's own incentives.
///
/// Lemke-Howson and the floating-point vertex search pivot in floating point, so a candidate
/// may be off: a tie decided the wrong way, or a payoff difference lost beside much larger
/// payoffs. Verification is the independent check on each candidate, with no tolerance at all
/// where the game allows it. Candidates that are exact already (the exact reverse search,
/// reverse_search_enumeration.hpp) are checked as they are (verify_exact_equilibria).
///
/// The regret of player i at a mixed profile sigma = (x, y) is the most i gains by deviating
/// alone,
///   r_i(sigma) = max_s u_i(s, sigma_-i) - u_i(sigma),
/// the best payoff of a pure strategy s against the other's mixed strategy minus i's expected
/// payoff: for player 1 r_1 = max_k (A y)_k - x^T A y, for player 2 r_2 = max_l (B^T x)_l -
/// x^T B y. Since u_i(sigma) = sum_s sigma_i(s) u_i(s, sigma_-i) is an average of the pure
/// payoffs, r_i >= 0, and r_i = 0 exactly when every strategy i plays with positive probability
/// is a best response, so sigma is a Nash equilibrium iff max(r_1, r_2) = 0 (Nash 1951).
///
/// Exact verification (payoffs as rationals). The candidate's probabilities are floating-point
/// numbers, whose exact regret is almost never 0 (1/3 has no binary expansion), so first the
/// exact profile the candidate approximates is recovered. With J the support of y (y_j > eps)
/// and K player 1's best responses to y (relative to player 1's incentive scale, within eps),
/// y solves sum_{j in J} A(k, j) y_j = u (k in K), sum_{j in J} y_j = 1, y_j = 0 off J; when
/// the candidate is an extreme equilibrium (a vertex pair of the best-response polytopes,
/// which is what vertex enumeration and Lemke-Howson return) these are the tight constraints
/// of y's vertex and have exactly one solution; likewise x from B. The systems are solved by
/// Gaussian elimination over the rationals, and the resulting profile is accepted when it is
/// a pair of probability distributions within 1e-6 of the candidate and its exact regret is 0.
/// If a system has no unique solution, the continued-fraction approximations of the
/// probabilities (denominators up to 10^6) are tried as the exact profile instead. A candidate
/// no exact equilibrium is found for is rejected.
///
/// Relative verification (payoffs known only as doubles). The regret is computed on the
/// normalised payoffs (normalized_payoffs, bimatrix_game.hpp), i.e. r_1 / scale_1 and
/// r_2 / scale_2 with scale_i player i's largest incentive; a candidate is accepted when it is a
/// pair of distributions within `tolerance` and this relative regret is at most `tolerance`.
/// The regret is invariant under adding a constant to a column of A (a row of B), so the
/// normalisation changes nothing but the scale, and a regret of 1 beside payoffs of 1e12 is
/// not lost.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "parley/solve/exact_payoffs.hpp"
#include "parley/solve/bimatrix_game.hpp"

namespace parley {

/// Tolerance of relative verification, on regrets relative to each player's incentive scale
/// and on probabilities; also the threshold above which a probability counts as in the support.
inline constexpr double kRelativeRegretTolerance = 1e-9;

/// \brief A mixed profile with rational probabilities.
struct RationalProfile {
  std::vector<Rational> x;
  std::vector<Rational> y;
};

/// The profile's probabilities rounded to doubles.
[[nodiscard]] MixedProfile to_mixed_profile(const RationalProfile& profile);

/// How the equilibria were verified.
enum class VerificationKind {
  exact,    ///< rational arithmetic on the exact payoffs: every accepted regret is exactly 0
  relative  ///< floating point, regret relative to each player's incentive scale
};

/// "exact" or "relative".
[[nodiscard]] std::string to_string(VerificationKind kind);

/// \brief The outcome of verifying a solver's candidates.
struct VerifiedEquilibria {
  VerificationKind kind = VerificationKind::relative;
  /// The accepted equilibria, in the solver's order. Under exact verification each is the
  /// exact equilibrium rounded to doubles (0.49999999999999994 becomes 0.5).
  std::vector<MixedProfile> equilibria;
  /// Under exact verification, the exact equilibria, parallel to `equilibria`; else empty.
  std::vector<RationalProfile> exact;
  /// The largest regret among the accepted equilibria: exactly 0 under exact verification,
  /// the largest relative regret otherwise (0 when there are none).
  double max_regret = 0.0;
  /// Candidates rejected as no equilibrium.
  int rejected = 0;
  /// Candidates dropped as the same exact equilibrium as an earlier one.
  int duplicates = 0;
};

/// r = max(r_1, r_2) of `profile` in exact arithmetic (the header's formula). Throws
/// std::invalid_argument when the sizes do not match the game.
[[nodiscard]] Rational exact_regret(const ExactBimatrix& game, const RationalProfile& profile);

/// The expected payoffs (x^T A y, x^T B y) of `profile`, exactly. Throws std::invalid_argument
/// when the sizes do not match the game.
[[nodiscard]] std::array<Rational, 2> exact_expected_payoffs(const ExactBimatrix& game, const RationalProfile& profile);

/// The same for each of `profiles`, the game's payoffs converted to integers once (for the
/// thousands of equilibria of some games).
[[nodiscard]] std::vector<std::array<Rational, 2>> exact_expected_payoffs(const ExactBimatrix& game,
                                                                          const std::vector<RationalProfile>& profiles);

/// max(r_1 / scale_1, r_2 / scale_2) of `profile`, computed on the normalised payoffs (a
/// player with scale 0 has regret 0).
[[nodiscard]] double relative_regret(const BimatrixGame& game, const MixedProfile& profile);

/// The exact equilibrium `candidate` approximates (the header's recovery), or nullopt when
/// none is found within 1e-6 of it. `exact` must hold the payoffs of `game`.
[[nodiscard]] std::optional<RationalProfile> exact_equilibrium_near(const BimatrixGame& game,
                                                                    const ExactBimatrix& exact,
                                                                    const MixedProfile& candidate);

/// Verifies every candidate: exactly when `exact` is given (it must hold the payoffs of
/// `game`), relatively with `tolerance` otherwise; keeps those that are equilibria and counts
/// the others.
[[nodiscard]] VerifiedEquilibria verify_equilibria(const BimatrixGame& game,
                                                   const std::vector<MixedProfile>& candidates,
                                                   const std::optional<ExactBimatrix>& exact,
                                                   double tolerance = kRelativeRegretTolerance);

/// Verifies exact candidates as they are: each must be a pair of probability distributions
/// with exact regret 0 on `game`'s payoffs; keeps those (kind exact, max_regret 0), counts the
/// others as rejected and repeats as duplicates.
[[nodiscard]] VerifiedEquilibria verify_exact_equilibria(const ExactBimatrix& game,
                                                         const std::vector<RationalProfile>& candidates);

}  // namespace parley
