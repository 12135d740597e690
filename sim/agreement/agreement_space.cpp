#include "parley/agreement/agreement_space.hpp"
#include "parley/agreement/admissible_packages.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>

#include "linear_interpolation.hpp"

namespace parley {

namespace {

/// max and min of v_ik over the offers of issue k (the grid when `steps` is set).
std::pair<double, double> value_range(const Issue& issue, const IssueValuation& v) {
  double hi = -std::numeric_limits<double>::infinity();
  double lo = std::numeric_limits<double>::infinity();
  auto see = [&](double value) {
    hi = std::max(hi, value);
    lo = std::min(lo, value);
  };
  switch (issue.kind) {
    case IssueKind::ordinal:
      for (std::size_t l = 0; l < issue.levels.size(); ++l) see(v.value_of_amount(issue, static_cast<double>(l)));
      break;
    case IssueKind::continuous:
      if (issue.steps) {
        for (int s = 0; s <= *issue.steps; ++s)
          see(v.curve(s == *issue.steps ? issue.hi : issue.lo + (issue.hi - issue.lo) * s / *issue.steps));
      } else {
        // Piecewise linear: extremes at the ends or at breakpoints.
        see(v.curve(issue.lo));
        see(v.curve(issue.hi));
        for (const auto& [x, value] : v.curve.points())
          if (x > issue.lo && x < issue.hi) see(value);
      }
      break;
    case IssueKind::clauses:
      // v(S) runs from 0 (all the negative clauses, none of the positive) to 1 (the converse);
      // a party with no non-zero clause value is indifferent (0).
      see(v.clause_max - v.clause_min > 0.0 ? 1.0 : 0.0);
      see(0.0);
      break;
  }
  return {hi, lo};
}

/// The position of `party` among the epsilon set's dimensions (the veto parties).
std::size_t dimension_of(std::span<const std::size_t> veto, std::size_t party) {
  std::size_t own = veto.size();
  for (std::size_t d = 0; d < veto.size(); ++d)
    if (veto[d] == party) own = d;
  assert(own < veto.size());
  return own;
}

/// sum_{d != own} u_d, in dimension order.
double others_sum(std::span<const double> u, std::size_t own) {
  double others = 0.0;
  for (std::size_t d = 0; d < u.size(); ++d)
    if (d != own) others += u[d];
  return others;
}

/// The point of `set` that maximises the pair score(u) = (value, tie-break) lexicographically
/// among the points whose utilities u satisfy `feasible(u)`, values the same up to rounding
/// counting as tied (same_utility, DESIGN 1.9), the first such point on a full tie; one scan of
/// the set. The point's value is the first component of its score.
template <class Feasible, class Score>
std::optional<SpacePoint> best_epsilon_point(const EpsilonParetoSet& set, Feasible feasible, Score score) {
  std::optional<SpacePoint> best;
  double best_tie_break = 0.0;
  for (std::size_t p = 0; p < set.size(); ++p) {
    const auto u = set.utilities(p);
    if (!feasible(u)) continue;
    const auto [value, tie_break] = score(u);
    if (!best || worth_more(value, best->value) ||
        (same_utility(value, best->value) && worth_more(tie_break, best_tie_break))) {
      best = SpacePoint{p, 0.0, value};
      best_tie_break = tie_break;
    }
  }
  return best;
}

}  // namespace

AgreementSpace::AgreementSpace(const Scenario& scenario, const AgreementSpaceOptions& options)
    : scenario_(scenario), veto_(scenario.veto_parties()) {
  // The veto parties' red lines (issue 15) narrow whatever class the caller asked for: a package
  // that crosses one can never be signed.
  FrontierOptions frontier_options = options.frontier;
  const std::vector<IssueRestriction> red_lines = red_line_restriction(scenario_, veto_);
  frontier_options.restriction = intersect_restrictions(scenario_, options.frontier.restriction, red_lines);
  frontier_options.alternatives = constraint_classes(scenario_);
  const std::size_t n = scenario_.parties.size();
  max_utility_.assign(n, 0.0);
  min_utility_.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const Party& p = scenario_.parties[i];
    for (std::size_t k = 0; k < scenario_.issues.size(); ++k) {
      if (p.weights[k] == 0.0) continue;
      const auto [hi, lo] = value_range(scenario_.issues[k], p.values[k]);
      max_utility_[i] += p.weights[k] * hi;
      min_utility_[i] += p.weights[k] * lo;
    }
  }
  Agreement x;
  std::vector<double> row(n);
  if (veto_.size() == 2) {
    frontier_ = ParetoFrontier::build(scenario_, veto_[0], veto_[1], frontier_options);
    for (std::size_t v = 0; v < frontier_.size(); ++v) {
      frontier_.package_into(frontier_.vertex(v), x);
      utilities_into(x, row);
      vertex_utilities_.insert(vertex_utilities_.end(), row.begin(), row.end());
    }
    for (std::size_t e = 0; e + 1 < frontier_.size(); ++e) {
      const auto& edge = frontier_.edge(e);
      if (frontier_.edge_kind(e) == ParetoFrontier::EdgeKind::segment) {
        // Every party's utility of the edge's own package without the moving issue: the
        // moving issue is added back at query time, through each party's own value function.
        frontier_.packages().write(edge.row, edge.issue, edge.amount_left, x);
        utilities_into(x, row);
        const auto k = static_cast<std::size_t>(edge.issue);
        for (std::size_t i = 0; i < n; ++i)
          edge_rest_utilities_.push_back(row[i] - moving_term(i, k, edge.amount_left));
      } else {
        edge_rest_utilities_.insert(edge_rest_utilities_.end(), n, 0.0);
      }
    }
  } else {
    // The same class for three or more veto parties: the set covers the signable packages only.
    EpsilonSetOptions set_options = options.epsilon_set;
    set_options.restriction = frontier_options.restriction;
    set_options.alternatives = frontier_options.alternatives;
    epsilon_set_ = EpsilonParetoSet::build(scenario_, veto_, set_options);
    for (std::size_t p = 0; p < epsilon_set_.size(); ++p) {
      epsilon_set_.package_into(p, x);
      utilities_into(x, row);
      vertex_utilities_.insert(vertex_utilities_.end(), row.begin(), row.end());
    }
  }
}

