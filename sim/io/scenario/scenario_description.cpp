#include "parley/io/scenario/scenario_description.hpp"

#include <cmath>

#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/io/format/word_list.hpp"
#include "parley/model/ideal_agreement.hpp"

namespace parley::io {

namespace {

std::string party_name(const Scenario& s, const std::string& id) {
  const int i = s.party_index(id);
  return i < 0 ? id : s.parties[static_cast<std::size_t>(i)].name;
}

/// An advantage for prose: "+0.30", "-0.10", or "0".
std::string advantage_text(double a) { return a == 0.0 ? "0" : format_signed(a, 2); }

std::string percent(double share) {
  const double p = 100.0 * share;
  return format_fixed(p, p == std::round(p) ? 0 : 1) + "%";
}

std::string and_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

std::string advantage_in_words(const Scenario& s, const std::string& a_name) {
  const AdvantageSchedule& adv = s.battlefield->advantage;
  const std::string owner = a_name + "'s advantage";
  switch (adv.kind) {
    case AdvantageSchedule::Kind::constant:
      if (adv.a0 == 0.0) return "neither side has an advantage (" + owner + " is 0 throughout)";
      return owner + " is " + advantage_text(adv.a0) + " throughout";
    case AdvantageSchedule::Kind::linear: {
      std::string out = owner + " is " + advantage_text(adv.a0);
      if (adv.t0 > 0.0) out += " until " + s.period_unit + " " + format_shortest(adv.t0) + ", then";
      return out + " changes linearly to " + advantage_text(adv.a1) + " by " + s.period_unit + " " +
             format_shortest(adv.t1);
    }
    case AdvantageSchedule::Kind::exponential: {
      const char* verb = std::abs(adv.a_inf) < std::abs(adv.a0) ? "decays" : "moves";
      return owner + " starts at " + advantage_text(adv.a0) + " and " + verb + " toward " +
             advantage_text(adv.a_inf) + " with a half-life of " + periods_in_words(s, adv.half_life);
    }
    case AdvantageSchedule::Kind::steps: {
      std::string out = owner + " starts at " + advantage_text(adv.a0);
      for (const auto& [period, value] : adv.steps)
        out += ", becomes " + advantage_text(value) + " in " + s.period_unit + " " + std::to_string(period);
      return out;
    }
  }
  return "";
}

std::string strategy_text(const Party& p) {
  std::string out = p.strategy.name;
  if (p.strategy.params.empty()) return out;
  out += " (";
  bool first = true;
  for (const auto& [name, value] : p.strategy.params) {
    out += (first ? "" : ", ") + name + " = " + format_shortest(value);
    first = false;
  }
  return out + ")";
}

std::string belief_text(const Party& p) {
  if (p.belief.knows_truth()) return "knows the truth";
  if (p.belief.offsets.size() == 1) return "offset " + advantage_text(p.belief.offsets[0]);
  std::string out;
  for (std::size_t k = 0; k < p.belief.offsets.size(); ++k)
    out += (k ? ", " : "") + advantage_text(p.belief.offsets[k]) + " w.p. " + format_shortest(p.belief.prior[k]);
  return out;
}

std::string issue_domain_text(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::continuous: {
      std::string out = "[" + format_shortest(issue.lo) + ", " + format_shortest(issue.hi) + "]";
      if (issue.steps) out += ", " + std::to_string(*issue.steps) + " steps";
      if (issue.linked_to_front) out += ", linked to the front";
      return out;
    }
    case IssueKind::ordinal: {
      std::string out;
      for (std::size_t j = 0; j < issue.levels.size(); ++j) out += (j ? " < " : "") + issue.levels[j];
      return out;
    }
    case IssueKind::clauses: return std::to_string(issue.clauses.size()) + " clauses";
  }
  return "";
}

/// A package's cell for one issue in a table: the number, the level id, or for clauses
/// "k of n" (the clauses are listed below the table).
std::string package_cell(const Scenario& s, std::size_t k, const Agreement& x) {
  const Issue& issue = s.issues[k];
  switch (issue.kind) {
    case IssueKind::continuous: return format_shortest(x.amounts[k]);
    case IssueKind::ordinal: return issue.levels[static_cast<std::size_t>(x.level(k))];
    case IssueKind::clauses: break;
  }
  return std::to_string(included_clauses(s, k, x).size()) + " of " + std::to_string(issue.clauses.size());
}

std::string clause_list(const Scenario& s, std::size_t k, const Agreement& x) {
  const auto in = included_clauses(s, k, x);
  return in.empty() ? "none" : join_words(in);
}

void write_utilities_json(JsonWriter& json, const Scenario& s, const Agreement& x) {
  json.key("agreement");
  write_package_json(json, s, x);
  json.key("utilities").begin_object();
  for (std::size_t j = 0; j < s.parties.size(); ++j) json.field(s.parties[j].id, s.utility(j, x));
  json.end_object();
}

void write_schedule_json(JsonWriter& json, const AdvantageSchedule& a) {
  json.begin_object().field("kind", to_string(a.kind));
  switch (a.kind) {
    case AdvantageSchedule::Kind::constant: json.field("value", a.a0); break;
    case AdvantageSchedule::Kind::linear:
      json.field("from", a.a0).field("to", a.a1).field("start", a.t0).field("end", a.t1);
      break;
    case AdvantageSchedule::Kind::exponential:
      json.field("from", a.a0).field("limit", a.a_inf).field("half_life", a.half_life);
      break;
    case AdvantageSchedule::Kind::steps:
      json.field("from", a.a0).key("steps").begin_array();
      for (const auto& [period, value] : a.steps)
        json.begin_object().field("period", period).field("value", value).end_object();
      json.end_array();
      break;
  }
  json.end_object();
}

}  // namespace

