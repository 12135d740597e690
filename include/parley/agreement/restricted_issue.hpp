#pragma once
/// \file restricted_issue.hpp
/// What an IssueRestriction leaves of one issue (issue 15). The two-party frontier, the
/// epsilon-Pareto set and the integer programs of the proposer's problem all build a class of
/// agreements issue by issue from these options, so that they agree on which amounts, levels
/// and grid points a class allows.

#include <utility>
#include <vector>

#include "parley/agreement/pareto_frontier.hpp"
#include "parley/model/scenario.hpp"

namespace parley {

/// The code of an issue nobody building the set cares about: its status quo (snapped to the
/// grid when offers are restricted to one), so that the package leaves it alone.
[[nodiscard]] double neutral_code(const Issue& issue);

/// Grid point j of a continuous issue with `steps`, computed as every stage computes it (hi
/// itself at j == steps), so that a package's amount is exactly a grid point.
[[nodiscard]] double frontier_grid_point(const Issue& issue, int j);

/// [lo_k, hi_k]: the continuous issue's range cut to the restriction's bounds (lo_k > hi_k
/// when they leave nothing). `r` may be null: the whole range.
[[nodiscard]] std::pair<double, double> restricted_interval(const Issue& issue, const IssueRestriction* r);

/// The first and last indices of the grid points in [lo_k, hi_k] (first > last when none). A
/// point within 1e-9 of a step of a bound is in: a bound meant as a grid point but computed
/// another way (lo + j step) must not lose that point to the last bit.
[[nodiscard]] std::pair<int, int> restricted_grid_span(const Issue& issue, const IssueRestriction* r);

/// Whether a restriction leaves the issue no option at all (the class is then empty).
[[nodiscard]] bool restriction_empties(const Issue& issue, const IssueRestriction* r);

/// The code of an issue nobody building the set cares about inside a class: the status quo if
/// allowed, else the allowed option nearest it (the class must not be empty for the issue).
[[nodiscard]] double restricted_neutral_code(const Issue& issue, const IssueRestriction* r);

/// Throws std::invalid_argument, naming the issue, for a restriction that does not fit the
/// scenario's issues (FrontierOptions::restriction, EpsilonSetOptions::restriction): neither
/// empty nor one entry per issue, a field of another kind's issue, a size that does not match
/// the issue's levels or clauses, a NaN bound, a clause state other than -1, 0 or 1.
void check_restriction_fits(const Scenario& scenario, const std::vector<IssueRestriction>& restriction);

}  // namespace parley
