#pragma once
/// \file durability_params.hpp
/// Peace that may not last: the breakdown hazard of a settlement, the battlefield of a renewed
/// war and the terms of an agreement that change them (DESIGN 1.10).

#include <cstddef>
#include <optional>
#include <vector>

#include "parley/model/advantage_schedule.hpp"

namespace parley {

/// \brief One mechanism: a term of an agreement (an ordinal issue's level, or one clause of a
/// clauses issue) that changes the peace the agreement makes when the agreement contains it.
///
/// Fortna (2003, "Scraps of Paper? Agreements and the Durability of Peace", International
/// Organization 57) finds that demilitarised zones, third-party guarantees, peacekeepers and
/// joint commissions make ceasefires last longer: `hazard_multiplier` below 1. An army cap
/// shifts the balance of a renewed war toward side A, a guarantee shifts it back and raises
/// the aggressor's cost (the guarantor fights or arms): `advantage_shift` and `cost_shift`.
struct DurabilityTerm {
  std::size_t issue = 0;  ///< index into Scenario::issues (an ordinal or a clauses issue)
  int level = -1;         ///< ordinal issue: the level index; -1 for a clause
  int clause = -1;        ///< clauses issue: the clause index within the issue; -1 for a level
  double hazard_multiplier = 1.0;  ///< mu_m >= 0: the per-period breakdown hazard is multiplied by it
  double advantage_shift = 0.0;    ///< added to side A's advantage in a renewed war, in [-2, 2]
  /// Per party (scenario order; empty: none): added to its cost per period in a renewed war, >= 0.
  std::vector<double> cost_shift;
};

/// \brief The durability of settlements (DESIGN 1.10). Absent from a scenario (the default), a
/// settlement ends the episode and is worth u_i(x) for ever, as in DESIGN 1.1.
///
/// Present, peace after a settlement x holds period by period until it breaks or the horizon
/// ends: between two periods of peace it breaks with probability
///   h(x) = min(1, h0 prod_{m in x} mu_m)
/// over the terms m of `terms` that x contains; and a veto belligerent renews the war at the
/// first period of peace in which its value of renewed war exceeds its value of keeping the
/// peace (self-enforcement; Fearon 1995, Powell 2006). A renewed war starts from the line the
/// agreement drew (the front state of its linked territory, or the front at the settlement when
/// no issue is linked) under the post-settlement balance: the renewed war's battlefield (the
/// scenario's, with `renewed_tempo` and `renewed_advantage` when given) with side A's advantage
/// shifted by the sum of the terms' `advantage_shift` (clamped to [-1, 1]) and each party's cost
/// raised by the sum of the terms' `cost_shift`. After a breakdown the war is fought and talks
/// resume under the same protocol.
struct DurabilityParams {
  /// Who keeps the peace: under `self_enforcing` (the default) a veto belligerent renews the war
  /// whenever that pays (Fearon 1995, Powell 2006); under `binding` a third party enforces the
  /// agreement and only the hazard breaks it, so h0 = 0 makes every settlement final.
  enum class Commitment { self_enforcing, binding };
  Commitment commitment = Commitment::self_enforcing;
  double base_hazard = 0.0;  ///< h0 in [0, 1]: per-period breakdown probability without mechanisms
  std::optional<double> renewed_tempo;                ///< r of a renewed war (default: battlefield.tempo)
  std::optional<AdvantageSchedule> renewed_advantage; ///< a_t of a renewed war (default: battlefield.advantage)
  std::vector<DurabilityTerm> terms;
};

}  // namespace parley