std::string periods_in_words(const Scenario& s, double count) {
  const std::string unit = s.period_unit;
  const bool plural = count != 1.0;
  return format_shortest(count) + " " + unit + (plural && !unit.ends_with("s") ? "s" : "");
}

std::string battlefield_in_words(const Scenario& s) {
  if (!s.battlefield) return "";
  const BattlefieldParams& bf = *s.battlefield;
  const std::string a = party_name(s, bf.side_a);
  const std::string b = party_name(s, bf.side_b);
  const double n = bf.states;
  // "Russia (side A)", but not "Side A (side A)".
  const auto labelled = [](const std::string& name, const std::string& side) {
    const auto lower = [](std::string text) {
      for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      return text;
    };
    return lower(name) == lower(side) ? name : name + " (" + side + ")";
  };
  std::string out = labelled(a, "side A") + " holds " + percent(bf.start / n) + " of the contested territory (state " +
                    std::to_string(bf.start) + " of " + std::to_string(bf.states) + ") and " + labelled(b, "side B") +
                    " the rest; each " + s.period_unit + " the front moves with probability " +
                    format_shortest(bf.tempo) + "; " + advantage_in_words(s, a) + ".";
  if (bf.offensive_probability > 0.0)
    out += " With probability " + format_shortest(bf.offensive_probability) + " a move is an offensive of " +
           std::to_string(bf.offensive_size) + " states.";
  out += " " + a + "'s war effort collapses if its share falls to " + percent(bf.collapse_a / n) + ", " + b +
         "'s if " + a + "'s share reaches " + percent(bf.collapse_b / n) + ".";
  return out;
}

std::string protocol_in_words(const Scenario& s) {
  const ProtocolParams& p = s.protocol;
  std::vector<std::string> order;
  for (std::size_t i : p.order) order.push_back(s.parties[i].name);
  std::string out;
  switch (p.kind) {
    case ProtocolParams::Kind::alternating:
      out = order.size() == 1 ? order[0] + " proposes" : and_list(order) + " propose in turn, " + order[0] + " first";
      break;
    case ProtocolParams::Kind::random: {
      std::vector<std::string> odds;
      for (std::size_t i : p.order)
        odds.push_back(s.parties[i].name + " with probability " + format_shortest(p.recognition[i]));
      out = "a proposer is drawn at each round: " + and_list(odds);
      break;
    }
    case ProtocolParams::Kind::mediated:
      out = s.parties[p.mediator].name + " mediates: it proposes";
      if (p.counter && !order.empty()) out += ", and " + and_list(order) + " may counter-propose";
      break;
  }
  if (!p.periods.empty()) {
    std::vector<std::string> periods;
    for (int t : p.periods) periods.push_back(std::to_string(t));
    out += "; talks in " + s.period_unit + "s " + and_list(periods);
  } else {
    out += "; talks every " + (p.every == 1 ? s.period_unit : periods_in_words(s, p.every));
  }
  if (p.closing_hazard > 0.0)
    out += "; the window for talks closes for good with probability " + format_fixed(p.closing_hazard, 4) + " a " +
           s.period_unit;
  return out + ".";
}

