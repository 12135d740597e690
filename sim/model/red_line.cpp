#include "parley/model/red_line.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

bool RedLine::crossed_by(const Agreement& x, const Issue& on) const {
  if (!levels.empty()) {
    const auto level = static_cast<std::size_t>(x.level(issue));
    if (std::find(levels.begin(), levels.end(), level) != levels.end()) return true;
  }
  for (const std::size_t c : never)
    if (x.clauses[on.clause_offset + c] != 0) return true;
  for (const std::size_t c : always)
    if (x.clauses[on.clause_offset + c] == 0) return true;
  if (at_most && x.amounts[issue] > *at_most) return true;
  if (at_least && x.amounts[issue] < *at_least) return true;
  return false;
}

bool fits_issue(const RedLine& line, const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::ordinal:
      return line.never.empty() && line.always.empty() && !line.at_most && !line.at_least &&
             std::all_of(line.levels.begin(), line.levels.end(),
                         [&](std::size_t l) { return l < issue.levels.size(); });
    case IssueKind::clauses:
      return line.levels.empty() && !line.at_most && !line.at_least &&
             std::all_of(line.never.begin(), line.never.end(), [&](std::size_t c) { return c < issue.clauses.size(); }) &&
             std::all_of(line.always.begin(), line.always.end(), [&](std::size_t c) { return c < issue.clauses.size(); });
    case IssueKind::continuous:
      return line.levels.empty() && line.never.empty() && line.always.empty() &&
             !(line.at_most && std::isnan(*line.at_most)) && !(line.at_least && std::isnan(*line.at_least)) &&
             !(line.at_most && line.at_least && *line.at_least > *line.at_most);
  }
  return false;
}

}  // namespace parley
