#pragma once
/// \file front_sampler.hpp
/// Sampling the front's path with common random numbers (DESIGN 1.4, 1.7).

#include <array>
#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/random_stream.hpp"

namespace parley {

/// \brief Where and when a sampled war ended without talks.
struct FrontPathEnd {
  int state;     ///< s at the end: an absorbing state, or the frozen front at the horizon
  int duration;  ///< min(tau, T) in periods: the absorbing move happened in period duration - 1
};

/// \brief Draws s_{t+1} ~ P_t(s_t, .) by inversion of one uniform number.
///
/// Cumulative thresholds per period (down_far, down, stay, up, up_far in this order) are
/// precomputed for t = 0..horizon-1. Every step from an interior state consumes exactly one
/// `rng.uniform()` and a step from an absorbing state consumes none, so the k-th draw of a
/// run's front stream always drives the front's k-th move: two strategy profiles that keep
/// fighting in the same periods see the same front (common random numbers).
class FrontSampler {
 public:
  /// \throws std::invalid_argument if horizon < 0.
  FrontSampler(const BattlefieldChain& chain, int horizon);

  /// s_{t+1} given s_t = s; 0 <= t < horizon.
  /// \throws std::out_of_range if t is outside [0, horizon).
  int step(int t, int s, RandomStream& rng) const {
    if (t < 0 || t >= horizon_) throw_period(t);
    if (s <= collapse_a_ || s >= collapse_b_) return s;
    return chain_.sample(thresholds_[static_cast<std::size_t>(t)], s, rng.uniform());
  }
  /// Runs the front from the chain's start state with no talks until it is absorbed or the
  /// horizon is reached.
  FrontPathEnd run_to_end(RandomStream& rng) const;
  /// The same, recording s_0, s_1, ..., s_duration in `path` (cleared first).
  FrontPathEnd run_to_end(RandomStream& rng, std::vector<int>& path) const;

  [[nodiscard]] int horizon() const { return horizon_; }

 private:
  [[noreturn]] static void throw_period(int t);
  BattlefieldChain chain_;
  int horizon_;
  int collapse_a_;  ///< chain_.collapse_a(), next to the thresholds for the hot loop
  int collapse_b_;
  /// Per period: BattlefieldChain::thresholds(t).
  std::vector<FrontThresholds> thresholds_;
};

}  // namespace parley
