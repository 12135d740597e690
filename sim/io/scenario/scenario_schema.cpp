#include "parley/io/scenario/scenario_schema.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "parley/agents/strategy_catalog.hpp"
#include "parley/io/format/number_format.hpp"

namespace parley::io {

bool NumericRange::contains(double x) const {
  const bool above = lo_open ? x > lo : x >= lo;
  const bool below = hi_open ? x < hi : x <= hi;
  return above && below;
}

bool NumericRange::unbounded() const { return std::isinf(lo) && std::isinf(hi); }

std::string NumericRange::to_string() const {
  const bool has_lo = !std::isinf(lo);
  const bool has_hi = !std::isinf(hi);
  if (has_lo && has_hi)
    return std::string(lo_open ? "(" : "[") + format_shortest(lo) + ", " + format_shortest(hi) +
           (hi_open ? ")" : "]");
  if (has_lo) return std::string(lo_open ? "> " : ">= ") + format_shortest(lo);
  if (has_hi) return std::string(hi_open ? "< " : "<= ") + format_shortest(hi);
  return "";
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

NumericRange closed(double lo, double hi) { return {lo, hi, false, false}; }
NumericRange at_least(double lo) { return {lo, kInf, false, false}; }
NumericRange above(double lo) { return {lo, kInf, true, false}; }
NumericRange unit_interval() { return closed(0.0, 1.0); }

/// Builds one row of the table; the chained setters keep the table below readable.
class Key {
 public:
  Key(std::string path, KeyType type) {
    spec_.path = std::move(path);
    spec_.type = type;
  }
  Key& shape(std::string text) { spec_.type_text = std::move(text); return *this; }
  Key& range(NumericRange r) { spec_.range = r; return *this; }
  Key& constraint(std::string text) { spec_.constraint = std::move(text); return *this; }
  Key& choices(std::vector<std::string> c) { spec_.choices = std::move(c); return *this; }
  Key& default_number(double value) { spec_.default_number = value; return *this; }
  Key& default_text(std::string text) { spec_.default_text = std::move(text); return *this; }
  Key& required() { spec_.required = true; return *this; }
  Key& only_for(std::vector<std::string> kinds) { spec_.only_for = std::move(kinds); return *this; }
  Key& meaning(std::string text) { spec_.meaning = std::move(text); return *this; }
  operator KeySpec() const { return spec_; }  // NOLINT(google-explicit-constructor): table syntax

 private:
  KeySpec spec_;
};

std::vector<std::string> strategy_names() {
  std::vector<std::string> names;
  for (const auto& s : strategy_catalog()) names.push_back(s.name);
  names.emplace_back("none");
  return names;
}

/// The keys of an advantage schedule in its map form, under `prefix`: the battlefield's and a
/// renewed war's schedules take the same forms, each with rows of its own so that an error and
/// the reference page name the place the schedule is written at.
std::vector<KeySpec> advantage_schedule_keys(const std::string& prefix) {
  using T = KeyType;
  return {
      Key(prefix + ".kind", T::choice).choices({"constant", "linear", "exponential", "steps"})
          .required().meaning("The schedule's shape."),
      Key(prefix + ".value", T::number).range(closed(-1.0, 1.0)).required()
          .only_for({"constant"}).meaning("a_t = value."),
      Key(prefix + ".from", T::number).range(closed(-1.0, 1.0)).required()
          .only_for({"linear", "exponential", "steps"}).meaning("a_0, the advantage at the start."),
      Key(prefix + ".to", T::number).range(closed(-1.0, 1.0)).required().only_for({"linear"})
          .meaning("The advantage from period `end` on."),
      Key(prefix + ".start", T::number).range(at_least(0.0)).default_number(0.0)
          .only_for({"linear"}).meaning("Period when the linear change begins."),
      Key(prefix + ".end", T::number).required().constraint("> start").only_for({"linear"})
          .meaning("Period when the linear change ends."),
      Key(prefix + ".limit", T::number).range(closed(-1.0, 1.0)).default_number(0.0)
          .only_for({"exponential"}).meaning("a_inf: a_t = a_inf + (a_0 - a_inf) 2^(-t / half_life)."),
      Key(prefix + ".half_life", T::number).range(above(0.0)).required()
          .only_for({"exponential"}).meaning("Periods to close half the gap to the limit."),
      Key(prefix + ".steps", T::list).shape("list of {period, value} maps")
          .constraint(">= 1 items, periods strictly increasing").required().only_for({"steps"})
          .meaning("From each period on, the advantage is that step's value."),
      Key(prefix + ".steps[].period", T::integer).range(at_least(0)).required().meaning(
          "Period the step takes effect."),
      Key(prefix + ".steps[].value", T::number).range(closed(-1.0, 1.0)).required().meaning(
          "The advantage from then on."),
  };
}

std::vector<KeySpec> build_schema() {
  using T = KeyType;
  const std::vector<std::string> value_kinds = {"continuous", "ordinal", "clauses"};
  std::vector<KeySpec> table;
  const auto append = [&](std::vector<KeySpec> rows) { table.insert(table.end(), rows.begin(), rows.end()); };
  append({
      // Top level.
      Key("title", T::string).required().meaning("Title shown in reports."),
      Key("description", T::string).default_text("\"\"").meaning(
          "Free text about the scenario and its sources; block scalars (`|`) keep line breaks."),
      Key("horizon", T::integer).range(closed(1, max_horizon)).required().meaning(
          "T: periods of talks and fighting before the conflict freezes at its current front."),
      Key("period", T::string).default_text("\"period\"").meaning(
          "Name of one period in reports (`week`, `month`)."),
      Key("issues", T::list).constraint(">= 1 items").required().meaning(
          "What is negotiated; an agreement gives every issue a value."),
      Key("parties", T::list).constraint(">= 2 items, >= 2 with veto").required().meaning(
          "Who takes part; a settlement needs every veto party's acceptance."),
      Key("battlefield", T::map).default_text("none").meaning(
          "The front as a Markov chain. Without it nothing moves and disagreement at the horizon gives "
          "every party its `reservation` (a plain multi-issue negotiation)."),
      Key("protocol", T::map).default_text("alternating, every period").meaning(
          "Who proposes, and in which periods talks take place."),
      Key("durability", T::map).default_text("none (settlements are final)").meaning(
          "Peace that may not last: a settlement may break down and the war resume. Needs a battlefield."),
      Key("constraints", T::list).shape("list of {excludes: [A, B]} or {requires: [A, B]} maps")
          .constraint("at most 8").default_text("none").meaning(
              "Constraints between terms (issue 15): packages that break one cannot be signed, whatever they "
              "are worth; the frontier, the zone, the solutions, the solver and every strategy respect them, "
              "and `analyze` says how each narrows the range."),
      Key("constraints[].excludes", T::list).shape("two terms, `issue.level` or `issue.clause`").meaning(
          "The two terms are never in one package (e.g. `[army_cap.cap_85k, guarantee.coalition]`)."),
      Key("leverage", T::list).shape("list of {on, by, advantage, cost, note} maps")
          .constraint("the mediated protocol, its mediator playing plan with a proposal; no closing hazard")
          .default_text("none").meaning(
              "Measures a third party makes conditional on the answers to the mediator's plan (issue 15): "
              "each is in force from a talk period in which `on` rejected the mediator's package until the "
              "next talk period. The solver, the exact path and the engine carry them."),
      Key("leverage[].on", T::identifier).constraint("a veto party other than the mediator").required().meaning(
          "The party whose rejection of the mediator's package puts the measure in force."),
      Key("leverage[].by", T::identifier).constraint("a party").default_text("none").meaning(
          "Who applies the measure (for reports)."),
      Key("leverage[].advantage", T::number).range(closed(-2.0, 2.0)).default_number(0.0).meaning(
          "Added to side A's advantage while in force (with the other measures in force, clamped to "
          "[-1, 1]): aid paused to side B is a positive shift. Needs a battlefield."),
      Key("leverage[].cost", T::map).shape("map party id -> cost").default_text("none").meaning(
          "Added to the listed parties' costs per period while in force (sanctions); unlisted parties 0."),
      Key("leverage[].cost.<party>", T::number).range(at_least(0.0)).meaning("The cost added to one party."),
      Key("leverage[].note", T::string).default_text("\"\"").meaning(
          "What the measure stands for and where it was reported (for reports)."),
      Key("constraints[].requires", T::list).shape("two terms, `issue.level` or `issue.clause`").meaning(
          "The first term only in a package that has the second (e.g. `[plan.elections, plan.ceasefire]`)."),

      // Issues.
      Key("issues[].id", T::identifier).required().constraint("unique among issues").meaning(
          "Name used in weights, values, terms and `--set` paths."),
      Key("issues[].name", T::string).default_text("the id").meaning("Name in reports."),
      Key("issues[].kind", T::choice).choices(value_kinds).required().meaning(
          "`continuous`: a number in [lo, hi]; `ordinal`: one of ordered levels; `clauses`: any subset of "
          "named binary clauses."),
      Key("issues[].range", T::list).shape("list [lo, hi] of numbers").constraint("lo < hi")
          .default_text("[0, 1]").only_for({"continuous"}).meaning("The interval the issue's value lies in."),
      Key("issues[].unit", T::string).default_text("\"\"").only_for({"continuous"}).meaning(
          "What the number measures, for reports."),
      Key("issues[].steps", T::integer).range(closed(1, max_issue_steps)).default_text("none (any value)")
          .only_for({"continuous"}).meaning(
              "Offers are restricted to lo + k (hi - lo) / steps, k = 0..steps; the analytics still treat "
              "the issue as continuous."),
      Key("issues[].linked", T::choice).choices({"front"}).default_text("none").only_for({"continuous"})
          .meaning("`front`: in war outcomes the issue takes the front's value lo + (hi - lo) s / N. Needs a "
                   "battlefield."),
      Key("issues[].status_quo", T::variant).shape("number, level id, or list of clause ids")
          .constraint("in range / a level of the issue / clauses of the issue")
          .default_text("lo / the first level / []").meaning(
              "The issue's value in war outcomes (unless linked) and in packages that leave it out."),
      Key("issues[].levels", T::list).shape("list of ids, or of {id, name} maps")
          .constraint(">= 2 items, ids unique").required().only_for({"ordinal"})
          .meaning("The levels, from the lowest to the highest."),
      Key("issues[].levels[].id", T::identifier).required().meaning("Level id (map form)."),
      Key("issues[].levels[].name", T::string).default_text("the id").meaning("Level name in reports."),
      Key("issues[].clauses", T::list).shape("list of {id, text} maps").constraint(">= 1 items").required()
          .only_for({"clauses"}).meaning("The binary clauses (e.g. the points of a plan)."),
      Key("issues[].clauses[].id", T::identifier).required().constraint("unique in the whole scenario")
          .meaning("Clause id."),
      Key("issues[].clauses[].text", T::string).default_text("the id").meaning("What the clause says."),

      // Parties.
      Key("parties[].id", T::identifier).required().constraint("unique among parties").meaning(
          "Name used in the battlefield, the protocol and `--set` paths."),
      Key("parties[].name", T::string).default_text("the id").meaning("Name in reports."),
      Key("parties[].role", T::choice).choices({"belligerent", "mediator", "guarantor", "observer"})
          .default_text("belligerent").meaning(
              "Belligerents fight and bargain; a mediator proposes packages; guarantors and observers only "
              "hold preferences (and a veto if given one)."),
      Key("parties[].veto", T::boolean).default_text("true for belligerents, false otherwise").meaning(
          "Whether a settlement needs this party's acceptance."),
      Key("parties[].discount", T::number).range({0.0, 1.0, true, false}).default_number(1.0).meaning(
          "delta_i: a payoff one period later is worth delta_i as much."),
      Key("parties[].cost", T::number).range(at_least(0.0)).default_number(0.0).meaning(
          "c_i: utility lost per period of fighting."),
      Key("parties[].reservation", T::number).range(unit_interval()).default_number(0.0).meaning(
          "Value of disagreement at the horizon when there is no battlefield."),
      Key("parties[].normalize", T::boolean).default_number(0.0).default_text("false").meaning(
          "If true the weights are rescaled to sum to 1 instead of having to."),
      Key("parties[].weights", T::map).shape("map issue id -> weight").required()
          .constraint("sum 1 (within 1e-9) unless normalize; sum > 0").meaning(
              "w_ik, the importance of each issue; unlisted issues weigh 0."),
      Key("parties[].weights.<issue>", T::number).range(at_least(0.0)).meaning("The weight of one issue."),
      Key("parties[].values", T::map).shape("map issue id -> value spec")
          .constraint("an entry for every issue of positive weight").default_text("indifferent (0)")
          .meaning("v_ik, how the party values each issue, every value in [0, 1]."),
      Key("parties[].values.<issue>", T::variant)
          .shape("`increasing`, `decreasing`, or a map (below)").meaning(
              "Continuous: linear increasing (lo -> 0, hi -> 1), decreasing, or `{points: ...}`. Ordinal: a "
              "map level -> value. Clauses: a map clause -> value."),
      Key("parties[].values.<issue>.points", T::list).shape("list of [x, v] pairs")
          .constraint(">= 2 points, x strictly increasing from lo to hi, v in [0, 1]").required()
          .only_for({"continuous"}).meaning("A piecewise-linear value function through these breakpoints."),
      Key("parties[].values.<issue>.<level>", T::number).range(unit_interval()).required()
          .only_for({"ordinal"}).meaning("The value of one level; every level must be given."),
      Key("parties[].values.<issue>.<clause>", T::number).default_number(0.0).only_for({"clauses"}).meaning(
          "a_ic, the value of including the clause, any sign; the issue's value is (sum of the included "
          "a_ic - min) / (max - min), min (max) the sum of the negative (positive) a_ic."),
      Key("parties[].belief", T::map).default_text("knows the true schedule").meaning(
          "What the party believes about side A's advantage: `{offset: a}` or `{offsets: [...], prior: "
          "[...]}`. Needs a battlefield."),
      Key("parties[].belief.offset", T::number).range(closed(-2.0, 2.0)).meaning(
          "Point belief: the true schedule plus this offset (clamped to [-1, 1]); optimism or pessimism."),
      Key("parties[].belief.offsets", T::list).shape("list of numbers in [-2, 2]")
          .constraint("same length as prior").meaning("Hypotheses: offsets to the true schedule."),
      Key("parties[].belief.prior", T::list).shape("list of probabilities").constraint("sum 1 (within 1e-9)")
          .meaning("Prior probability of each hypothesis, updated by Bayes' rule from each observed move."),
      Key("parties[].strategy", T::variant).shape("strategy name, or map {name: ..., <param>: ...}")
          .default_text("linear for belligerents, plan for mediators, none for guarantors and observers")
          .meaning("How the party proposes and answers (see Strategies)."),
      Key("parties[].strategy.name", T::choice).choices(strategy_names()).default_text("the role's default")
          .meaning("The strategy; it must fit the party's role."),
      Key("parties[].strategy.<param>", T::number).constraint("the parameter's range (see Strategies)")
          .default_text("the parameter's default").meaning("One of the strategy's parameters."),
      Key("parties[].proposal", T::map).shape("terms (map issue id -> value)")
          .constraint("required when the strategy is plan").default_text("none").meaning(
              "A package the party tables (a mediator's plan)."),
      Key("parties[].proposal.<issue>", T::variant).shape("number, level id, or list of clause ids")
          .meaning("The package's value of one issue (see Terms)."),
      Key("parties[].red_lines", T::list).shape("list of {issue, never | always | at_most | at_least} maps")
          .default_text("none").meaning(
              "Terms the party never signs, whatever the rest of the package is worth (issue 15). A veto party's "
              "red lines take the packages that cross them out of the agreement space: the frontier, the "
              "bargaining range, the solutions, the solver and every strategy respect them, and it rejects any "
              "package that crosses one; `analyze` says how each narrows the range."),
      Key("parties[].red_lines[].issue", T::identifier).required().constraint("an issue id").meaning(
          "The issue the red line is about."),
      Key("parties[].red_lines[].never", T::list).shape("list of level ids (ordinal) or clause ids (clauses)")
          .meaning("Ordinal issue: levels the party never agrees to. Clauses issue: clauses it never accepts "
                   "in the deal."),
      Key("parties[].red_lines[].always", T::list).shape("list of clause ids").constraint("a clauses issue")
          .meaning("Clauses the party never signs without."),
      Key("parties[].red_lines[].at_most", T::number).constraint("a continuous issue, in its range").meaning(
          "The most of the issue's amount the party ever signs."),
      Key("parties[].red_lines[].at_least", T::number).constraint("a continuous issue, in its range, <= at_most")
          .meaning("The least of the issue's amount the party ever signs."),
      Key("parties[].pressure", T::map).shape("map {advantage, cost}")
          .constraint("a veto belligerent that is a side of the battlefield; no closing hazard").default_text("none")
          .meaning("Its offensive option (issue 15): when talks end without agreement it may press until the next "
                   "talks, moving the front's odds its way at a cost (`stall` presses when that pays by its "
                   "belief, `equilibrium` when it pays in equilibrium, other strategies never)."),
      Key("parties[].pressure.advantage", T::number).range({0.0, 2.0, true, false}).required().meaning(
          "How far pressing moves side A's advantage toward the party's side (clamped to [-1, 1] with the other "
          "shifts in force)."),
      Key("parties[].pressure.cost", T::number).range(at_least(0.0)).default_number(0.0).meaning(
          "Added to its cost per period while it presses."),

      // Battlefield.
      Key("battlefield.side_a", T::identifier).required().constraint("a party id").meaning(
          "Side A: s/N is the share of the contested territory it holds."),
      Key("battlefield.side_b", T::identifier).required().constraint("a party id, not side_a").meaning(
          "Side B."),
      Key("battlefield.states", T::integer).range(closed(2, max_front_states)).required().meaning(
          "N: the front's states are 0..N."),
      Key("battlefield.start", T::integer).required().constraint("collapse_a < start < collapse_b").meaning(
          "s_0, the front at period 0."),
      Key("battlefield.collapse_a", T::integer).range(at_least(0)).default_number(0).meaning(
          "Side A's effort collapses when s <= collapse_a (absorbing)."),
      Key("battlefield.collapse_b", T::integer).constraint("collapse_a + 1 < collapse_b <= states")
          .default_text("states").meaning("Side B's effort collapses when s >= collapse_b (absorbing)."),
      Key("battlefield.tempo", T::number).range({0.0, 1.0, true, false}).required().meaning(
          "r: probability that the front moves in a period."),
      Key("battlefield.advantage", T::variant).shape("number, or a schedule map").range(closed(-1.0, 1.0))
          .default_number(0.0).meaning(
              "a_t, side A's advantage: the front moves in A's favour (s + 1) with probability r (1 + a_t) / 2 "
              "and in B's favour (s - 1) with r (1 - a_t) / 2. A number is a constant."),
  });
  append(advantage_schedule_keys("battlefield.advantage"));
  append({
      Key("battlefield.offensive", T::map).default_text("none").meaning(
          "Offensives: a move covers `size` states instead of one with probability `probability`."),
      Key("battlefield.offensive.probability", T::number).range(unit_interval()).required().meaning(
          "o: probability that a move is an offensive."),
      Key("battlefield.offensive.size", T::integer).range(at_least(1)).required().meaning(
          "States an offensive move covers (clamped at the thresholds)."),
      Key("battlefield.collapse_a_terms", T::map).shape("terms").default_text("frozen(collapse_a)").meaning(
          "The agreement imposed when side A collapses (see Terms)."),
      Key("battlefield.collapse_a_terms.<issue>", T::variant).shape("number, level id, or list of clause ids")
          .meaning("One issue of those terms."),
      Key("battlefield.collapse_b_terms", T::map).shape("terms").default_text("frozen(collapse_b)").meaning(
          "The agreement imposed when side B collapses."),
      Key("battlefield.collapse_b_terms.<issue>", T::variant).shape("number, level id, or list of clause ids")
          .meaning("One issue of those terms."),

      // Protocol.
      Key("protocol.kind", T::choice).choices({"alternating", "random", "mediated"}).default_text("alternating")
          .meaning("`alternating`: the parties in `order` propose in turn (Rubinstein); `random`: a proposer "
                   "drawn with the `recognition` probabilities (Baron-Ferejohn); `mediated`: the mediator "
                   "proposes."),
      Key("protocol.order", T::list).shape("list of party ids").constraint("veto parties, no repeats")
          .default_text("veto belligerents in scenario order").meaning(
              "Proposers (alternating), candidates for recognition (random), counter-proposers (mediated)."),
      Key("protocol.recognition", T::map).shape("map party id -> probability").constraint("sum 1 (within 1e-9)")
          .default_text("equal over order").meaning("Random protocol: each proposer's probability."),
      Key("protocol.recognition.<party>", T::number).range(unit_interval()).meaning(
          "Probability that this party proposes; the party must be in `order`."),
      Key("protocol.mediator", T::identifier).constraint("a party with role mediator; required for mediated")
          .default_text("none").meaning("Mediated protocol: the party that proposes."),
      Key("protocol.counter", T::boolean).default_number(1.0).default_text("true").meaning(
          "Mediated protocol: whether a belligerent may counter-propose after the mediator's package is "
          "rejected."),
      Key("protocol.every", T::integer).range(at_least(1)).default_number(1).meaning(
          "Talks every k periods, from period 0."),
      Key("protocol.periods", T::list).shape("list of integers")
          .constraint(">= 0, strictly increasing, < horizon").default_text("every `every` periods").meaning(
              "The exact periods with talks; overrides `every`."),
      Key("protocol.closing_hazard", T::number).range(unit_interval()).default_number(0.0).meaning(
          "q: probability that the window for talks closes for good between two periods (a stochastic "
          "deadline: an aid decision, an election); after it the war is fought to its end. Not with a "
          "durability section."),

      // Durability.
      Key("durability.hazard", T::number).range(unit_interval()).required().meaning(
          "h0: probability that the peace after a settlement breaks down between two periods, before "
          "the terms' multipliers."),
      Key("durability.commitment", T::choice).choices({"self_enforcing", "binding"})
          .default_text("self_enforcing").meaning(
              "self_enforcing: a veto belligerent renews the war whenever its value of renewed war exceeds "
              "that of keeping the peace (Fearon 1995, Powell 2006); binding: a third party enforces the "
              "agreement and only the hazard breaks it."),
      Key("durability.renewed_war", T::map).default_text("the battlefield's").meaning(
          "The battlefield of a war renewed after a breakdown; keys left out take the battlefield's."),
      Key("durability.renewed_war.advantage", T::variant).shape("number, or a schedule map")
          .range(closed(-1.0, 1.0)).default_text("`battlefield.advantage`").meaning(
              "a_t of a renewed war, in the forms of `battlefield.advantage` (the keys below)."),
  });
  append(advantage_schedule_keys("durability.renewed_war.advantage"));
  append({
      Key("durability.renewed_war.tempo", T::number).range({0.0, 1.0, true, false})
          .default_text("`battlefield.tempo`").meaning("r of a renewed war."),
      Key("durability.terms", T::map).shape("map issue id -> terms of the issue").default_text("none").meaning(
          "Mechanisms: terms that change the peace an agreement makes when it contains them (a "
          "demilitarised zone, a guarantee, an army cap)."),
      Key("durability.terms.<issue>", T::map).shape("map level id or clause id -> term")
          .constraint("an ordinal or clauses issue").meaning(
              "The terms of one issue: its levels (ordinal; contained when the agreement sets the issue to "
              "the level) or its clauses (clauses; contained when the agreement includes the clause)."),
      Key("durability.terms.<issue>.<term>", T::map).shape("map {hazard, advantage, cost}").constraint(
          "a level or clause of the issue").meaning("One term and how it changes the peace."),
      Key("durability.terms.<issue>.<term>.hazard", T::number).range(at_least(0.0)).default_number(1.0)
          .meaning("mu: the breakdown hazard is multiplied by it; h = min(1, h0 times the product of the "
                   "contained terms' mu)."),
      Key("durability.terms.<issue>.<term>.advantage", T::number).range(closed(-2.0, 2.0))
          .default_number(0.0).meaning(
              "Added to side A's advantage in a renewed war (the sum over the contained terms, clamped to "
              "[-1, 1])."),
      Key("durability.terms.<issue>.<term>.cost", T::map).shape("map party id -> cost").default_text("none")
          .meaning("Added to the listed parties' costs per period in a renewed war (a guarantor who fights "
                   "or arms); unlisted parties 0."),
      Key("durability.terms.<issue>.<term>.cost.<party>", T::number).range(at_least(0.0)).meaning(
          "The cost added to one party."),
  });
  return table;
}

std::string_view section_of(std::string_view path) {
  if (path.starts_with("issues[]")) return "issues";
  if (path.starts_with("parties[]")) return "parties";
  if (path.starts_with("battlefield.")) return "battlefield";
  if (path.starts_with("protocol.")) return "protocol";
  if (path.starts_with("durability.")) return "durability";
  return "";
}

std::string cell(std::string text) {
  // A '|' inside a cell would end it.
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

std::string type_text(const KeySpec& k) {
  switch (k.type) {
    case KeyType::string: return "string";
    case KeyType::identifier: return "identifier";
    case KeyType::integer: return "integer";
    case KeyType::number: return "number";
    case KeyType::boolean: return "boolean";
    case KeyType::choice: {
      if (k.path == "parties[].strategy.name") return "strategy name";
      std::string out = "one of ";
      for (std::size_t i = 0; i < k.choices.size(); ++i) out += (i ? ", `" : "`") + k.choices[i] + "`";
      return out;
    }
    case KeyType::list: return k.type_text.empty() ? "list" : k.type_text;
    case KeyType::map: return k.type_text.empty() ? "map" : k.type_text;
    case KeyType::variant: return k.type_text;
  }
  return "";
}

std::string range_text(const KeySpec& k) {
  std::string out = k.range.to_string();
  if (!k.constraint.empty()) out += (out.empty() ? "" : "; ") + k.constraint;
  return out;
}

std::string default_cell(const KeySpec& k) {
  if (k.required) return "**required**";
  if (!k.default_text.empty()) return k.default_text;
  if (k.default_number) return format_shortest(*k.default_number);
  return "";
}

std::string meaning_cell(const KeySpec& k) {
  std::string out;
  if (!k.only_for.empty()) {
    out = "*Only for ";
    for (std::size_t i = 0; i < k.only_for.size(); ++i) out += (i ? ", `" : "`") + k.only_for[i] + "`";
    out += ".* ";
  }
  return out + k.meaning;
}

void render_table(std::string& out, std::string_view section) {
  out += "| Key | Type | Range | Default | Meaning |\n| --- | --- | --- | --- | --- |\n";
  for (const auto& k : scenario_schema()) {
    if (section_of(k.path) != section) continue;
    out += "| `" + k.path + "` | " + cell(type_text(k)) + " | " + cell(range_text(k)) + " | " +
           cell(default_cell(k)) + " | " + cell(meaning_cell(k)) + " |\n";
  }
}

std::string role_text(const StrategyInfo& s) {
  if (s.for_belligerents && s.for_mediators) return "any";
  return s.for_mediators ? "mediator" : "belligerent";
}

void render_strategies(std::string& out) {
  out += "| Strategy | For | Parameters (default, range) | What it does | Source |\n"
         "| --- | --- | --- | --- | --- |\n";
  for (const auto& s : strategy_catalog()) {
    std::string params;
    for (const auto& p : s.params) {
      if (!params.empty()) params += "; ";
      params += "`" + p.name + "` = " + format_shortest(p.default_value) + " in [" + format_shortest(p.lo) +
                ", " + format_shortest(p.hi) + "]: " + p.meaning;
    }
    if (params.empty()) params = "none";
    out += "| `" + s.name + "` | " + role_text(s) + " | " + cell(params) + " | " + cell(s.summary) + " | " +
           cell(s.source) + " |\n";
  }
  out += "| `none` | guarantor, observer | none | never proposes; with a veto, accepts any offer worth at least its "
         "reservation value | |\n";
}

constexpr std::string_view kExample = R"yaml(title: "Example: two sides, a mediator, a front"
description: |
  A territory line linked to the front, a security guarantee and a two-clause plan.
horizon: 52
period: week
issues:
  - id: territory
    name: Contested territory
    kind: continuous
    range: [0, 1]
    unit: share held by side A
    linked: front
    status_quo: 0.5
  - id: guarantee
    kind: ordinal
    levels: [none, bilateral, alliance]
  - id: plan
    kind: clauses
    clauses:
      - {id: ceasefire, text: "Ceasefire along the line of contact"}
      - {id: elections, text: "Elections within a year"}
parties:
  - id: north
    name: North
    discount: 0.99
    cost: 0.004
    weights: {territory: 0.6, guarantee: 0.3, plan: 0.1}
    values:
      territory: increasing
      guarantee: {none: 1.0, bilateral: 0.6, alliance: 0.0}
      plan: {ceasefire: 1.0, elections: -0.5}
    belief: {offset: 0.1}
    strategy: {name: prolonged, e: 0.3}
  - id: south
    name: South
    discount: 0.99
    cost: 0.006
    weights: {territory: 0.5, guarantee: 0.4, plan: 0.1}
    values:
      territory: {points: [[0, 1.0], [0.5, 0.6], [1, 0.0]]}
      guarantee: {none: 0.0, bilateral: 0.7, alliance: 1.0}
      plan: {ceasefire: 0.5, elections: 1.0}
    strategy: quick
  - id: broker
    role: mediator
    weights: {plan: 1.0}
    values:
      plan: {ceasefire: 1.0, elections: 1.0}
    strategy: plan
    proposal: {territory: 0.5, guarantee: bilateral, plan: [ceasefire, elections]}
battlefield:
  side_a: north
  side_b: south
  states: 10
  start: 5
  tempo: 0.5
  advantage: {kind: exponential, from: 0.2, limit: 0.0, half_life: 26}
protocol:
  kind: mediated
  mediator: broker
  every: 2
)yaml";

}  // namespace

const std::vector<KeySpec>& scenario_schema() {
  static const std::vector<KeySpec> table = build_schema();
  return table;
}

const KeySpec* find_schema_key(std::string_view pattern) {
  const auto& table = scenario_schema();
  const auto it = std::find_if(table.begin(), table.end(), [&](const KeySpec& k) { return k.path == pattern; });
  return it == table.end() ? nullptr : &*it;
}

const KeySpec& schema_key(std::string_view pattern) {
  if (const KeySpec* k = find_schema_key(pattern)) return *k;
  throw std::logic_error("scenario schema has no key '" + std::string(pattern) + "'");
}

std::vector<const KeySpec*> schema_children(std::string_view map_pattern) {
  std::vector<const KeySpec*> out;
  const std::string prefix = map_pattern.empty() ? "" : std::string(map_pattern) + ".";
  for (const auto& k : scenario_schema()) {
    if (!k.path.starts_with(prefix)) continue;
    const std::string_view rest = std::string_view(k.path).substr(prefix.size());
    if (rest.empty() || rest.front() == '<') continue;
    if (rest.find_first_of(".[") != std::string_view::npos) continue;
    out.push_back(&k);
  }
  return out;
}

std::string_view schema_example_yaml() { return kExample; }

std::string render_schema_markdown() {
  std::string out;
  out += R"md(# Scenario file format

<!-- Generated by `parley schema` from the table the loader validates with
     (sim/io/scenario/scenario_schema.cpp); tests/io/scenario/scenario_schema_test.cpp checks that this file equals
     the program's output. Edit the table, then run `parley schema -o docs/scenario-format.md`. -->

A scenario is one YAML file: the issues under negotiation, the parties and their preferences,
optionally a battlefield whose front moves while they talk, and the bargaining protocol. Every
shipped scenario lives in `scenarios/` and is built into the program (`parley scenarios` lists
them); `parley validate FILE...` checks files and `parley describe FILE` summarises one.

## Example

```yaml
)md";
  out += kExample;
  out += R"md(```

## Semantics

**Utility.** Every party values an agreement x additively: u_i(x) = sum_k w_ik v_ik(x_k), with
weights w_ik >= 0 summing to 1 and every issue value v_ik in [0, 1], so utilities lie in [0, 1]. A
continuous issue is valued by a piecewise-linear function (`increasing`, `decreasing`, or
breakpoints), an ordinal issue by a value per level, a clauses issue by clause values a_ic of any
sign, normalised as (sum of the included a_ic - min_i) / (max_i - min_i) with min_i (max_i) the sum
of the party's negative (positive) clause values.

**Payoffs over time.** Talks at period t come before that period's fighting. A settlement on x at
t gives party i delta_i^t u_i(x) - C_i(t), with C_i(t) = sum over tau < t of delta_i^tau c_i. When
a side collapses at t, i gets delta_i^t u_i(collapse terms) - C_i(t); at the horizon T without a
settlement the conflict freezes: delta_i^T u_i(frozen(s_T)) - C_i(T). Without a battlefield the
disagreement value at T is delta_i^T reservation_i - C_i(T).

**Terms.** A package is written as a map issue id -> value: a number in the issue's range
(continuous), a level id (ordinal), or a list of the included clause ids (clauses). Issues it does
not list take their `status_quo` in a `proposal`, and their value in frozen(collapse state) in
`collapse_a_terms` and `collapse_b_terms` (so an issue linked to the front that collapse terms
leave out sits where the front ended). frozen(s) is the status quo with every `linked: front`
issue at lo + (hi - lo) s / N.

**Battlefield.** The front is a Markov chain on 0..N, s/N the share of the contested territory
side A holds. From an interior state it moves in side A's favour (s + 1) with probability
r (1 + a_t) / 2, in side B's favour (s - 1) with r (1 - a_t) / 2, and stays with 1 - r, where r is
the `tempo` and a_t in [-1, 1] side A's advantage at period t, given as a schedule: constant,
linear, exponential (toward a limit with a half-life) or steps. States s <= collapse_a and
s >= collapse_b are absorbing: one side's war effort collapses.

**Beliefs.** By default a party knows the true advantage schedule. `belief: {offset: a}` makes it
believe the schedule plus a (optimism, pessimism); `belief: {offsets: [...], prior: [...]}` gives
it hypotheses that it updates by Bayes' rule from every move of the front. Mutual optimism empties
the bargaining range; evidence from the front brings beliefs together.

**Protocol.** Talks take place every `every` periods (or exactly at `periods`). In each, a proposer
offers a package and every other veto party accepts or rejects; all accept: settlement.

**Durability.** Optional, and needs a battlefield. Without it a settlement ends the conflict for
good. With it, the peace after a settlement x breaks down between two periods with probability
h(x) = min(1, h0 prod mu_m) over the `terms` m that x contains (a level of an ordinal issue, a
clause of a clauses issue), and the war resumes on the `renewed_war` battlefield, with side A's
advantage shifted and the parties' costs raised by the contained terms. The loader reads and
checks the section; the models' use of it is in progress (DESIGN 1.10).

## Keys

Every key below is checked when a scenario is loaded: unknown keys (typos) are errors, as are
missing required keys, wrong types and values out of range. Paths use `[]` for "every item of the
list" and `<issue>`, `<party>`, `<level>`, `<clause>`, `<param>` for ids defined elsewhere in the
scenario (`<term>`: a level or a clause id). A key marked *Only for* applies to the listed kinds
(of the issue, or of the schedule) and is an error elsewhere.

### Top level

)md";
  render_table(out, "");
  out += "\n### Issues (`issues[]`)\n\n";
  render_table(out, "issues");
  out += "\n### Parties (`parties[]`)\n\n";
  render_table(out, "parties");
  out += "\n### Battlefield (`battlefield`)\n\n";
  render_table(out, "battlefield");
  out += "\n### Protocol (`protocol`)\n\n";
  render_table(out, "protocol");
  out += "\n### Durability (`durability`)\n\n";
  render_table(out, "durability");
  out += R"md(
## Strategies

A party's `strategy` is a name (`strategy: prolonged`) or a map with the name and parameters
(`strategy: {name: prolonged, e: 0.1}`); parameters left out take their defaults, and each must
lie in its range.

)md";
  render_strategies(out);
  out += R"md(
