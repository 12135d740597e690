#pragma once
// The one way the suite writes a scenario in code: a fluent ScenarioBuilder, so a test's
// scenario reads as what it is (its issues, its parties and how they value each issue, the
// front, the protocol, the horizon) instead of as a list of field assignments.
//
//   const Scenario s = ScenarioBuilder("war")
//                          .horizon(20)
//                          .continuous("territory").linked_to_front().status_quo(0.5)
//                          .belligerent("a").weights({1.0}).curve(0, PiecewiseLinear::increasing(0, 1))
//                          .belligerent("b").weights({1.0}).curve(0, PiecewiseLinear::decreasing(0, 1))
//                          .front(10, 5, 0.5, 0.2).sides("a", "b")
//                          .alternating({0, 1})
//                          .build();
//
// Issue modifiers act on the issue added last (or the one chosen with issue(k)), party
// modifiers on the party added last (or the one chosen with party(i)). The builder sets only what it is told: every other
// field keeps the model's default (DESIGN 1), so a scenario built here is the same value a
// test would have written field by field.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "parley/model/scenario.hpp"

namespace parley::testing {

/// A strategy by registry name with its parameters (DESIGN 1.6).
inline StrategySpec strategy(std::string name, std::map<std::string, double> params = {}) {
  StrategySpec s;
  s.name = std::move(name);
  s.params = std::move(params);
  return s;
}

/// A belief over side A's advantage: hypothesis k is the true advantage plus offsets[k], with
/// prior probability prior[k] (DESIGN 1.5).
inline BeliefSpec belief(std::vector<double> offsets, std::vector<double> prior) {
  BeliefSpec b;
  b.offsets = std::move(offsets);
  b.prior = std::move(prior);
  return b;
}

/// A durability mechanism (DESIGN 1.10): level `level` of ordinal issue `issue`, or clause
/// `clause` of clauses issue `issue` (pass -1 for the other), multiplying the breakdown hazard by
/// `multiplier`, shifting side A's advantage in a renewed war by `shift` and raising each
/// party's cost per period of it by `cost` (one entry per party, or none).
inline DurabilityTerm durability_term(std::size_t issue, int level, int clause, double multiplier, double shift = 0.0,
                                      std::vector<double> cost = {}) {
  DurabilityTerm term;
  term.issue = issue;
  term.level = level;
  term.clause = clause;
  term.hazard_multiplier = multiplier;
  term.advantage_shift = shift;
  term.cost_shift = std::move(cost);
  return term;
}

/// The durability section that changes nothing (issue 14's golden condition): no hazard, no
/// term, and a binding commitment, so nobody renews the war at will either.
inline DurabilityParams neutral_durability() {
  DurabilityParams d;
  d.base_hazard = 0.0;
  d.commitment = DurabilityParams::Commitment::binding;
  return d;
}

/// A front of states 0..n with a constant advantage a_t = advantage, moving with probability
/// `tempo` per period from `start`; side A collapses at 0 and side B at n (DESIGN 1.4).
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

/// \brief Builds a Scenario issue by issue and party by party; build() finalizes it.
class ScenarioBuilder {
 public:
  /// A scenario with this id (the file stem a loaded scenario would have; "" for none).
  explicit ScenarioBuilder(std::string id = "") { scenario_.id = std::move(id); }

  /// The title reports print.
  ScenarioBuilder& title(std::string title) {
    scenario_.title = std::move(title);
    return *this;
  }
  /// T: the number of periods of talks and fighting.
  ScenarioBuilder& horizon(int periods) {
    scenario_.horizon = periods;
    return *this;
  }

  // ---- Issues (DESIGN 1.2) ----------------------------------------------------------------

