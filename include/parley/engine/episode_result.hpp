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
///
/// Under a durability section (DESIGN 1.10) a settlement need not end the war: its peace may
/// break (the hazard, or a veto belligerent renewing the war at will), the war resumes and
/// talks go on. The fields then describe the episode's end, what came before is counted in
/// `breakdowns`, `renewals` and `peace_periods`:
/// - `outcome`: `settled` only for a settlement whose peace held to the horizon (the newest
///   one); an episode whose peace broke ends as the renewed war ends (another settlement that
///   held, a collapse, or the front frozen at T);
/// - `period`: as below for that end (the period of the settlement that held, of the fighting
///   that ended the war, or T); a breakdown whose line is a collapse threshold ends the war at
///   once: a collapse with `period` the breakdown's period t_b and no fighting after it (the
///   war is over at t_b, as the war value of an absorbing state says);
/// - `duration`: the periods of fighting in all, before and after any breakdown.
/// Without a breakdown (and always without the section) every field means what it always did.
struct EpisodeResult {
  Outcome outcome = Outcome::frozen;
  /// settled: the period t of the settlement; collapse: the period t whose fighting ended the
  /// war; frozen: T.
  int period = 0;
  /// Periods of fighting: t when settled at t, t + 1 after a collapse in period t, T if frozen
  /// (min(tau, T) when there are no talks, as war_outcome counts it). After a breakdown: every
  /// period t < T that was not at peace.
  int duration = 0;
  /// Periods t < T at peace: from each settlement's period (included) to its breakdown (the
  /// first period of renewed war, excluded) or to T. duration + peace_periods is T, or t + 1
  /// after a collapse in period t.
  int peace_periods = 0;
  /// The times a peace broke (DESIGN 1.10): by the hazard, or renewed at will.
  int breakdowns = 0;
  /// Of the breakdowns, those where a veto belligerent renewed the war at will (including a
  /// settlement whose peace never started: renewed at its own period).
  int renewals = 0;
  int final_state = 0;  ///< s at the end (0 without a battlefield)
  /// The period of the first agreement signed, whether or not its peace held (-1 if none):
  /// when the talks first succeed, which under durability may be well before `period`.
  int first_agreement = -1;
  std::size_t proposer = 0;  ///< settled: the party whose offer was accepted
  /// The agreement in force at the end: the settlement, the collapse terms, or frozen(s_T)
  /// (the status quo without a battlefield). Valid until the runner's next episode.
  const Agreement* terms = nullptr;
  std::vector<double> payoffs;  ///< per party, as in Simulation (DESIGN 1.1)

  /// The episode ends in a settlement whose peace held to the horizon (under durability; without
  /// it every settlement holds).
  [[nodiscard]] bool held() const { return outcome == Outcome::settled; }
  /// A peace broke at least once (whatever came after).
  [[nodiscard]] bool broke() const { return breakdowns > 0; }
};

}  // namespace parley
