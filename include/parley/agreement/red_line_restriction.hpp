#pragma once
/// \file red_line_restriction.hpp
/// The veto parties' red lines (model/red_line.hpp, issue 15) as the class of agreements the
/// agreement space ranges over: a package that crosses a veto party's red line can never be
/// signed, so the frontier, the bargaining range, the solutions, the solver's offers and every
/// strategy's trade-off offers are taken over the packages that cross none. A red line is a
/// condition on one issue, so their conjunction is a per-issue restriction (IssueRestriction).

#include <span>
#include <vector>

#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// \brief The class of packages that cross no red line of `parties`, one IssueRestriction per
/// issue; empty (no restriction) when none of them has a red line.
///
/// Per issue: an ordinal issue allows the levels no line forbids; a clauses issue forces in the
/// clauses some line requires and out those some line forbids (`none` when one clause is both);
/// a continuous issue keeps [max at_least, min at_most]. A class with no option on some issue
/// is empty (ParetoFrontier builds no point).
/// \throws std::invalid_argument, naming the party and the issue, for a red line that does not
/// fit its issue (fits_issue).
[[nodiscard]] std::vector<IssueRestriction> red_line_restriction(const Scenario& scenario,
                                                                 std::span<const std::size_t> parties);

/// \brief The intersection of two per-issue restrictions (either may be empty: everything), as
/// red_line_restriction intersects lines: allowed levels and intervals intersected, forced
/// clauses combined (`none` where they contradict).
[[nodiscard]] std::vector<IssueRestriction> intersect_restrictions(const Scenario& scenario,
                                                                   const std::vector<IssueRestriction>& a,
                                                                   const std::vector<IssueRestriction>& b);

}  // namespace parley
