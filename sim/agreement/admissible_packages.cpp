#include "parley/agreement/admissible_packages.hpp"

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

std::vector<std::vector<IssueRestriction>> constraint_classes(const Scenario& scenario) {
  const auto& constraints = scenario.constraints;
  std::vector<std::vector<IssueRestriction>> out;
  if (constraints.empty()) return out;
  if (constraints.size() > max_term_constraints)
    throw std::invalid_argument("constraints between terms: at most " + std::to_string(max_term_constraints) +
                                " (each doubles the classes of agreements to build), got " +
                                std::to_string(constraints.size()));
  const std::size_t n = scenario.issues.size();
  // The restriction "term t holds" (want) or "does not" (!want) on its issue.
  const auto side = [&](const PackageTerm& t, bool want) {
    const Issue& issue = scenario.issues[t.issue];
    IssueRestriction r;
    if (issue.kind == IssueKind::clauses) {
      r.clauses.assign(issue.clauses.size(), -1);
      r.clauses[t.option] = want ? 1 : 0;
    } else {
      r.levels.assign(issue.levels.size(), want ? 0 : 1);
      r.levels[t.option] = want ? 1 : 0;
    }
    return r;
  };
  const std::size_t k = constraints.size();
  for (std::size_t choice = 0; choice < (std::size_t{1} << k); ++choice) {
    std::vector<IssueRestriction> cls(n);
    for (std::size_t c = 0; c < k; ++c) {
      const TermConstraint& tc = constraints[c];
      // Bit c clear: the first side of the disjunction ("not A"); set: the second ("not B", or
      // "B" for requires).
      const bool second = (choice >> c & 1U) != 0;
      const PackageTerm& t = second ? tc.second : tc.first;
      const bool want = second && tc.kind == TermConstraint::Kind::implies;
      narrow(scenario.issues[t.issue], cls[t.issue], side(t, want));
    }
    const bool empty = std::any_of(cls.begin(), cls.end(), [&](const IssueRestriction& r) {
      return r.none || (!r.levels.empty() && std::none_of(r.levels.begin(), r.levels.end(), [](std::uint8_t f) { return f != 0; }));
    });
    if (empty) continue;
    const auto same = [&](const std::vector<IssueRestriction>& other) {
      for (std::size_t i = 0; i < n; ++i)
        if (other[i].levels != cls[i].levels || other[i].clauses != cls[i].clauses) return false;
      return true;
    };
    if (std::none_of(out.begin(), out.end(), same)) out.push_back(std::move(cls));
  }
  if (out.empty()) {
    // Every class is empty: one empty class says so (no alternatives would mean no constraint).
    out.emplace_back(n);
    out.front().front().none = true;
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
