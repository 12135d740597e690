#include "parley/agreement/restricted_issue.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace parley {

double neutral_code(const Issue& issue) {
  if (issue.kind != IssueKind::continuous || !issue.steps) return issue.status_quo;
  const double step = (issue.hi - issue.lo) / *issue.steps;
  const double k = std::round((issue.status_quo - issue.lo) / step);
  return issue.lo + std::clamp(k, 0.0, static_cast<double>(*issue.steps)) * step;
}

double frontier_grid_point(const Issue& issue, int j) {
  return j == *issue.steps ? issue.hi : issue.lo + (issue.hi - issue.lo) * j / *issue.steps;
}

std::pair<double, double> restricted_interval(const Issue& issue, const IssueRestriction* r) {
  double lo = issue.lo, hi = issue.hi;
  if (r != nullptr && r->lo) lo = std::max(lo, *r->lo);
  if (r != nullptr && r->hi) hi = std::min(hi, *r->hi);
  return {lo, hi};
}

std::pair<int, int> restricted_grid_span(const Issue& issue, const IssueRestriction* r) {
  const int steps = *issue.steps;
  const auto [lo, hi] = restricted_interval(issue, r);
  const double slack = 1e-9 * (issue.hi - issue.lo) / steps;
  int first = steps + 1, last = -1;
  for (int j = 0; j <= steps; ++j) {
    const double z = frontier_grid_point(issue, j);
    if (z >= lo - slack && z <= hi + slack) {
      first = std::min(first, j);
      last = j;
    }
  }
  return {first, last};
}

bool restriction_empties(const Issue& issue, const IssueRestriction* r) {
  if (r == nullptr) return false;
  if (r->none) return true;
  switch (issue.kind) {
    case IssueKind::ordinal:
      return !r->levels.empty() &&
             std::all_of(r->levels.begin(), r->levels.end(), [](std::uint8_t f) { return f == 0; });
    case IssueKind::continuous: {
      if (issue.steps) {
        const auto [first, last] = restricted_grid_span(issue, r);
        return first > last;
      }
      const auto [lo, hi] = restricted_interval(issue, r);
      return lo > hi;
    }
    case IssueKind::clauses:
      return false;  // forcing clauses in or out always leaves one subset
  }
  return false;
}

double restricted_neutral_code(const Issue& issue, const IssueRestriction* r) {
  if (r == nullptr) return neutral_code(issue);
  if (issue.kind == IssueKind::ordinal) {
    if (r->levels.empty()) return neutral_code(issue);
    // The nearest allowed level; scanning upwards with a strict < keeps the lower on a tie.
    double best = 0.0, best_distance = -1.0;
    for (std::size_t l = 0; l < r->levels.size(); ++l) {
      if (r->levels[l] == 0) continue;
      const double distance = std::abs(static_cast<double>(l) - issue.status_quo);
      if (best_distance < 0.0 || distance < best_distance) {
        best = static_cast<double>(l);
        best_distance = distance;
      }
    }
    return best;
  }
  if (issue.kind != IssueKind::continuous || (!r->lo && !r->hi)) return neutral_code(issue);
  const auto [lo, hi] = restricted_interval(issue, r);
  const double clamped = std::clamp(issue.status_quo, lo, hi);
  if (!issue.steps) return clamped;
  // The grid is monotone in j, so the grid point nearest the clamped status quo among those
  // inside is the nearest overall clamped to the inside's index range.
  const auto [first, last] = restricted_grid_span(issue, r);
  const double step = (issue.hi - issue.lo) / *issue.steps;
  const double j = std::round((clamped - issue.lo) / step);
  return frontier_grid_point(issue,
                             static_cast<int>(std::clamp(j, static_cast<double>(first), static_cast<double>(last))));
}


void check_restriction_fits(const Scenario& scenario, const std::vector<IssueRestriction>& restriction) {
  if (restriction.empty()) return;
  if (restriction.size() != scenario.issues.size())
    throw std::invalid_argument("restriction of a class of agreements: " + std::to_string(restriction.size()) +
                                " entries for a scenario of " + std::to_string(scenario.issues.size()) +
                                " issues (0 or one per issue)");
  for (std::size_t k = 0; k < restriction.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const IssueRestriction& r = restriction[k];
    const auto fail = [&](const std::string& why) {
      throw std::invalid_argument("restriction of issue '" + issue.id + "': " + why);
    };
    const std::string kind = to_string(issue.kind);
    if (!r.levels.empty()) {
      if (issue.kind != IssueKind::ordinal) fail("levels restricted on a " + kind + " issue");
      if (r.levels.size() != issue.levels.size())
        fail(std::to_string(r.levels.size()) + " level flags for " + std::to_string(issue.levels.size()) + " levels");
    }
    if (r.lo || r.hi) {
      if (issue.kind != IssueKind::continuous) fail("bounds lo/hi on a " + kind + " issue");
      if ((r.lo && std::isnan(*r.lo)) || (r.hi && std::isnan(*r.hi))) fail("a bound is NaN");
    }
    if (!r.clauses.empty()) {
      if (issue.kind != IssueKind::clauses) fail("clauses forced on a " + kind + " issue");
      if (r.clauses.size() != issue.clauses.size())
        fail(std::to_string(r.clauses.size()) + " clause states for " + std::to_string(issue.clauses.size()) +
             " clauses");
      for (const std::int8_t state : r.clauses)
        if (state < -1 || state > 1) fail("a clause state is " + std::to_string(state) + " (-1 free, 0 out, 1 in)");
    }
  }
}

}  // namespace parley
