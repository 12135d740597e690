#pragma once
/// \file peace_value.hpp
/// What a settlement is worth when the peace it makes may break (DESIGN 1.10, issue 14): each
/// party's exact value of the peace period by period, whether and when a belligerent would
/// renew the war, the probability that the peace still holds k periods on, and its expected
/// length.

#include <cstddef>
#include <vector>

#include "parley/battlefield/battlefield_chain.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/model/agreement.hpp"
#include "parley/model/post_settlement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The terms of one peace, for peace_outlook: what each party gets per period of peace,
/// how likely the peace is to break, and what each party gets from a renewed war.
struct PeaceTerms {
  std::vector<double> utility;   ///< u_i(x) per party: peace that cannot break is worth exactly this
  std::vector<double> discount;  ///< delta_i per party, in (0, 1]
  double hazard = 0.0;           ///< h(x) in [0, 1]: P(the peace breaks between two periods)
  /// renewal[i][t] = R_i(t), t = 0..T: party i's value, seen from period t, of a war renewed at
  /// will at t (fought from the agreement's line under the post-settlement balance, period t
  /// included).
  std::vector<std::vector<double>> renewal;
  /// breakdown[i][t], t = 0..T: party i's value at the start of period t of the war a breakdown
  /// between t - 1 and t leads to. Empty: the same as `renewal` (a renewed war fought to the end
  /// is worth the same either way; with talks after a breakdown they differ, PeaceOffers::terms_of).
  std::vector<std::vector<double>> breakdown;
  /// The parties that may renew the war at will (the veto belligerents); the others never do.
  std::vector<std::size_t> may_renew;
  int settlement_period = 0;  ///< t0, 0 <= t0 <= T
  int horizon = 0;            ///< T: a peace that holds to T is final
};

/// \brief The exact outlook of one peace (peace_outlook).
struct PeaceOutlook {
  /// value[i][k] = party i's value at period t0 + k of a peace that has held until then,
  /// k = 0..T - t0; value[i][0] is the settlement's worth to i.
  std::vector<std::vector<double>> value;
  /// The first period at which a party renews the war at will, or -1 when none ever does
  /// (the peace is self-enforcing). At t0 the agreement is not self-enforcing at all.
  int first_renewal = -1;
  /// The parties that would renew the war at `first_renewal` (empty when it is -1).
  std::vector<std::size_t> renewers;
  double hazard = 0.0;  ///< h, copied from the terms
  int settlement_period = 0;
  int horizon = 0;

  /// True when nobody renews the war at will at any period: the agreement is self-enforcing.
  [[nodiscard]] bool self_enforcing() const { return first_renewal < 0; }
  /// P(the peace still holds k periods after the settlement), k >= 0: (1 - h)^k while no party
  /// has renewed the war at will (and 1 once the horizon has made the peace final); 0 from the
  /// first renewal on.
  [[nodiscard]] double holds_probability(int k) const;
  /// E[periods of peace], the settlement's own period included: sum_{k>=0} P(holds k), which
  /// is 1 / h without renewal or horizon, (1 - (1 - h)^K) / h when the peace can last at most K
  /// periods (to the first renewal or the horizon), counting the last as a period of peace
  /// only when the horizon, not a renewal, ends it.
  [[nodiscard]] double expected_periods() const;

  std::vector<double> keep_;  ///< peace_outlook_into's scratch (C_i(t) of one period)
};

/// \brief The peace of `terms`, by backward induction from the horizon (issue 14).
///
/// At the horizon the peace is final: V_i(T) = u_i. Before it, with the settlement's own
/// period at peace and the hazard acting between periods, the value of keeping the peace at t
/// is
///   C_i(t) = (1 - delta_i) u_i + delta_i [ (1 - h) V_i(t + 1) + h B_i(t + 1) ],
/// the flow of one period of peace, then the peace's value if it holds and the renewed war's if
/// it breaks (B = PeaceTerms::breakdown, or R when it is empty). A party j that may renew the war does so at t when R_j(t) > C_j(t) (Fearon 1995,
/// Powell 2006: the agreement is then not self-enforcing); the war is then renewed for all,
/// V_i(t) = R_i(t); otherwise V_i(t) = C_i(t). Ties keep the peace, up to rounding (DESIGN 1.9).
///
/// With a constant hazard and renewal value and no renewal at will, V_i(t) tends to
///   ((1 - delta_i) u_i + delta_i h R_i) / (1 - delta_i (1 - h))
/// as the horizon recedes, and equals u_i when h = 0: durability changes nothing then.
/// Throws std::invalid_argument when the sizes do not match or a value is out of range.
[[nodiscard]] PeaceOutlook peace_outlook(const PeaceTerms& terms);
/// The same into `out`, reusing its storage (the engine's per-settlement call).
void peace_outlook_into(const PeaceTerms& terms, PeaceOutlook& out);

/// \brief R_i(t, s) for every period and state: party i's value of a war renewed under
/// `balance` and fought to the end (DESIGN 1.10), on `chain` (renewed_battlefield with side A's
/// advantage shifted by balance.advantage_shift), its cost per period raised by
/// balance.cost_shift[i]. peace_terms, the solver's PeaceOffers and the engine's renewed wars
/// all value a renewed war through it.
[[nodiscard]] WarValueTable renewed_war_value(const Scenario& scenario, const BattlefieldChain& chain,
                                              const PostSettlementBalance& balance, std::size_t party);

/// \brief The terms of the peace that agreement `x`, struck at period `t0` with the front at
/// `front_state`, makes in `scenario`: u_i(x) and delta_i per party, h(x), and R_i(t) for every
/// party: the value of a war renewed at t, fought to the end from renewal_line(x) on
/// renewed_battlefield with side A's advantage shifted and each party's cost raised by x's
/// post-settlement balance (post_settlement.hpp). The veto belligerents may renew the war at
/// will unless the section's commitment is `binding`. Needs a battlefield. Without a durability section settlements are final: the hazard
/// is 0, nobody may renew, and the peace is worth u_i(x) throughout.
[[nodiscard]] PeaceTerms peace_terms(const Scenario& scenario, const Agreement& x, int t0, int front_state);

}  // namespace parley
