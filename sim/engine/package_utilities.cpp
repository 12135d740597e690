#include "parley/engine/package_utilities.hpp"

namespace parley {

PackageUtilities::PackageUtilities(const Scenario& scenario)
    : scenario_(&scenario), parties_(scenario.parties.size()), clause_count_(scenario.clause_count()) {
  constant_.assign(parties_, 0.0);
  clause_coefficients_.assign(scenario.clause_count() * parties_, 0.0);
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    switch (issue.kind) {
      case IssueKind::continuous:
        terms_.push_back({k, true, 0});
        break;
      case IssueKind::ordinal: {
        terms_.push_back({k, false, levels_.size()});
        for (std::size_t l = 0; l < issue.levels.size(); ++l)
          for (std::size_t i = 0; i < parties_; ++i) {
            const Party& p = scenario.parties[i];
            levels_.push_back(p.weights[k] == 0.0 ? 0.0 : p.weights[k] * p.values[k].level_values[l]);
          }
        break;
      }
      case IssueKind::clauses:
        for (std::size_t i = 0; i < parties_; ++i) {
          const Party& p = scenario.parties[i];
          const IssueValuation& v = p.values[k];
          const double range = v.clause_max - v.clause_min;
          if (p.weights[k] == 0.0 || !(range > 0.0)) continue;  // indifferent: v = 0
          constant_[i] -= p.weights[k] * v.clause_min / range;
          for (std::size_t c = 0; c < issue.clauses.size() && c < v.clause_values.size(); ++c)
            clause_coefficients_[i * clause_count_ + issue.clause_offset + c] = p.weights[k] * v.clause_values[c] / range;
        }
        break;
    }
  }
}

void PackageUtilities::evaluate(const Agreement& x, std::span<double> out) const {
  for (std::size_t i = 0; i < parties_; ++i) out[i] = constant_[i];
  for (const Term& term : terms_) {
    if (term.continuous) {
      const double amount = x.amounts[term.issue];
      for (std::size_t i = 0; i < parties_; ++i) {
        const Party& p = scenario_->parties[i];
        if (p.weights[term.issue] != 0.0) out[i] += p.weights[term.issue] * p.values[term.issue].curve(amount);
      }
    } else {
      const double* row = levels_.data() + term.offset + static_cast<std::size_t>(x.level(term.issue)) * parties_;
      for (std::size_t i = 0; i < parties_; ++i) out[i] += row[i];
    }
  }
  // Party by party, a dot product of the flags with the coefficients, in four running sums
  // so that the additions do not wait on one another.
  const std::uint8_t* flags = x.clauses.data();
  for (std::size_t i = 0; i < parties_; ++i) {
    const double* row = clause_coefficients_.data() + i * clause_count_;
    double sum[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t c = 0;
    for (; c + 4 <= clause_count_; c += 4)
      for (std::size_t lane = 0; lane < 4; ++lane) sum[lane] += static_cast<double>(flags[c + lane]) * row[c + lane];
    for (; c < clause_count_; ++c) sum[0] += static_cast<double>(flags[c]) * row[c];
    out[i] += (sum[0] + sum[1]) + (sum[2] + sum[3]);
  }
}

}  // namespace parley