## Errors

Loading checks the whole file and reports every error, each as
`FILE:LINE:COLUMN: error: KEY.PATH: message` (list items by index, e.g.
`parties[1].weights.territory`), and the program exits with status 1. The classes: YAML syntax;
unknown key; missing required key; wrong type; out of range; weights not summing to 1; duplicate
id or key; unknown reference (party, issue, level, clause, strategy); fewer than two veto parties;
battlefield errors (N < 2, zero tempo, thresholds crossing, start outside, advantage outside
[-1, 1]); protocol errors; a `linked: front` issue or a `durability` section without a
battlefield; durability terms on a continuous issue.

## Overriding fields: `--set PATH=VALUE`

Every scenario command takes `--set PATH=VALUE` (repeatable) to change a field after loading; the
changed document is validated like the file. PATH is dotted; list items are addressed by id or by
index: `battlefield.advantage`, `parties.russia.cost`, `parties[1].cost`,
`issues.territory.status_quo`, `parties.russia.weights.territory`, `parties.ukraine.strategy`,
`parties.russia.strategy.e`, `battlefield.advantage.steps[0].value`, `durability.hazard`,
`durability.terms.guarantee.article5.hazard`. VALUE is parsed as YAML, so `0.3`, `prolonged`,
`[0.1, 0.2]` and `{kind: linear, from: 0.3, to: 0, end: 52}` all work. A missing key is created
(so `--set durability.hazard=0.02` adds the section to a scenario without one); a strategy given
by name and a constant advantage expand into their map forms when PATH goes inside them. Errors
in a value set this way name `--set PATH=VALUE` as their location.
)md";
  return out;
}

}  // namespace parley::io
