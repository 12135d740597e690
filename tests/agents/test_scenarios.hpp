#pragma once
// Scenarios built in code for the agents and engine tests: a two-sided war over a territory
// linked to the front, a plain split-the-pie negotiation, and random small scenarios of every
// kind of issue, party and belief.

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parley/model/scenario.hpp"

namespace parley::testing {

struct Side {
  double cost = 0.0;
  double discount = 1.0;
  BeliefSpec belief{};
  StrategySpec strategy{};
};

inline StrategySpec strategy(std::string name, std::map<std::string, double> params = {}) {
  StrategySpec s;
  s.name = std::move(name);
  s.params = std::move(params);
  return s;
}

inline BeliefSpec belief(std::vector<double> offsets, std::vector<double> prior) {
  BeliefSpec b;
  b.offsets = std::move(offsets);
  b.prior = std::move(prior);
  return b;
}

// A battlefield with a constant advantage: states 0..n, start, tempo, advantage.
inline BattlefieldParams front(int n, int start, double tempo, double advantage) {
  BattlefieldParams bf;
  bf.states = n;
  bf.start = start;
  bf.collapse_a = 0;
  bf.collapse_b = n;
  bf.tempo = tempo;
  bf.advantage.kind = AdvantageSchedule::Kind::constant;
  bf.advantage.a0 = advantage;
  return bf;
}

inline Party belligerent(const char* id, const Side& side, PiecewiseLinear curve) {
  Party p;
  p.id = id;
  p.name = id;
  p.cost = side.cost;
  p.discount = side.discount;
  p.belief = side.belief;
  p.strategy = side.strategy;
  p.weights = {1.0};
  p.values.resize(1);
  p.values[0].curve = std::move(curve);
  return p;
}

// War over a territory: x = side A's share in [0, 1] (on a grid of `steps` if > 0), linked to
// the front; A values it increasing, B decreasing; A's collapse gives B everything, B's
// collapse gives A everything. Alternating offers every period, A first.
inline Scenario war_scenario(const BattlefieldParams& battlefield, int horizon, const Side& a, const Side& b,
                             int steps = 0) {
  Scenario s;
  s.id = "war";
  s.title = "war";
  s.horizon = horizon;
  Issue territory;
  territory.id = "territory";
  territory.name = "territory";
  territory.kind = IssueKind::continuous;
  territory.linked_to_front = true;
  if (steps > 0) territory.steps = steps;
  territory.status_quo = static_cast<double>(battlefield.start) / battlefield.states;
  s.issues = {territory};
  s.parties = {belligerent("a", a, PiecewiseLinear::increasing(0.0, 1.0)),
               belligerent("b", b, PiecewiseLinear::decreasing(0.0, 1.0))};
  s.battlefield = battlefield;
  s.battlefield->side_a = "a";
  s.battlefield->side_b = "b";
  s.collapse_a_terms.amounts = {0.0};
  s.collapse_b_terms.amounts = {1.0};
  s.protocol.kind = ProtocolParams::Kind::alternating;
  s.protocol.order = {0, 1};
  s.protocol.every = 1;
  s.finalize();
  return s;
}

// Split a pie of 1 with no battlefield: x = A's share; reservation values ra, rb.
inline Scenario pie_scenario(int horizon, const Side& a, const Side& b, double ra = 0.0, double rb = 0.0) {
  Scenario s;
  s.id = "pie";
  s.title = "pie";
  s.horizon = horizon;
  Issue pie;
  pie.id = "pie";
  pie.name = "pie";
  pie.kind = IssueKind::continuous;
  s.issues = {pie};
  s.parties = {belligerent("a", a, PiecewiseLinear::increasing(0.0, 1.0)),
               belligerent("b", b, PiecewiseLinear::decreasing(0.0, 1.0))};
  s.parties[0].reservation = ra;
  s.parties[1].reservation = rb;
  s.protocol.kind = ProtocolParams::Kind::alternating;
  s.protocol.order = {0, 1};
  s.protocol.every = 1;
  s.finalize();
  return s;
}

// Every belligerent strategy of DESIGN 1.6 with parameters, and the mediator ones.
inline std::vector<StrategySpec> belligerent_strategies() {
  return {strategy("prolonged"), strategy("quick"), strategy("linear"), strategy("hardline"),
          strategy("contingent"), strategy("contingent", {{"beta", 1.0}}), strategy("stall"),
          strategy("tit_for_tat"), strategy("tit_for_tat", {{"reciprocity", 0.5}})};
}

// A random small scenario: 1-3 issues of random kinds, 2-3 veto belligerents with random
// strategies, costs, discounts and beliefs, sometimes a mediator with a plan, a battlefield
// about half the time, and a random protocol.
inline Scenario random_scenario(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  const auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

  Scenario s;
  s.id = "random" + std::to_string(seed);
  s.title = s.id;
  s.horizon = integer(1, 12);
  const int issue_count = integer(1, 3);
  for (int k = 0; k < issue_count; ++k) {
    Issue issue;
    issue.id = "issue" + std::to_string(k);
    issue.name = issue.id;
    const int kind = integer(0, 2);
    if (kind == 0) {
      issue.kind = IssueKind::continuous;
      issue.lo = uniform(-1.0, 0.0);
      issue.hi = issue.lo + uniform(0.5, 2.0);
      if (integer(0, 1)) issue.steps = integer(1, 6);
      issue.status_quo = issue.lo;
    } else if (kind == 1) {
      issue.kind = IssueKind::ordinal;
      const int levels = integer(2, 4);
      for (int l = 0; l < levels; ++l) issue.levels.push_back("l" + std::to_string(l));
      issue.level_names = issue.levels;
    } else {
      issue.kind = IssueKind::clauses;
      const int clauses = integer(1, 4);
      for (int c = 0; c < clauses; ++c) issue.clauses.push_back({issue.id + "_c" + std::to_string(c), "clause"});
      issue.status_quo_clauses.assign(static_cast<std::size_t>(clauses), 0);
    }
    s.issues.push_back(issue);
  }
  if (integer(0, 1)) {
    // A battlefield; the first continuous issue, if any, is linked to the front.
    const int n = integer(2, 8);
    BattlefieldParams bf = front(n, integer(1, n - 1), uniform(0.1, 1.0), uniform(-0.8, 0.8));
    if (integer(0, 2) == 0) {
      bf.advantage.kind = AdvantageSchedule::Kind::linear;
      bf.advantage.a1 = uniform(-0.8, 0.8);
      bf.advantage.t0 = 0;
      bf.advantage.t1 = s.horizon;
    }
    bf.side_a = "p0";
    bf.side_b = "p1";
    s.battlefield = bf;
    for (Issue& issue : s.issues)
      if (issue.kind == IssueKind::continuous) {
        issue.linked_to_front = true;
        break;
      }
  }
  const int veto_count = integer(2, 3);
  const auto strategies = belligerent_strategies();
  const auto add_party = [&](const std::string& id, Role role) {
    Party p;
    p.id = id;
    p.name = id;
    p.role = role;
    p.veto = role == Role::belligerent;
    p.discount = integer(0, 1) ? 1.0 : uniform(0.8, 1.0);
    p.cost = integer(0, 1) ? 0.0 : uniform(0.0, 0.05);
    p.reservation = uniform(0.0, 0.6);
    double total = 0.0;
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      p.weights.push_back(uniform(0.05, 1.0));
      total += p.weights.back();
      const Issue& issue = s.issues[k];
      IssueValuation v;
      if (issue.kind == IssueKind::continuous) {
        const int shape = integer(0, 2);
        if (shape == 0) v.curve = PiecewiseLinear::increasing(issue.lo, issue.hi);
        else if (shape == 1) v.curve = PiecewiseLinear::decreasing(issue.lo, issue.hi);
        else v.curve = PiecewiseLinear({{issue.lo, uniform(0, 1)}, {(issue.lo + issue.hi) / 2, uniform(0, 1)}, {issue.hi, uniform(0, 1)}});
      } else if (issue.kind == IssueKind::ordinal) {
        for (std::size_t l = 0; l < issue.levels.size(); ++l) v.level_values.push_back(uniform(0.0, 1.0));
      } else {
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) v.clause_values.push_back(uniform(-1.0, 1.0));
      }
      p.values.push_back(v);
    }
    for (double& w : p.weights) w /= total;
    if (s.battlefield && integer(0, 1)) {
      p.belief = integer(0, 1) ? belief({uniform(-0.4, 0.4)}, {1.0}) : belief({-0.3, 0.0, 0.3}, {0.25, 0.5, 0.25});
    }
    p.strategy = strategies[static_cast<std::size_t>(integer(0, static_cast<int>(strategies.size()) - 1))];
    s.parties.push_back(p);
  };
  for (int i = 0; i < veto_count; ++i) add_party("p" + std::to_string(i), Role::belligerent);
  const bool mediated = integer(0, 2) == 0;
  if (mediated) {
    add_party("mediator", Role::mediator);
    Party& m = s.parties.back();
    m.strategy = integer(0, 1) ? strategy("nash") : strategy("plan", {{"drift", uniform(0.0, 1.0)}});
    Agreement plan;
    for (const Issue& issue : s.issues) {
      if (issue.kind == IssueKind::continuous) plan.amounts.push_back(issue.steps ? issue.lo : uniform(issue.lo, issue.hi));
      else if (issue.kind == IssueKind::ordinal) plan.amounts.push_back(integer(0, static_cast<int>(issue.levels.size()) - 1));
      else plan.amounts.push_back(0.0);
      for (std::size_t c = 0; c < issue.clauses.size(); ++c) plan.clauses.push_back(static_cast<std::uint8_t>(integer(0, 1)));
    }
    m.proposal = plan;
  }
  for (int i = 0; i < veto_count; ++i) s.protocol.order.push_back(static_cast<std::size_t>(i));
  if (mediated) {
    s.protocol.kind = ProtocolParams::Kind::mediated;
    s.protocol.mediator = static_cast<std::size_t>(veto_count);
    s.protocol.counter = integer(0, 1) == 1;
  } else if (integer(0, 1)) {
    s.protocol.kind = ProtocolParams::Kind::random;
  } else {
    s.protocol.kind = ProtocolParams::Kind::alternating;
  }
  s.protocol.every = integer(1, 2);
  s.finalize();
  if (s.battlefield) {
    s.collapse_a_terms = s.frozen(s.battlefield->collapse_a);
    s.collapse_b_terms = s.frozen(s.battlefield->collapse_b);
  }
  return s;
}

}  // namespace parley::testing
