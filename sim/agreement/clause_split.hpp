#pragma once
// How a clauses issue is searched, shared by the exact two-party frontier and the epsilon-Pareto
// set of three or more veto parties (internal: not installed).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "parley/model/issue.hpp"
#include "parley/model/valuation.hpp"

namespace parley {

/// The move of a party's utility when clause c of a clauses issue is included:
/// w a_c / (max - min), its weight times the clause's value over the issue's value range
/// (DESIGN 1.2, docs/design.md 1.2); 0 when the weight or the range is zero or the party
/// values fewer clauses.
inline double clause_gain(double weight, const IssueValuation& v, std::size_t c) {
  const double range = v.clause_max - v.clause_min;
  if (weight == 0.0 || range <= 0.0 || c >= v.clause_values.size()) return 0.0;
  return weight * v.clause_values[c] / range;
}

/// The clauses of an issue sorted for a subset search over the parties of a space.
struct ClauseSplit {
  /// Each clause's flag in every searched subset: 1 for a clause good for every party (no
  /// gain negative, one positive), 0 for one bad for every party, the status quo's flag for one
  /// no party cares about; mixed clauses start at 0.
  std::vector<std::uint8_t> base;
  /// The clauses some party gains from and another loses by: only these are searched.
  std::vector<std::size_t> mixed;
};

/// Sorts the clauses of `issue` by `gain(d, c)`, the move of party d's utility (d < parties)
/// when clause c is included. No efficient package leaves out a clause good for all or
/// includes one bad for all, so only the mixed clauses need both values.
template <class Gain>
ClauseSplit split_clauses(const Issue& issue, std::size_t parties, Gain gain) {
  const std::size_t n = issue.clauses.size();
  ClauseSplit split{std::vector<std::uint8_t>(n, 0), {}};
  for (std::size_t c = 0; c < n; ++c) {
    bool pos = false, neg = false;
    for (std::size_t d = 0; d < parties; ++d) {
      const double g = gain(d, c);
      pos = pos || g > 0.0;
      neg = neg || g < 0.0;
    }
    if (pos && neg)
      split.mixed.push_back(c);
    else if (pos)
      split.base[c] = 1;
    else if (!neg)
      split.base[c] = c < issue.status_quo_clauses.size() ? issue.status_quo_clauses[c] : 0;
  }
  return split;
}

}  // namespace parley