  /// A continuous issue x in [lo, hi], status quo lo.
  ScenarioBuilder& continuous(std::string id, double lo = 0.0, double hi = 1.0) {
    Issue issue;
    issue.id = std::move(id);
    issue.kind = IssueKind::continuous;
    issue.lo = lo;
    issue.hi = hi;
    issue.status_quo = lo;
    return add_issue(std::move(issue));
  }
  /// An ordinal issue with these level ids, in increasing order; status quo the first level.
  ScenarioBuilder& ordinal(std::string id, std::vector<std::string> levels) {
    Issue issue;
    issue.id = std::move(id);
    issue.kind = IssueKind::ordinal;
    issue.levels = std::move(levels);
    return add_issue(std::move(issue));
  }
  /// An ordinal issue with `count` levels l0 < l1 < ... .
  ScenarioBuilder& ordinal(std::string id, std::size_t count) {
    std::vector<std::string> levels;
    for (std::size_t l = 0; l < count; ++l) levels.push_back("l" + std::to_string(l));
    return ordinal(std::move(id), std::move(levels));
  }
  /// A clauses issue with these clauses; status quo: none of them.
  ScenarioBuilder& clauses(std::string id, std::vector<Clause> clauses) {
    Issue issue;
    issue.id = std::move(id);
    issue.kind = IssueKind::clauses;
    issue.status_quo_clauses.assign(clauses.size(), 0);
    issue.clauses = std::move(clauses);
    return add_issue(std::move(issue));
  }
  /// A clauses issue with `count` clauses <id>_c0, <id>_c1, ... without text.
  ScenarioBuilder& clauses(std::string id, std::size_t count) {
    std::vector<Clause> list;
    for (std::size_t c = 0; c < count; ++c) list.push_back({id + "_c" + std::to_string(c), ""});
    return clauses(std::move(id), std::move(list));
  }
  /// Makes issue k the one the issue modifiers below act on.
  ScenarioBuilder& issue(std::size_t k) {
    assert(k < scenario_.issues.size());
    issue_ = k;
    last_ = Added::issue;
    return *this;
  }
  /// Offers restricted to lo + j (hi - lo) / steps, j = 0..steps.
  ScenarioBuilder& steps(int steps) {
    current_issue().steps = steps;
    return *this;
  }
  /// `linked: front`: in war outcomes the issue takes lo + (hi - lo) s / N.
  ScenarioBuilder& linked_to_front() {
    current_issue().linked_to_front = true;
    return *this;
  }
  /// The status quo: an amount (continuous) or a level index (ordinal).
  ScenarioBuilder& status_quo(double value) {
    current_issue().status_quo = value;
    return *this;
  }
  /// The status quo of a clauses issue, one flag per clause.
  ScenarioBuilder& status_quo_clauses(std::vector<std::uint8_t> flags) {
    current_issue().status_quo_clauses = std::move(flags);
    return *this;
  }
  /// The display names of an ordinal issue's levels.
  ScenarioBuilder& level_names(std::vector<std::string> names) {
    current_issue().level_names = std::move(names);
    return *this;
  }

  // ---- Parties (DESIGN 1.3, 1.5, 1.6) -------------------------------------------------------

  /// A belligerent: it has a veto.
  ScenarioBuilder& belligerent(std::string id) { return add_party(std::move(id), Role::belligerent, true); }
  /// A mediator: no veto.
  ScenarioBuilder& mediator(std::string id) { return add_party(std::move(id), Role::mediator, false); }
  /// A copy of party `index` under another id, which then takes the party modifiers.
  ScenarioBuilder& copy_of(std::size_t index, std::string id) {
    assert(index < scenario_.parties.size());
    Party copy = scenario_.parties[index];
    copy.id = std::move(id);
    scenario_.parties.push_back(std::move(copy));
    party_ = scenario_.parties.size() - 1;
    last_ = Added::party;
    return *this;
  }
  /// Makes party `index` the one the party modifiers below act on.
  ScenarioBuilder& party(std::size_t index) {
    assert(index < scenario_.parties.size());
    party_ = index;
    last_ = Added::party;
    return *this;
  }
  /// The party's role (a copy_of a belligerent made a mediator, say).
  ScenarioBuilder& role(Role role) {
    current_party().role = role;
    return *this;
  }
  /// Whether the party's acceptance is needed for a settlement.
  ScenarioBuilder& veto(bool needed) {
    current_party().veto = needed;
    return *this;
  }
  /// w_ik: the party's weight of each issue, in issue order.
  ScenarioBuilder& weights(std::vector<double> weights) {
    current_party().weights = std::move(weights);
    return *this;
  }
  /// v_ik(x) = curve(x) on continuous issue k.
  ScenarioBuilder& curve(std::size_t k, PiecewiseLinear curve) {
    valuation(k).curve = std::move(curve);
    return *this;
  }
  /// v_ik(level l) = values[l] on ordinal issue k.
  ScenarioBuilder& level_values(std::size_t k, std::vector<double> values) {
    valuation(k).level_values = std::move(values);
    return *this;
  }
  /// a_ic, the raw value of each clause of clauses issue k (normalised by finalize()).
  ScenarioBuilder& clause_values(std::size_t k, std::vector<double> values) {
    valuation(k).clause_values = std::move(values);
    return *this;
  }
  /// c_i: utility lost per period of fighting.
  ScenarioBuilder& cost(double cost) {
    current_party().cost = cost;
    return *this;
  }
  /// delta_i: the per-period discount factor.
  ScenarioBuilder& discount(double discount) {
    current_party().discount = discount;
    return *this;
  }
  /// The value of disagreement without a battlefield.
  ScenarioBuilder& reservation(double value) {
    current_party().reservation = value;
    return *this;
  }
  ScenarioBuilder& belief(BeliefSpec belief) {
    current_party().belief = std::move(belief);
    return *this;
  }
  ScenarioBuilder& strategy(StrategySpec strategy) {
    current_party().strategy = std::move(strategy);
    return *this;
  }
  /// The package the party tables (a mediator's plan).
  ScenarioBuilder& proposal(Agreement package) {
    current_party().proposal = std::move(package);
    return *this;
  }

