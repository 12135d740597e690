#pragma once
/// \file war_outcome.hpp
/// How a war fought to the end (no talks) ends: exact, by forward propagation of the front's
/// distribution (DESIGN 1.4).

#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The distribution of the end of a war fought without talks over a horizon T.
///
/// With pi_0 the point mass on the start state and pi_{t+1} = pi_t P_t:
/// the probability that the war ends in period t (the front enters an absorbing state
/// between t and t + 1) is the mass that moves from interior to absorbing states in that
/// step; what is still interior at T is frozen.
struct WarOutcome {
  double collapse_a = 0.0;  ///< P(side A collapses before T) = pi_T(s <= collapse_a)
  double collapse_b = 0.0;  ///< P(side B collapses before T) = pi_T(s >= collapse_b)
  double frozen = 0.0;      ///< P(the front is still interior at T)
  /// end_a[t] (end_b[t]): P(side A (B) collapses in period t), t = 0..T-1: duration t + 1.
  std::vector<double> end_a;
  std::vector<double> end_b;
  /// pi_T over the states 0..N: the frozen mass on the interior, the absorbed mass at
  /// collapse_a and collapse_b (the thresholds a clamped move ends on).
  std::vector<double> final_distribution;
  /// E[min(tau, T)] in periods, tau the absorbing period count (the war lasts tau periods).
  double expected_duration = 0.0;
  /// The smallest d in 1..T with P(min(tau, T) <= d) >= 1/2.
  int median_duration = 0;
  /// E[s_T / N | frozen]: side A's expected share of the territory if the front freezes
  /// (0 if it never does).
  double expected_frozen_share = 0.0;
};

/// The outcome distribution of `chain` run from `start` for `horizon` periods, O(T N K)
/// with no matrix built (one five-point scatter per period).
/// \throws std::invalid_argument if start is outside 0..N or horizon < 1.
[[nodiscard]] WarOutcome war_outcome(const BattlefieldChain& chain, int start, int horizon);

/// The scenario's war outcome under its true schedule (its start state and horizon).
/// \throws std::invalid_argument without a battlefield.
[[nodiscard]] WarOutcome war_outcome(const Scenario& scenario);

}  // namespace parley
