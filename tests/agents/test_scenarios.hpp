#pragma once
// Scenarios built in code for the agents and engine tests: a two-sided war over a territory
// linked to the front, a plain split-the-pie negotiation, and random small scenarios of every
// kind of issue, party and belief.

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "../support/scenario_builder.hpp"
#include "parley/model/scenario.hpp"

namespace parley::testing {

struct Side {
  double cost = 0.0;
  double discount = 1.0;
  BeliefSpec belief{};
  StrategySpec strategy{};
};

// A belligerent named after its id, with one issue valued through `curve`.
inline ScenarioBuilder& add_side(ScenarioBuilder& builder, const char* id, const Side& side, PiecewiseLinear curve) {
  return builder.belligerent(id)
      .named(id)
      .cost(side.cost)
      .discount(side.discount)
      .belief(side.belief)
      .strategy(side.strategy)
      .weights({1.0})
      .curve(0, std::move(curve));
}

// War over a territory: x = side A's share in [0, 1] (on a grid of `steps` if > 0), linked to
// the front; A values it increasing, B decreasing; A's collapse gives B everything, B's
// collapse gives A everything. Alternating offers every period, A first.
inline Scenario war_scenario(const BattlefieldParams& battlefield, int horizon, const Side& a, const Side& b,
                             int steps = 0) {
  ScenarioBuilder s("war");
  s.title("war").horizon(horizon);
  s.continuous("territory").named("territory").linked_to_front();
  if (steps > 0) s.steps(steps);
  s.status_quo(static_cast<double>(battlefield.start) / battlefield.states);
  add_side(s, "a", a, PiecewiseLinear::increasing(0.0, 1.0));
  add_side(s, "b", b, PiecewiseLinear::decreasing(0.0, 1.0));
  return s.battlefield(battlefield).sides("a", "b").collapse_amounts({0.0}, {1.0}).alternating({0, 1}).every(1).build();
}

// Split a pie of 1 with no battlefield: x = A's share; reservation values ra, rb.
// Alternating offers every period, A first. The builder, for a test that adds to it.
inline ScenarioBuilder pie_builder(int horizon, const Side& a, const Side& b, double ra = 0.0, double rb = 0.0) {
  ScenarioBuilder s("pie");
  s.title("pie").horizon(horizon).continuous("pie").named("pie");
  add_side(s, "a", a, PiecewiseLinear::increasing(0.0, 1.0)).reservation(ra);
  add_side(s, "b", b, PiecewiseLinear::decreasing(0.0, 1.0)).reservation(rb);
  s.alternating({0, 1}).every(1);
  return s;
}

// The pie of pie_builder, built.
inline Scenario pie_scenario(int horizon, const Side& a, const Side& b, double ra = 0.0, double rb = 0.0) {
  return pie_builder(horizon, a, b, ra, rb).build();
}

// Every belligerent strategy of DESIGN 1.6 with parameters, and the mediator ones.
inline std::vector<StrategySpec> belligerent_strategies() {
  return {strategy("prolonged"), strategy("quick"), strategy("linear"), strategy("hardline"),
          strategy("contingent"), strategy("contingent", {{"beta", 1.0}}), strategy("stall"),
          strategy("tit_for_tat"), strategy("tit_for_tat", {{"reciprocity", 0.5}})};
}

// A random small scenario: 1-3 issues of random kinds, 2-3 veto belligerents with random
// strategies, costs, discounts and beliefs, sometimes a mediator with a plan, a battlefield
// about half the time, and a random protocol. The builder calls follow the draws in the
// order the field-by-field version made them, so each seed gives the scenario it gave before.
inline Scenario random_scenario(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  const auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

  ScenarioBuilder s("random" + std::to_string(seed));
  s.title("random" + std::to_string(seed));
  const int horizon = integer(1, 12);
  s.horizon(horizon);
  const int issue_count = integer(1, 3);
  for (int k = 0; k < issue_count; ++k) {
    const std::string id = "issue" + std::to_string(k);
    const int kind = integer(0, 2);
    if (kind == 0) {
      const double lo = uniform(-1.0, 0.0);
      const double hi = lo + uniform(0.5, 2.0);
      s.continuous(id, lo, hi);
      if (integer(0, 1)) s.steps(integer(1, 6));
    } else if (kind == 1) {
      const int count = integer(2, 4);
      std::vector<std::string> levels;
      for (int l = 0; l < count; ++l) levels.push_back("l" + std::to_string(l));
      s.ordinal(id, levels).level_names(levels);
    } else {
      const int count = integer(1, 4);
      std::vector<Clause> clauses;
      for (int c = 0; c < count; ++c) clauses.push_back({id + "_c" + std::to_string(c), "clause"});
      s.clauses(id, clauses);
    }
    s.named(id);
  }
  if (integer(0, 1)) {
    // A battlefield; the first continuous issue, if any, is linked to the front.
    const int n = integer(2, 8);
    BattlefieldParams bf = front(n, integer(1, n - 1), uniform(0.1, 1.0), uniform(-0.8, 0.8));
    if (integer(0, 2) == 0) {
      bf.advantage.kind = AdvantageSchedule::Kind::linear;
      bf.advantage.a1 = uniform(-0.8, 0.8);
      bf.advantage.t0 = 0;
      bf.advantage.t1 = horizon;
    }
    s.battlefield(bf).sides("p0", "p1");
    const std::vector<Issue>& issues = s.draft().issues;
    for (std::size_t k = 0; k < issues.size(); ++k)
      if (issues[k].kind == IssueKind::continuous) {
        s.issue(k).linked_to_front();
        break;
      }
  }
  const int veto_count = integer(2, 3);
  const auto strategies = belligerent_strategies();
  const auto add_party = [&](const std::string& id, Role role) {
    if (role == Role::belligerent) s.belligerent(id);
    else s.mediator(id);
    s.named(id);
    s.discount(integer(0, 1) ? 1.0 : uniform(0.8, 1.0));
    s.cost(integer(0, 1) ? 0.0 : uniform(0.0, 0.05));
    s.reservation(uniform(0.0, 0.6));
    const std::vector<Issue>& issues = s.draft().issues;
    std::vector<double> weights;
    double total = 0.0;
    for (std::size_t k = 0; k < issues.size(); ++k) {
      weights.push_back(uniform(0.05, 1.0));
      total += weights.back();
      const Issue& issue = issues[k];
      if (issue.kind == IssueKind::continuous) {
        const int shape = integer(0, 2);
        if (shape == 0) s.curve(k, PiecewiseLinear::increasing(issue.lo, issue.hi));
        else if (shape == 1) s.curve(k, PiecewiseLinear::decreasing(issue.lo, issue.hi));
        else s.curve(k, PiecewiseLinear({{issue.lo, uniform(0, 1)}, {(issue.lo + issue.hi) / 2, uniform(0, 1)}, {issue.hi, uniform(0, 1)}}));
      } else if (issue.kind == IssueKind::ordinal) {
        std::vector<double> values;
        for (std::size_t l = 0; l < issue.levels.size(); ++l) values.push_back(uniform(0.0, 1.0));
        s.level_values(k, values);
      } else {
        std::vector<double> values;
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) values.push_back(uniform(-1.0, 1.0));
        s.clause_values(k, values);
      }
    }
    for (double& w : weights) w /= total;
    s.weights(weights);
    if (s.draft().battlefield && integer(0, 1)) {
      s.belief(integer(0, 1) ? belief({uniform(-0.4, 0.4)}, {1.0}) : belief({-0.3, 0.0, 0.3}, {0.25, 0.5, 0.25}));
    }
    s.strategy(strategies[static_cast<std::size_t>(integer(0, static_cast<int>(strategies.size()) - 1))]);
  };
  for (int i = 0; i < veto_count; ++i) add_party("p" + std::to_string(i), Role::belligerent);
  const bool mediated = integer(0, 2) == 0;
  if (mediated) {
    add_party("mediator", Role::mediator);
    s.strategy(integer(0, 1) ? strategy("nash") : strategy("plan", {{"drift", uniform(0.0, 1.0)}}));
    Agreement plan;
    for (const Issue& issue : s.draft().issues) {
      if (issue.kind == IssueKind::continuous) plan.amounts.push_back(issue.steps ? issue.lo : uniform(issue.lo, issue.hi));
      else if (issue.kind == IssueKind::ordinal) plan.amounts.push_back(integer(0, static_cast<int>(issue.levels.size()) - 1));
      else plan.amounts.push_back(0.0);
      for (std::size_t c = 0; c < issue.clauses.size(); ++c) plan.clauses.push_back(static_cast<std::uint8_t>(integer(0, 1)));
    }
    s.proposal(plan);
  }
  std::vector<std::size_t> order;
  for (int i = 0; i < veto_count; ++i) order.push_back(static_cast<std::size_t>(i));
  if (mediated) {
    s.mediated(static_cast<std::size_t>(veto_count), order, integer(0, 1) == 1);
  } else if (integer(0, 1)) {
    s.random().order(order);
  } else {
    s.alternating(order);
  }
  s.every(integer(1, 2));
  Scenario built = s.build();
  if (built.battlefield) {
    built.collapse_a_terms = built.frozen(built.battlefield->collapse_a);
    built.collapse_b_terms = built.frozen(built.battlefield->collapse_b);
  }
  return built;
}

}  // namespace parley::testing