void write_description_table(std::ostream& out, const Scenario& s) {
  out << printable_text(s.title) << "  (" << printable_text(s.id) << ")\n";
  if (!s.description.empty()) out << "\n" << printable_text(s.description) << (s.description.ends_with("\n") ? "" : "\n");
  out << "\nHorizon: " << periods_in_words(s, s.horizon) << ". Protocol: " << protocol_in_words(s) << "\n";

  out << "\nParties\n";
  using Alignment = TableWriter::Align;
  TableWriter parties({"id", "name", "role", "veto", "discount", "cost", "reservation", "belief", "strategy"},
                      {Alignment::left, Alignment::left, Alignment::left, Alignment::left, Alignment::right,
                       Alignment::right, Alignment::right, Alignment::left, Alignment::left});
  for (const auto& p : s.parties)
    parties.add_row({p.id, p.name, to_string(p.role), p.veto ? "yes" : "no", format_shortest(p.discount),
                     format_shortest(p.cost), format_shortest(p.reservation), belief_text(p), strategy_text(p)});
  parties.write(out, "  ");

  out << "\nIssues\n";
  TableWriter issues({"id", "name", "kind", "values", "status quo"});
  const Agreement status_quo = s.status_quo();
  for (std::size_t k = 0; k < s.issues.size(); ++k)
    issues.add_row({s.issues[k].id, s.issues[k].name, to_string(s.issues[k].kind), issue_domain_text(s.issues[k]),
                    s.issues[k].kind == IssueKind::clauses ? clause_list(s, k, status_quo)
                                                           : package_cell(s, k, status_quo)});
  issues.write(out, "  ");

  // Red lines (issue 15): what each party never signs; a veto party's bind every package.
  bool any_red_line = false;
  for (const auto& p : s.parties) any_red_line = any_red_line || !p.red_lines.empty();
  if (any_red_line) {
    out << "\nRed lines (terms a party never signs, whatever the rest is worth; a veto party's exclude the package)\n";
    TableWriter lines({"party", "veto", "never signs"});
    for (const auto& p : s.parties)
      for (const RedLine& line : p.red_lines) lines.add_row({p.id, p.veto ? "yes" : "no", red_line_text(s, line)});
    lines.write(out, "  ");
  }
  if (!s.constraints.empty()) {
    out << "\nConstraints between terms (a package that breaks one cannot be signed)\n";
    for (const TermConstraint& c : s.constraints) out << "  " << constraint_text(s, c) << "\n";
  }
  bool any_pressure = false;
  for (const auto& p : s.parties) any_pressure = any_pressure || p.pressure.has_value();
  if (any_pressure) {
    out << "\nOffensive options (a side may press after failed talks, until the next talks)\n";
    TableWriter options({"party", "advantage its way", "cost per " + s.period_unit});
    for (const auto& p : s.parties)
      if (p.pressure) options.add_row({p.id, format_fixed(p.pressure->advantage, 3), format_fixed(p.pressure->cost, 4)});
    options.write(out, "  ");
  }
  if (!s.leverage.empty()) {
    out << "\nLeverage (in force while the party rejects the mediator's plan, until the next talks)\n";
    TableWriter measures({"while rejecting", "in force"});
    for (const Leverage& m : s.leverage) measures.add_row({s.parties[m.on].id, leverage_text(s, m)});
    measures.write(out, "  ");
  }

  out << "\nWeights\n";
  std::vector<std::string> weight_headers{"party"};
  for (const auto& issue : s.issues) weight_headers.push_back(issue.id);
  std::vector<Alignment> weight_align(weight_headers.size(), Alignment::right);
  weight_align[0] = Alignment::left;
  TableWriter weights(weight_headers, weight_align);
  for (const auto& p : s.parties) {
    std::vector<std::string> row{p.id};
    for (double w : p.weights) row.push_back(format_shortest(w));
    weights.add_row(row);
  }
  weights.write(out, "  ");

  out << "\nIdeal agreements: each party's best package, and its utility to every party\n";
  std::vector<std::string> headers{"package"};
  for (const auto& issue : s.issues) headers.push_back(issue.id);
  for (const auto& p : s.parties) headers.push_back("u(" + p.id + ")");
  std::vector<Alignment> align(headers.size(), Alignment::right);
  align[0] = Alignment::left;
  TableWriter ideals(headers, align);
  std::vector<std::pair<std::string, Agreement>> packages;
  for (std::size_t i = 0; i < s.parties.size(); ++i)
    packages.emplace_back("ideal of " + s.parties[i].id, ideal_agreement(s, i));
  packages.emplace_back("status quo", status_quo);
  for (const auto& [label, x] : packages) {
    std::vector<std::string> row{label};
    for (std::size_t k = 0; k < s.issues.size(); ++k) row.push_back(package_cell(s, k, x));
    for (std::size_t j = 0; j < s.parties.size(); ++j) row.push_back(format_fixed(s.utility(j, x), 3));
    ideals.add_row(row);
  }
  ideals.write(out, "  ");
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    if (s.issues[k].kind != IssueKind::clauses) continue;
    out << "\n  Clauses of " << s.issues[k].id << " in each ideal package:\n";
    for (std::size_t i = 0; i < s.parties.size(); ++i)
      out << "    " << s.parties[i].id << ": " << clause_list(s, k, packages[i].second) << "\n";
  }

  out << "\nBattlefield\n  ";
  if (s.battlefield) out << battlefield_in_words(s) << "\n";
  else out << "none: disagreement at the horizon gives every party its reservation value.\n";
}

