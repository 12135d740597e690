#pragma once
/// \file admissible_packages.hpp
/// The packages that can be signed (issue 15), as the classes of agreements the agreement space
/// ranges over: a package that crosses a veto party's red line (model/red_line.hpp) or breaks a
/// constraint between terms (model/term_constraint.hpp) can never be signed, so the frontier,
/// the bargaining range, the solutions, the solver's offers and every strategy's trade-off
/// offers are taken over the others. A red line is a condition on one issue, so their
/// conjunction is one per-issue restriction (IssueRestriction); a constraint couples two
/// issues, so the packages that keep the constraints are a union of such classes.

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

/// \brief The packages that keep every constraint of the scenario, as a union of classes (each
/// one IssueRestriction per issue; FrontierOptions::alternatives).
///
/// Constraint c is "not A or not B" (excludes) or "not A or B" (requires), where A and B are
/// each a condition on one issue, so the packages that keep all k constraints are the union,
/// over the 2^k choices of one side of each, of the classes where every chosen side holds;
/// classes left with no option on some issue are dropped, and so are repeated ones (when every
/// class is empty, one empty class is left: nothing can be signed). Empty when the scenario has
/// no constraint.
/// \throws std::invalid_argument with more than max_term_constraints constraints.
[[nodiscard]] std::vector<std::vector<IssueRestriction>> constraint_classes(const Scenario& scenario);

/// The most constraints a scenario may have: 2^8 = 256 classes, each a frontier to build.
inline constexpr std::size_t max_term_constraints = 8;

/// \brief The intersection of two per-issue restrictions (either may be empty: everything), as
/// red_line_restriction intersects lines: allowed levels and intervals intersected, forced
/// clauses combined (`none` where they contradict).
[[nodiscard]] std::vector<IssueRestriction> intersect_restrictions(const Scenario& scenario,
                                                                   const std::vector<IssueRestriction>& a,
                                                                   const std::vector<IssueRestriction>& b);

}  // namespace parley
