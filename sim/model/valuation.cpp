#include "parley/model/valuation.hpp"

namespace parley {

double IssueValuation::value_of_amount(const Issue& issue, double amount) const {
  if (issue.kind == IssueKind::continuous) return curve(amount);
  return level_values[static_cast<std::size_t>(amount)];
}

double IssueValuation::value_of_clauses(const std::uint8_t* flags) const {
  // DESIGN 1.2: v(S) = (sum_{c in S} a_c - min) / (max - min).
  const double range = clause_max - clause_min;
  if (range <= 0.0) return 0.0;
  double sum = 0.0;
  for (std::size_t c = 0; c < clause_values.size(); ++c)
    if (flags[c]) sum += clause_values[c];
  return (sum - clause_min) / range;
}

double IssueValuation::value(const Issue& issue, std::size_t k, const Agreement& x) const {
  if (issue.kind == IssueKind::clauses) return value_of_clauses(x.clauses.data() + issue.clause_offset);
  return value_of_amount(issue, x.amounts[k]);
}

}  // namespace parley
