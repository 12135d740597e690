#include "parley/model/ideal_agreement.hpp"

#include <algorithm>

namespace parley {

namespace {

/// The best of the candidate amounts for one continuous or ordinal issue: the status quo if it
/// is as good as any (ties stay put), else the first candidate of highest value.
template <class Candidates>
double best_amount(const Issue& issue, const IssueValuation& v, const Candidates& candidates) {
  double best = issue.status_quo;
  double best_value = v.value_of_amount(issue, best);
  bool status_quo_candidate = false;
  for (double x : candidates) status_quo_candidate = status_quo_candidate || x == issue.status_quo;
  if (!status_quo_candidate) best_value = -1.0;  // the status quo may be off-grid: not offerable
  for (double x : candidates) {
    const double value = v.value_of_amount(issue, x);
    if (value > best_value) {
      best = x;
      best_value = value;
    }
  }
  return best;
}

std::vector<double> continuous_candidates(const Issue& issue, const IssueValuation& v) {
  std::vector<double> xs;
  if (issue.steps && *issue.steps > 0) {
    for (int j = 0; j <= *issue.steps; ++j)
      xs.push_back(j == *issue.steps ? issue.hi : issue.lo + (issue.hi - issue.lo) * j / *issue.steps);
    return xs;
  }
  xs.push_back(issue.lo);
  for (const auto& [x, value] : v.curve.points())
    if (x > issue.lo && x < issue.hi) xs.push_back(x);
  xs.push_back(issue.hi);
  // The status quo joins the candidates so that a flat maximum containing it keeps it.
  if (issue.status_quo > issue.lo && issue.status_quo < issue.hi) xs.push_back(issue.status_quo);
  std::sort(xs.begin(), xs.end());
  return xs;
}

}  // namespace

Agreement ideal_agreement(const Scenario& scenario, std::size_t party) {
  const Party& p = scenario.parties[party];
  Agreement x = scenario.status_quo();
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    if (p.weights[k] <= 0.0) continue;
    const Issue& issue = scenario.issues[k];
    const IssueValuation& v = p.values[k];
    switch (issue.kind) {
      case IssueKind::continuous:
        x.amounts[k] = best_amount(issue, v, continuous_candidates(issue, v));
        break;
      case IssueKind::ordinal: {
        std::vector<double> levels(issue.levels.size());
        for (std::size_t j = 0; j < levels.size(); ++j) levels[j] = static_cast<double>(j);
        x.amounts[k] = best_amount(issue, v, levels);
        break;
      }
      case IssueKind::clauses:
        for (std::size_t c = 0; c < issue.clauses.size(); ++c)
          x.clauses[issue.clause_offset + c] = v.clause_values[c] > 0.0 ? 1 : 0;
        break;
    }
  }
  return x;
}

}  // namespace parley
