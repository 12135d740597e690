#include "parley/agreement/red_line_restriction.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace parley {
namespace {

/// `into` narrowed by `r` on one issue.
void narrow(const Issue& issue, IssueRestriction& into, const IssueRestriction& r) {
  into.none = into.none || r.none;
  if (!r.levels.empty()) {
    if (into.levels.empty()) into.levels.assign(issue.levels.size(), 1);
    for (std::size_t l = 0; l < into.levels.size(); ++l) into.levels[l] = into.levels[l] && r.levels[l];
  }
  if (r.lo) into.lo = into.lo ? std::max(*into.lo, *r.lo) : *r.lo;
  if (r.hi) into.hi = into.hi ? std::min(*into.hi, *r.hi) : *r.hi;
  if (!r.clauses.empty()) {
    if (into.clauses.empty()) into.clauses.assign(issue.clauses.size(), -1);
    for (std::size_t c = 0; c < into.clauses.size(); ++c) {
      if (r.clauses[c] < 0) continue;
      if (into.clauses[c] >= 0 && into.clauses[c] != r.clauses[c]) into.none = true;  // in and out
      into.clauses[c] = r.clauses[c];
    }
  }
}

/// One red line as a restriction of its issue.
IssueRestriction line_restriction(const Issue& issue, const RedLine& line) {
  IssueRestriction r;
  if (!line.levels.empty()) {
    r.levels.assign(issue.levels.size(), 1);
    for (const std::size_t l : line.levels) r.levels[l] = 0;
  }
  if (!line.never.empty() || !line.always.empty()) {
    r.clauses.assign(issue.clauses.size(), -1);
    for (const std::size_t c : line.never) r.clauses[c] = 0;
    for (const std::size_t c : line.always) {
      if (r.clauses[c] == 0) r.none = true;  // one line that both forbids and requires a clause
      r.clauses[c] = 1;
    }
  }
  r.lo = line.at_least;
  r.hi = line.at_most;
  return r;
}

}  // namespace

std::vector<IssueRestriction> red_line_restriction(const Scenario& scenario, std::span<const std::size_t> parties) {
  std::vector<IssueRestriction> out;
  for (const std::size_t i : parties) {
    const Party& party = scenario.parties[i];
    for (const RedLine& line : party.red_lines) {
      if (line.issue >= scenario.issues.size() || !fits_issue(line, scenario.issues[line.issue]))
        throw std::invalid_argument("red line of party '" + party.id + "' does not fit issue " +
                                    (line.issue < scenario.issues.size() ? "'" + scenario.issues[line.issue].id + "'"
                                                                         : std::to_string(line.issue)));
      if (out.empty()) out.assign(scenario.issues.size(), IssueRestriction{});
      narrow(scenario.issues[line.issue], out[line.issue], line_restriction(scenario.issues[line.issue], line));
    }
  }
  return out;
}

std::vector<IssueRestriction> intersect_restrictions(const Scenario& scenario, const std::vector<IssueRestriction>& a,
                                                     const std::vector<IssueRestriction>& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  std::vector<IssueRestriction> out = a;
  for (std::size_t k = 0; k < out.size() && k < b.size(); ++k) narrow(scenario.issues[k], out[k], b[k]);
  return out;
}

}  // namespace parley