void write_description_json(JsonWriter& json, const Scenario& s) {
  json.begin_object();
  json.field("id", s.id).field("title", s.title).field("description", s.description);
  json.field("horizon", s.horizon).field("period", s.period_unit);

  json.key("parties").begin_array();
  for (const auto& p : s.parties) {
    json.begin_object().field("id", p.id).field("name", p.name).field("role", to_string(p.role));
    json.field("veto", p.veto).field("discount", p.discount).field("cost", p.cost).field("reservation", p.reservation);
    json.key("weights").begin_object();
    for (std::size_t k = 0; k < s.issues.size(); ++k) json.field(s.issues[k].id, p.weights[k]);
    json.end_object();
    // v_ik as the scenario defines it (DESIGN 1.2): a continuous issue's piecewise-linear
    // curve as its [x, v] breakpoints, an ordinal issue's value per level, a clauses issue's
    // value per clause, each keyed by id.
    json.key("values").begin_object();
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const Issue& issue = s.issues[k];
      const IssueValuation& v = p.values[k];
      json.key(issue.id);
      switch (issue.kind) {
        case IssueKind::continuous:
          json.begin_array();
          for (const auto& [x, y] : v.curve.points()) json.begin_array().value(x).value(y).end_array();
          json.end_array();
          break;
        case IssueKind::ordinal:
          json.begin_object();
          for (std::size_t j = 0; j < issue.levels.size(); ++j) json.field(issue.levels[j], v.level_values[j]);
          json.end_object();
          break;
        case IssueKind::clauses:
          json.begin_object();
          for (std::size_t c = 0; c < issue.clauses.size(); ++c) json.field(issue.clauses[c].id, v.clause_values[c]);
          json.end_object();
          break;
      }
    }
    json.end_object();
    json.key("belief").begin_object().key("offsets").array(p.belief.offsets).key("prior").array(p.belief.prior);
    json.end_object();
    json.key("strategy").begin_object().field("name", p.strategy.name).key("params").begin_object();
    for (const auto& [name, value] : p.strategy.params) json.field(name, value);
    json.end_object().end_object();
    if (p.proposal) {
      json.key("proposal");
      write_package_json(json, s, *p.proposal);
    }
    json.key("red_lines").begin_array();
    for (const RedLine& line : p.red_lines) write_red_line_json(json, s, line);
    json.end_array();
    if (p.pressure)  // only with an offensive option: without, the JSON is what it always was
      json.key("pressure").begin_object().field("advantage", p.pressure->advantage).field("cost", p.pressure->cost).end_object();
    json.end_object();
  }
  json.end_array();

  json.key("constraints").begin_array();
  for (const TermConstraint& c : s.constraints)
    json.begin_object().field("kind", to_string(c.kind)).field("text", constraint_text(s, c)).end_object();
  json.end_array();
  if (!s.leverage.empty()) {  // only with leverage: without, the JSON is what it always was
    json.key("leverage").begin_array();
    for (const Leverage& m : s.leverage) write_leverage_json(json, s, m);
    json.end_array();
  }

  const Agreement status_quo = s.status_quo();
  json.key("issues").begin_array();
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    json.begin_object().field("id", issue.id).field("name", issue.name).field("kind", to_string(issue.kind));
    switch (issue.kind) {
      case IssueKind::continuous:
        json.key("range").begin_array().value(issue.lo).value(issue.hi).end_array();
        json.field("unit", issue.unit).field("linked", issue.linked_to_front);
        if (issue.steps) json.field("steps", *issue.steps);
        json.field("status_quo", issue.status_quo);
        break;
      case IssueKind::ordinal:
        json.key("levels").begin_array();
        for (std::size_t j = 0; j < issue.levels.size(); ++j)
          json.begin_object().field("id", issue.levels[j])
              .field("name", j < issue.level_names.size() ? issue.level_names[j] : issue.levels[j])
              .end_object();
        json.end_array().field("status_quo", package_cell(s, k, status_quo));
        break;
      case IssueKind::clauses:
        json.key("clauses").begin_array();
        for (const auto& c : issue.clauses) json.begin_object().field("id", c.id).field("text", c.text).end_object();
        json.end_array().key("status_quo").array(included_clauses(s, k, status_quo));
        break;
    }
    json.end_object();
  }
  json.end_array();

  json.key("status_quo").begin_object();
  write_utilities_json(json, s, status_quo);
  json.end_object();
  json.key("ideal_agreements").begin_object();
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    json.key(s.parties[i].id).begin_object();
    write_utilities_json(json, s, ideal_agreement(s, i));
    json.end_object();
  }
  json.end_object();

  json.key("battlefield");
  if (s.battlefield) {
    const BattlefieldParams& bf = *s.battlefield;
    json.begin_object().field("side_a", bf.side_a).field("side_b", bf.side_b).field("states", bf.states);
    json.field("start", bf.start).field("collapse_a", bf.collapse_a).field("collapse_b", bf.collapse_b);
    json.field("tempo", bf.tempo).key("advantage");
    write_schedule_json(json, bf.advantage);
    json.key("offensive").begin_object().field("probability", bf.offensive_probability)
        .field("size", bf.offensive_size).end_object();
    json.key("collapse_a_terms");
    write_package_json(json, s, s.collapse_a_terms);
    json.key("collapse_b_terms");
    write_package_json(json, s, s.collapse_b_terms);
    json.field("summary", battlefield_in_words(s)).end_object();
  } else {
    json.null();
  }

  const ProtocolParams& p = s.protocol;
  json.key("protocol").begin_object().field("kind", to_string(p.kind)).key("order").begin_array();
  for (std::size_t i : p.order) json.value(s.parties[i].id);
  json.end_array();
  if (p.kind == ProtocolParams::Kind::random) {
    json.key("recognition").begin_object();
    for (std::size_t i : p.order) json.field(s.parties[i].id, p.recognition[i]);
    json.end_object();
  }
  if (p.kind == ProtocolParams::Kind::mediated)
    json.field("mediator", s.parties[p.mediator].id).field("counter", p.counter);
  json.field("every", p.every).key("periods").array(p.periods).field("closing_hazard", p.closing_hazard);
  json.field("summary", protocol_in_words(s)).end_object();
  json.end_object();
}

}  // namespace parley::io