  // ---- Issues and parties alike --------------------------------------------------------------

  /// The display name of the issue or party added (or chosen) last.
  ScenarioBuilder& named(std::string name) {
    if (last_ == Added::party) current_party().name = std::move(name);
    else current_issue().name = std::move(name);
    return *this;
  }

  // ---- Battlefield (DESIGN 1.4) -------------------------------------------------------------

  /// The front as given.
  ScenarioBuilder& battlefield(BattlefieldParams params) {
    scenario_.battlefield = std::move(params);
    return *this;
  }
  /// A front of states 0..n with a constant advantage (see parley::testing::front).
  ScenarioBuilder& front(int n, int start, double tempo, double advantage) {
    return battlefield(testing::front(n, start, tempo, advantage));
  }
  /// The party ids of side A (whose share of the territory is s/N) and side B.
  ScenarioBuilder& sides(std::string a, std::string b) {
    assert(scenario_.battlefield);
    scenario_.battlefield->side_a = std::move(a);
    scenario_.battlefield->side_b = std::move(b);
    return *this;
  }
  /// The amounts imposed when side A collapses and when side B collapses.
  ScenarioBuilder& collapse_amounts(std::vector<double> a_collapses, std::vector<double> b_collapses) {
    scenario_.collapse_a_terms.amounts = std::move(a_collapses);
    scenario_.collapse_b_terms.amounts = std::move(b_collapses);
    return *this;
  }

  // ---- Protocol (DESIGN 1.7) ----------------------------------------------------------------

  /// Rubinstein's alternating offers: the parties in `order` propose in turn.
  ScenarioBuilder& alternating(std::vector<std::size_t> order = {}) {
    scenario_.protocol.kind = ProtocolParams::Kind::alternating;
    scenario_.protocol.order = std::move(order);
    return *this;
  }
  /// Baron-Ferejohn's random recognition with these probabilities (empty: equal over the veto
  /// parties).
  ScenarioBuilder& random(std::vector<double> recognition = {}) {
    scenario_.protocol.kind = ProtocolParams::Kind::random;
    scenario_.protocol.recognition = std::move(recognition);
    return *this;
  }
  /// Party `mediator` proposes; if `counter`, the belligerents in `order` may counter-propose.
  ScenarioBuilder& mediated(std::size_t mediator, std::vector<std::size_t> order, bool counter = true) {
    scenario_.protocol.kind = ProtocolParams::Kind::mediated;
    scenario_.protocol.mediator = mediator;
    scenario_.protocol.order = std::move(order);
    scenario_.protocol.counter = counter;
    return *this;
  }
  /// The proposers' order (party indices), whatever the protocol.
  ScenarioBuilder& order(std::vector<std::size_t> order) {
    scenario_.protocol.order = std::move(order);
    return *this;
  }
  /// Talks every `periods` periods, from period 0.
  ScenarioBuilder& every(int periods) {
    scenario_.protocol.every = periods;
    return *this;
  }
  /// Talks exactly at these periods.
  ScenarioBuilder& talk_periods(std::vector<int> periods) {
    scenario_.protocol.periods = std::move(periods);
    return *this;
  }

  /// The scenario so far, not finalized: for a builder whose next step depends on what it
  /// has (a random scenario valuing each issue by its kind).
  [[nodiscard]] const Scenario& draft() const { return scenario_; }

  /// The scenario, finalized (clause offsets and clause sums set); every party has one
  /// valuation per issue.
  [[nodiscard]] Scenario build() const {
    Scenario s = scenario_;
    for (Party& p : s.parties)
      if (p.values.size() < s.issues.size()) p.values.resize(s.issues.size());
    s.finalize();
    return s;
  }

 private:
  enum class Added { nothing, issue, party };

  ScenarioBuilder& add_issue(Issue issue) {
    scenario_.issues.push_back(std::move(issue));
    issue_ = scenario_.issues.size() - 1;
    last_ = Added::issue;
    return *this;
  }
  ScenarioBuilder& add_party(std::string id, Role role, bool veto) {
    Party p;
    p.id = std::move(id);
    p.role = role;
    p.veto = veto;
    scenario_.parties.push_back(std::move(p));
    party_ = scenario_.parties.size() - 1;
    last_ = Added::party;
    return *this;
  }
  Issue& current_issue() {
    assert(!scenario_.issues.empty());
    return scenario_.issues[issue_];
  }
  Party& current_party() {
    assert(!scenario_.parties.empty());
    return scenario_.parties[party_];
  }
  IssueValuation& valuation(std::size_t k) {
    Party& p = current_party();
    if (p.values.size() <= k) p.values.resize(k + 1);
    return p.values[k];
  }

  Scenario scenario_;
  std::size_t issue_ = 0;
  std::size_t party_ = 0;
  Added last_ = Added::nothing;
};

}  // namespace parley::testing
