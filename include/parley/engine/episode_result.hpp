#pragma once
/// \file episode_result.hpp
/// How one episode ended (DESIGN 1.1).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/model/agreement.hpp"

namespace parley {

/// The four ways an episode ends.
enum class Outcome : std::uint8_t {
  settled,     ///< every veto party accepted an offer
  collapse_a,  ///< the front reached side A's collapse threshold
  collapse_b,  ///< the front reached side B's collapse threshold
  frozen,      ///< no settlement by the horizon: the war freezes (without a battlefield: no deal)
};
const char* to_string(Outcome outcome);

/// \brief The end of one episode.
struct EpisodeResult {
  Outcome outcome = Outcome::frozen;
  /// settled: the period t of the settlement; collapse: the period t whose fighting ended the
  /// war; frozen: T.
  int period = 0;
  /// Periods of fighting: t when settled at t, t + 1 after a collapse in period t, T if frozen
  /// (min(tau, T) when there are no talks, as war_outcome counts it).
  int duration = 0;
  int final_state = 0;  ///< s at the end (0 without a battlefield)
  std::size_t proposer = 0;  ///< settled: the party whose offer was accepted
  /// The agreement in force at the end: the settlement, the collapse terms, or frozen(s_T)
  /// (the status quo without a battlefield). Valid until the runner's next episode.
  const Agreement* terms = nullptr;
  std::vector<double> payoffs;  ///< per party, as in Simulation (DESIGN 1.1)
};

}  // namespace parley
