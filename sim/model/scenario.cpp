#include "parley/model/scenario.hpp"

namespace parley {

void Scenario::finalize() {
  std::size_t offset = 0;
  for (auto& issue : issues) {
    issue.clause_offset = offset;
    if (issue.kind == IssueKind::clauses) offset += issue.clauses.size();
  }
  for (auto& party : parties) {
    for (auto& v : party.values) {
      v.clause_min = 0.0;
      v.clause_max = 0.0;
      for (double a : v.clause_values) (a < 0 ? v.clause_min : v.clause_max) += a;
    }
  }
}

std::vector<std::size_t> Scenario::red_lines_crossed(std::size_t party, const Agreement& x) const {
  std::vector<std::size_t> crossed;
  const auto& lines = parties[party].red_lines;
  for (std::size_t r = 0; r < lines.size(); ++r)
    if (lines[r].crossed_by(x, issues[lines[r].issue])) crossed.push_back(r);
  return crossed;
}

bool Scenario::crosses_red_line(std::size_t party, const Agreement& x) const {
  for (const RedLine& line : parties[party].red_lines)
    if (line.crossed_by(x, issues[line.issue])) return true;
  return false;
}

bool Scenario::crosses_veto_red_line(const Agreement& x) const {
  for (std::size_t i = 0; i < parties.size(); ++i)
    if (parties[i].veto && crosses_red_line(i, x)) return true;
  return false;
}

std::vector<std::size_t> Scenario::constraints_broken(const Agreement& x) const {
  std::vector<std::size_t> broken;
  for (std::size_t c = 0; c < constraints.size(); ++c)
    if (!constraints[c].kept_by(x, issues)) broken.push_back(c);
  return broken;
}

bool Scenario::keeps_constraints(const Agreement& x) const {
  for (const TermConstraint& c : constraints)
    if (!c.kept_by(x, issues)) return false;
  return true;
}

bool Scenario::admissible(const Agreement& x) const { return keeps_constraints(x) && !crosses_veto_red_line(x); }

double Scenario::utility(std::size_t party, const Agreement& x) const {
  const Party& p = parties[party];
  double u = 0.0;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    if (p.weights[k] == 0.0) continue;
    u += p.weights[k] * p.values[k].value(issues[k], k, x);
  }
  return u;
}

std::size_t Scenario::clause_count() const {
  std::size_t n = 0;
  for (const auto& issue : issues)
    if (issue.kind == IssueKind::clauses) n += issue.clauses.size();
  return n;
}

Agreement Scenario::status_quo() const {
  Agreement x;
  x.amounts.resize(issues.size(), 0.0);
  x.clauses.assign(clause_count(), 0);
  for (std::size_t k = 0; k < issues.size(); ++k) {
    const Issue& issue = issues[k];
    if (issue.kind == IssueKind::clauses) {
      for (std::size_t c = 0; c < issue.clauses.size() && c < issue.status_quo_clauses.size(); ++c)
        x.clauses[issue.clause_offset + c] = issue.status_quo_clauses[c];
    } else {
      x.amounts[k] = issue.status_quo;
    }
  }
  return x;
}

Agreement Scenario::frozen(int state) const {
  Agreement x = status_quo();
  if (!battlefield) return x;
  const double share = static_cast<double>(state) / static_cast<double>(battlefield->states);
  for (std::size_t k = 0; k < issues.size(); ++k)
    if (issues[k].linked_to_front) x.amounts[k] = issues[k].lo + (issues[k].hi - issues[k].lo) * share;
  return x;
}

std::vector<std::size_t> Scenario::veto_parties() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < parties.size(); ++i)
    if (parties[i].veto) out.push_back(i);
  return out;
}

int Scenario::party_index(std::string_view pid) const {
  for (std::size_t i = 0; i < parties.size(); ++i)
    if (parties[i].id == pid) return static_cast<int>(i);
  return -1;
}

int Scenario::issue_index(std::string_view iid) const {
  for (std::size_t k = 0; k < issues.size(); ++k)
    if (issues[k].id == iid) return static_cast<int>(k);
  return -1;
}

int Scenario::side_a() const { return battlefield ? party_index(battlefield->side_a) : -1; }
int Scenario::side_b() const { return battlefield ? party_index(battlefield->side_b) : -1; }

}  // namespace parley