double AgreementSpace::epsilon() const { return is_exact() ? frontier_.epsilon() : epsilon_set_.epsilon(); }

SpacePoint AgreementSpace::from_frontier(const ParetoFrontier::Point& p, double value) const noexcept {
  return {p.vertex, p.t, value};
}

std::optional<SpacePoint> AgreementSpace::best_for(std::size_t party, std::span<const double> floors) const noexcept {
  if (is_exact()) {
    if (party == veto_[0]) {
      const auto p = frontier_.max_a_given_b(floors[veto_[1]]);
      if (!p) return std::nullopt;
      return from_frontier(*p, p->u_a);
    }
    assert(party == veto_[1]);
    const auto p = frontier_.max_b_given_a(floors[veto_[0]]);
    if (!p) return std::nullopt;
    return from_frontier(*p, p->u_b);
  }
  // The largest u_own among the points meeting every other veto party's floor; ties go to
  // the point better for the others (the larger sum of their utilities).
  const std::size_t own = dimension_of(veto_, party);
  return best_epsilon_point(
      epsilon_set_,
      [&](std::span<const double> u) {
        for (std::size_t d = 0; d < u.size(); ++d)
          if (d != own && !worth_at_least(u[d], floors[veto_[d]])) return false;
        return true;
      },
      [&](std::span<const double> u) { return std::pair{u[own], others_sum(u, own)}; });
}

std::optional<SpacePoint> AgreementSpace::best_for_others(std::size_t party, double own_floor) const noexcept {
  if (is_exact()) {
    if (party == veto_[0]) {
      const auto p = frontier_.max_b_given_a(own_floor);
      if (!p) return std::nullopt;
      return from_frontier(*p, p->u_b);
    }
    assert(party == veto_[1]);
    const auto p = frontier_.max_a_given_b(own_floor);
    if (!p) return std::nullopt;
    return from_frontier(*p, p->u_a);
  }
  // The largest sum of the others' utilities among the points worth own_floor to `party`;
  // ties go to the point better for `party`.
  const std::size_t own = dimension_of(veto_, party);
  return best_epsilon_point(
      epsilon_set_, [&](std::span<const double> u) { return worth_at_least(u[own], own_floor); },
      [&](std::span<const double> u) { return std::pair{others_sum(u, own), u[own]}; });
}

double AgreementSpace::utility(const SpacePoint& point, std::size_t party) const noexcept {
  const std::size_t n = scenario_.parties.size();
  if (!is_exact()) return vertex_utilities_[point.index * n + party];
  // The two veto parties: the frontier's own coordinates, as the queries computed them.
  if (party == veto_[0] || party == veto_[1]) {
    const std::span<const double> u = party == veto_[0] ? frontier_.u_a() : frontier_.u_b();
    if (point.t == 0.0) return u[point.index];
    return lerp(u[point.index], u[point.index + 1], point.t);
  }
  if (point.t == 0.0) return vertex_utilities_[point.index * n + party];
  const auto& edge = frontier_.edge(point.index);
  const double amount = lerp(edge.amount_left, edge.amount_right, point.t);
  return edge_rest_utilities_[point.index * n + party] + moving_term(party, static_cast<std::size_t>(edge.issue), amount);
}

double AgreementSpace::moving_term(std::size_t party, std::size_t issue, double amount) const noexcept {
  const Party& p = scenario_.parties[party];
  if (p.weights[issue] == 0.0) return 0.0;
  return p.weights[issue] * p.values[issue].curve(amount);
}

Agreement AgreementSpace::package(const SpacePoint& point) const {
  Agreement out;
  package_into(point, out);
  return out;
}

void AgreementSpace::package_into(const SpacePoint& point, Agreement& out) const {
  if (is_exact())
    frontier_.package_into({point.index, point.t, 0.0, 0.0}, out);
  else
    epsilon_set_.package_into(point.index, out);
}

std::vector<double> AgreementSpace::utilities(const Agreement& x) const {
  std::vector<double> out(scenario_.parties.size());
  utilities_into(x, out);
  return out;
}

void AgreementSpace::utilities_into(const Agreement& x, std::span<double> out) const {
  for (std::size_t i = 0; i < scenario_.parties.size(); ++i) out[i] = scenario_.utility(i, x);
}

std::size_t AgreementSpace::point_count() const { return is_exact() ? frontier_.size() : epsilon_set_.size(); }

std::size_t AgreementSpace::edge_count() const { return is_exact() && frontier_.size() > 0 ? frontier_.size() - 1 : 0; }

}  // namespace parley
