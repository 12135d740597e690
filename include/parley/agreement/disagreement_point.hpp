#pragma once
/// \file disagreement_point.hpp
/// The usual disagreement points d (one utility per party) for the bargaining solutions.
///
/// DESIGN 1.8 takes d = the parties' reservation values at the start. Without a battlefield
/// that is Party::reservation; with one, it is each side's value of fighting on, which the
/// battlefield analytics compute (war values); frozen_front_point gives the undiscounted,
/// costless benchmark "the front freezes where it is now".

#include <cstddef>
#include <vector>

#include "parley/model/scenario.hpp"

namespace parley {

/// d_i = Party::reservation for every party (disagreement in a plain negotiation).
[[nodiscard]] std::vector<double> reservation_point(const Scenario& scenario);

/// d_i = u_i(frozen(state)) for every party: what each party gets if the front freezes at
/// `state` (issues linked to the front at lo + (hi - lo) state / N, others at status quo).
[[nodiscard]] std::vector<double> frozen_front_point(const Scenario& scenario, int state);

}  // namespace parley
