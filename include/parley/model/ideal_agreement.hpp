#pragma once
/// \file ideal_agreement.hpp
/// The package one party likes best (its ideal point, the m_i of DESIGN 1.6).

#include <cstddef>

#include "parley/model/agreement.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The agreement that maximises party i's utility u_i(x) = sum_k w_ik v_ik(x_k).
///
/// Utility is additive over issues (DESIGN 1.2), so the maximum is taken issue by issue:
/// - continuous: the argmax of the piecewise-linear v_ik, which a piecewise-linear function
///   attains at a breakpoint (or at lo, hi); with `steps`, the best point of the offer grid
///   lo + j (hi - lo) / steps, since only those may be offered;
/// - ordinal: the level of highest value;
/// - clauses: exactly the clauses of positive value a_ic > 0 (adding one raises
///   sum_{c in S} a_ic, so v_ik is maximal at that set);
/// - an issue of zero weight stays at its status quo: the party asks for no change it does not value.
/// Ties keep the status quo when it is among the best values, and otherwise take the lowest
/// value (the first level, the smallest number), so the result is deterministic.
/// u_i(ideal_agreement(s, i)) = sum_k w_ik max v_ik, the party's best attainable utility.
[[nodiscard]] Agreement ideal_agreement(const Scenario& scenario, std::size_t party);

}  // namespace parley
