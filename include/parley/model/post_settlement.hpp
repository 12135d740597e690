#pragma once
/// \file post_settlement.hpp
/// What an agreement's terms make of the peace that follows it: its breakdown hazard, the line
/// a renewed war starts from and the balance it is fought under (DESIGN 1.10).

#include <cstddef>
#include <span>
#include <vector>

#include "parley/model/agreement.hpp"
#include "parley/model/battlefield_params.hpp"
#include "parley/model/durability_params.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The balance of a renewed war: side A's advantage shift and each party's extra cost
/// per period, the sums over the durability terms an agreement contains.
struct PostSettlementBalance {
  double advantage_shift = 0.0;     ///< added to a_t, the result clamped to [-1, 1]
  std::vector<double> cost_shift;   ///< per party (scenario order), >= 0
  friend bool operator==(const PostSettlementBalance&, const PostSettlementBalance&) = default;
};

/// Whether agreement x contains term m: its ordinal issue is at m's level, or m's clause is in.
[[nodiscard]] bool contains_term(const Scenario& scenario, const DurabilityTerm& term, const Agreement& x);

/// The indices (into DurabilityParams::terms, increasing) of the terms agreement x contains.
[[nodiscard]] std::vector<std::size_t> contained_terms(const Scenario& scenario, const Agreement& x);
/// The same into `out` (cleared first), reusing its storage: the engine's per-settlement call.
void contained_terms_into(const Scenario& scenario, const Agreement& x, std::vector<std::size_t>& out);

/// min(1, h0 prod_{m in terms} mu_m) for term indices in increasing order: the hazard of every
/// agreement that contains exactly these terms (0 without durability).
[[nodiscard]] double breakdown_hazard(const Scenario& scenario, std::span<const std::size_t> terms);

/// The balance of every agreement that contains exactly these terms (indices in increasing
/// order): the sums of their advantage and cost shifts.
[[nodiscard]] PostSettlementBalance post_settlement_balance(const Scenario& scenario,
                                                            std::span<const std::size_t> terms);
/// The same into `out`, reusing its storage (the engine's per-settlement call).
void post_settlement_balance_into(const Scenario& scenario, std::span<const std::size_t> terms,
                                  PostSettlementBalance& out);

/// h(x) = min(1, h0 prod_{m in x} mu_m): the probability that the peace made by x breaks
/// between two periods (DESIGN 1.10, after Fortna 2003). 0 without durability.
[[nodiscard]] double breakdown_hazard(const Scenario& scenario, const Agreement& x);

/// The post-settlement balance of x: sum_{m in x} advantage_shift_m and, per party,
/// sum_{m in x} cost_shift_m (zeros, one per party, without durability).
[[nodiscard]] PostSettlementBalance post_settlement_balance(const Scenario& scenario, const Agreement& x);

/// The front state a renewed war after x starts from: for the first issue linked to the front,
/// the state whose frozen value is nearest x's amount, round(N (x_k - lo) / (hi - lo)) (the
/// line the agreement drew); `front_state` (the front at the settlement) when no issue is
/// linked. Needs a battlefield.
[[nodiscard]] int renewal_line(const Scenario& scenario, const Agreement& x, int front_state);

/// The battlefield of a renewed war before the terms' shifts: the scenario's battlefield with
/// DurabilityParams::renewed_tempo and renewed_advantage when they are given. Needs a
/// battlefield.
[[nodiscard]] BattlefieldParams renewed_battlefield(const Scenario& scenario);

}  // namespace parley
