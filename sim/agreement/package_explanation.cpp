#include "parley/agreement/package_explanation.hpp"

#include "parley/agreement/bargaining_solution.hpp"

namespace parley {

PackageExplanation explain_package(const AgreementSpace& space, const Agreement& package,
                                   std::span<const double> disagreement) {
  const Scenario& s = space.scenario();
  const std::size_t n = s.parties.size();
  PackageExplanation out;
  out.utilities = space.utilities(package);
  out.nash_product = nash_product(space, out.utilities, disagreement);
  Agreement flipped = package;
  std::vector<double> flipped_utilities(n);
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    IssueAssessment a;
    a.issue = k;
    a.amount = issue.kind == IssueKind::clauses ? 0.0 : package.amounts[k];
    for (std::size_t i = 0; i < n; ++i) {
      const Party& p = s.parties[i];
      const double v = p.weights[k] == 0.0 ? 0.0 : p.values[k].value(issue, k, package);
      a.value.push_back(v);
      a.contribution.push_back(p.weights[k] * v);
    }
    out.issues.push_back(std::move(a));
    if (issue.kind != IssueKind::clauses) continue;
    for (std::size_t c = 0; c < issue.clauses.size(); ++c) {
      ClauseAssessment ca;
      ca.issue = k;
      ca.clause = c;
      const std::size_t flag = issue.clause_offset + c;
      ca.included = package.clauses[flag] != 0;
      for (std::size_t i = 0; i < n; ++i) {
        // DESIGN 1.2: including clause c moves v_ik by a_ic / (max_ik - min_ik).
        const Party& p = s.parties[i];
        const IssueValuation& v = p.values[k];
        const double range = v.clause_max - v.clause_min;
        const double a_ic = c < v.clause_values.size() ? v.clause_values[c] : 0.0;
        ca.gain.push_back(p.weights[k] == 0.0 || range <= 0.0 ? 0.0 : p.weights[k] * a_ic / range);
      }
      flipped.clauses[flag] = ca.included ? 0 : 1;
      space.utilities_into(flipped, flipped_utilities);
      ca.nash_product_flipped = nash_product(space, flipped_utilities, disagreement);
      flipped.clauses[flag] = package.clauses[flag];
      out.clauses.push_back(std::move(ca));
    }
  }
  return out;
}

}  // namespace parley
