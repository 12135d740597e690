#include "parley/io/report/analyze_report.hpp"

#include <optional>
#include <string>
#include <vector>

#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/report/peace_report.hpp"
#include "parley/model/utility_tolerance.hpp"

namespace parley::io {
namespace {

std::string durability_package_name(const Scenario& s, const PackageDurability& d) {
  if (d.package == "nash") return "Nash";
  if (d.package == "kalai_smorodinsky") return "Kalai-Smorodinsky";
  return "tabled by " + party_label(s, d.party);
}

// ---- JSON -------------------------------------------------------------------------------

void write_solution_json(JsonWriter& json, const Scenario& s, const char* name,
                         const std::optional<BargainingSolution>& solution) {
  json.key(name);
  if (!solution) {
    json.null();
    return;
  }
  json.begin_object().key("utilities");
  write_party_values_json(json, s, solution->utilities);
  json.key("agreement");
  write_package_json(json, s, solution->agreement);
  json.end_object();
}

void write_zopa_json(JsonWriter& json, const Scenario& s, const Zopa& zopa) {
  json.begin_object().field("exists", zopa.exists).field("max_welfare", zopa.max_welfare);
  json.field("disagreement_welfare", zopa.disagreement_welfare).field("epsilon", zopa.epsilon);
  json.key("parties").begin_object();
  for (const ZopaSide& side : zopa.sides) {
    json.key(s.parties[side.party].id).begin_object();
    json.field("disagreement", side.disagreement).field("ideal", side.ideal);
    json.key("best_given_others");
    if (side.best_given_others) json.value(*side.best_given_others); else json.null();
    if (zopa.exists) json.field("low", side.low).field("high", side.high);
    json.end_object();
  }
  json.end_object().end_object();
}

void write_analysis_json(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  JsonWriter json(out);
  json.begin_object().field("scenario", s.id).field("title", s.title);
  json.key("war_value");
  write_party_values_json(json, s, a.war_value);
  json.key("subjective_war_value");
  write_party_values_json(json, s, a.subjective_value);
  json.key("absorption");
  if (a.outcome) {
    json.begin_object().field("collapse_a", a.outcome->collapse_a).field("collapse_b", a.outcome->collapse_b);
    json.field("frozen", a.outcome->frozen).end_object();
    json.field("expected_duration", a.outcome->expected_duration);
    json.field("median_duration", a.outcome->median_duration);
  } else {
    json.null().key("expected_duration").null();
  }
  json.key("disagreement");
  write_party_values_json(json, s, a.disagreement);
  json.key("zopa");
  write_zopa_json(json, s, a.zopa);
  json.key("zopa_complete_information");
  write_zopa_json(json, s, a.zopa_complete_information);
  if (a.zopa_without_red_lines) {
    // Only with red lines on a veto party (issue 15): without them the JSON is what it was.
    json.key("zopa_without_red_lines");
    write_zopa_json(json, s, *a.zopa_without_red_lines);
    json.key("red_lines").begin_array();
    for (const RedLineEffect& e : a.red_line_effects) {
      json.begin_object().field("party", s.parties[e.party].id).key("red_line");
      write_red_line_json(json, s, s.parties[e.party].red_lines[e.line]);
      json.field("effect", limit_effect(a, e.without)).key("zopa_without");
      write_zopa_json(json, s, e.without);
      json.end_object();
    }
    json.end_array();
  }
  if (a.zopa_without_constraints) {
    json.key("zopa_without_constraints");
    write_zopa_json(json, s, *a.zopa_without_constraints);
    json.key("constraints").begin_array();
    for (const ConstraintEffect& e : a.constraint_effects) {
      const TermConstraint& c = s.constraints[e.constraint];
      json.begin_object().field("kind", to_string(c.kind)).field("text", constraint_text(s, c));
      json.field("effect", limit_effect(a, e.without)).key("zopa_without");
      write_zopa_json(json, s, e.without);
      json.end_object();
    }
    json.end_array();
  }
  write_solution_json(json, s, "nash", a.nash);
  write_solution_json(json, s, "kalai_smorodinsky", a.kalai_smorodinsky);
  write_solution_json(json, s, "max_welfare", std::optional<BargainingSolution>(a.max_welfare));
  json.key("proposals").begin_array();
  for (const ProposalAssessment& tabled : a.proposals) {
    json.begin_object().field("party", s.parties[tabled.party].id).key("utilities");
    write_party_values_json(json, s, tabled.utilities);
    json.key("rejected_by").begin_array();
    for (const std::size_t i : tabled.rejected_by) json.value(s.parties[i].id);
    json.end_array().key("red_lines_crossed_by").begin_array();
    for (const std::size_t i : tabled.red_lines_crossed_by) json.value(s.parties[i].id);
    json.end_array().key("constraints_broken").begin_array();
    for (const std::size_t c : tabled.constraints_broken) json.value(constraint_text(s, s.constraints[c]));
    json.end_array();
    if (!tabled.value_under_leverage.empty()) {
      json.key("value_under_leverage");
      write_party_values_json(json, s, tabled.value_under_leverage);
    }
    json.key("agreement");
    write_package_json(json, s, tabled.agreement);
    json.end_object();
  }
  json.end_array();
  if (s.durability) {
    // Only with a durability section: without one the JSON is what it always was.
    json.key("durability").begin_array();
    for (const PackageDurability& d : a.durability) {
      json.begin_object().field("package", d.package);
      if (d.package == "proposal") json.field("party", s.parties[d.party].id);
      write_peace_fields_json(json, s, d.outlook, d.utilities);
      json.end_object();
    }
    json.end_array();
  }
  json.key("frontier").begin_object().field("exact", a.space.is_exact()).field("epsilon", a.space.epsilon());
  json.key("points").begin_array();
  for (std::size_t p = 0; p < a.space.point_count(); ++p) {
    const SpacePoint point = a.space.point(p);
    json.begin_object().key("utilities").begin_object();
    for (const std::size_t i : a.space.veto_parties()) json.field(s.parties[i].id, a.space.utility(point, i));
    json.end_object().key("agreement");
    write_package_json(json, s, a.space.package(point));
    if (a.space.is_exact() && p + 1 < a.space.point_count())
      json.field("edge_to_next", a.space.frontier().edge_kind(p) == ParetoFrontier::EdgeKind::segment ? "segment" : "gap");
    json.end_object();
  }
  json.end_array().end_object().end_object();
  out << "\n";
}

// ---- CSV: V_i(0, s) over s --------------------------------------------------------------

void write_analysis_csv(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  CsvWriter csv(out);
  std::vector<std::string> header{"state", "share"};
  for (const auto& p : s.parties) header.push_back(p.id);
  // The value as each party believes it (its prior over the advantage): differs from the
  // true column for a party with a non-degenerate prior (DESIGN 1.5).
  if (s.battlefield)
    for (const auto& p : s.parties) header.push_back(p.id + "_believed");
  csv.write_row(header);
  const int states = a.true_values.front().state_count();
  for (int state = 0; state < states; ++state) {
    std::vector<std::string> row{std::to_string(state),
                                 format_shortest(front_share(s, state))};
    for (std::size_t i = 0; i < s.parties.size(); ++i) row.push_back(format_shortest(a.true_values[i](0, state)));
    if (s.battlefield)
      for (std::size_t i = 0; i < s.parties.size(); ++i)
        row.push_back(format_shortest(a.subjective_by_state[i][static_cast<std::size_t>(state)]));
    csv.write_row(row);
  }
}

// ---- table ------------------------------------------------------------------------------

void write_solution_table(std::ostream& out, const Scenario& s, const char* title,
                          const std::optional<BargainingSolution>& solution) {
  out << "\n" << title << "\n";
  if (!solution) {
    out << "  none: the zone of possible agreement is empty\n";
    return;
  }
  out << utilities_line(s, solution->utilities, 3) << "\n";
  for (const auto& line : package_lines(s, solution->agreement)) out << "  " << line << "\n";
}

/// Says in words which clauses the Nash package holds and why: a clause is in when the veto
/// parties' gains from it raise the Nash product, out when flipping it in would lower it.
void write_nash_clauses(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  if (!a.nash_explained || a.nash_explained->clauses.empty()) return;
  const auto veto = a.space.veto_parties();
  out << "\nWhy these clauses (gain to each veto party if the clause is in; Nash product "
      << format_fixed(a.nash_explained->nash_product, 4) << ")\n";
  // One gain column per veto party: the Nash product is over all of them.
  std::vector<std::string> header{"clause", "in"};
  std::vector<TableWriter::Align> align{TableWriter::Align::left, TableWriter::Align::left};
  for (const std::size_t i : veto) {
    header.push_back(s.parties[i].id);
    align.push_back(TableWriter::Align::right);
  }
  header.emplace_back("product if flipped");
  align.push_back(TableWriter::Align::right);
  TableWriter table(header, align);
  for (const ClauseAssessment& c : a.nash_explained->clauses) {
    std::vector<std::string> row{s.issues[c.issue].clauses[c.clause].id, c.included ? "yes" : "no"};
    for (const std::size_t i : veto) row.push_back(format_signed(c.gain[i], 4));
    row.push_back(format_fixed(c.nash_product_flipped, 4));
    table.add_row(row);
  }
  table.write(out, "  ");
}

void write_zopa_table(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  const Zopa& z = a.zopa;
  out << "\nZone of possible agreement (d = each party's value of "
      << (s.battlefield ? "fighting on, as it believes" : "disagreement") << ")\n";
  TableWriter table({"party", "d", "ideal", "best the others allow", "range in the zone"},
                        {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::right,
                         TableWriter::Align::right, TableWriter::Align::right});
  for (const ZopaSide& side : z.sides) {
    table.add_row({party_label(s, side.party), format_fixed(side.disagreement, 3), format_fixed(side.ideal, 3),
                   side.best_given_others ? format_fixed(*side.best_given_others, 3) : "none",
                   z.exists ? "[" + format_fixed(side.low, 3) + ", " + format_fixed(side.high, 3) + "]" : "-"});
  }
  table.write(out, "  ");
  if (z.exists) {
    out << "  The zone exists: every package in it is worth more to each veto party than "
        << (s.battlefield ? "fighting on" : "disagreement") << ".\n";
  } else {
    out << "  The zone is EMPTY: ";
    if (z.disagreement_welfare > z.max_welfare) {
      out << "the veto parties' values of " << (s.battlefield ? "fighting on" : "disagreement") << " add up to "
          << format_fixed(z.disagreement_welfare, 3) << ", more than any package can give them together ("
          << format_fixed(z.max_welfare, 3) << ")";
      if (s.battlefield) out << " - mutual optimism about the battlefield (Fearon 1995; Slantchev 2003)";
      out << ".\n";
    } else {
      out << "no package gives every veto party its value of " << (s.battlefield ? "fighting on" : "disagreement")
          << ": what one needs, the other cannot concede on the frontier.\n";
    }
    if (s.battlefield && a.zopa_complete_information.exists)
      out << "  Under the true advantage (complete information) the zone would exist: the parties' beliefs close it.\n";
  }
}

/// The zone without a limit, against the zone with every limit: "most welfare 1.268 (now
/// 1.260); russia up to 0.920 (now 0.889); ...", or "the zone is empty too".
std::string zone_without_text(const Scenario& s, const ScenarioAnalysis& a, const Zopa& without) {
  if (!without.exists) return "the zone is empty too";
  std::string text = "most welfare " + format_fixed(without.max_welfare, 3) + " (now " + format_fixed(a.zopa.max_welfare, 3) + ")";
  for (std::size_t k = 0; k < without.sides.size(); ++k)
    text += "; " + s.parties[without.sides[k].party].id + " up to " + format_fixed(without.sides[k].high, 3) +
            (a.zopa.exists ? " (now " + format_fixed(a.zopa.sides[k].high, 3) + ")" : "");
  return text;
}

std::string effect_words(const char* effect) {
  const std::string e = effect;
  return e == "empties" ? "EMPTIES the zone" : e == "narrows" ? "narrows the zone" : "does not bind";
}

/// What all of them together do: "Without any red line the zone exists, with most welfare ...".
void write_all_lifted(std::ostream& out, const ScenarioAnalysis& a, const Zopa& none, const char* what) {
  out << "  Without any " << what << " the zone " << (none.exists ? "exists" : "is empty too");
  if (none.exists) out << ", with most welfare " << format_fixed(none.max_welfare, 3);
  out << (none.exists && !a.zopa.exists ? std::string(": together they empty it") : std::string()) << ".\n";
}

/// The veto parties' red lines and the constraints between terms against the zone (issue 15):
/// what each one does to it when lifted alone, and what they do together.
void write_limits_table(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  using Align = TableWriter::Align;
  if (a.zopa_without_red_lines) {
    out << "\nRed lines and the zone (each lifted in turn, the others kept)\n";
    TableWriter table({"party", "red line", "effect", "without it"}, {Align::left, Align::left, Align::left, Align::left});
    for (const RedLineEffect& e : a.red_line_effects)
      table.add_row({party_label(s, e.party), red_line_text(s, s.parties[e.party].red_lines[e.line]),
                     effect_words(limit_effect(a, e.without)), zone_without_text(s, a, e.without)});
    table.write(out, "  ");
    write_all_lifted(out, a, *a.zopa_without_red_lines, "red line");
  }
  if (a.zopa_without_constraints) {
    out << "\nConstraints between terms and the zone (each lifted in turn, the others kept)\n";
    TableWriter table({"constraint", "effect", "without it"}, {Align::left, Align::left, Align::left});
    for (const ConstraintEffect& e : a.constraint_effects)
      table.add_row({constraint_text(s, s.constraints[e.constraint]), effect_words(limit_effect(a, e.without)),
                     zone_without_text(s, a, e.without)});
    table.write(out, "  ");
    write_all_lifted(out, a, *a.zopa_without_constraints, "constraint");
  }
}

/// Each tabled package (a mediator's plan, say) held against the disagreement point: who gains
/// from signing it and who would rather fight on.
void write_proposals_table(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  const char* fallback = s.battlefield ? "fighting on" : "disagreement";
  for (const ProposalAssessment& tabled : a.proposals) {
    out << "\nThe package " << party_label(s, tabled.party) << " tables, against each party's value of " << fallback
        << "\n";
    // With leverage (issue 15), what fighting on is worth to a party under the measures aimed at it.
    const bool leverage = !tabled.value_under_leverage.empty();
    std::vector<std::string> header{"party", "utility", "d", "margin"};
    std::vector<TableWriter::Align> align{TableWriter::Align::left, TableWriter::Align::right,
                                          TableWriter::Align::right, TableWriter::Align::right};
    if (leverage) {
      header.push_back("fighting on under its measures");
      align.push_back(TableWriter::Align::right);
    }
    TableWriter table(header, align);
    for (std::size_t i = 0; i < s.parties.size(); ++i) {
      std::vector<std::string> row{party_label(s, i), format_fixed(tabled.utilities[i], 3),
                                   format_fixed(a.disagreement[i], 3),
                                   format_signed(tabled.utilities[i] - a.disagreement[i], 3)};
      if (leverage)
        row.push_back(tabled.value_under_leverage[i] == a.war_value[i] ? "-"
                                                                        : format_fixed(tabled.value_under_leverage[i], 3));
      table.add_row(row);
    }
    table.write(out, "  ");
    if (leverage)
      for (const Leverage& m : s.leverage)
        out << "  While " << party_label(s, m.on) << " rejects it: " << leverage_text(s, m) << ".\n";
    for (const std::size_t c : tabled.constraints_broken)
      out << "  It breaks the constraint " << constraint_text(s, s.constraints[c]) << ": nobody can sign it.\n";
    for (const std::size_t i : tabled.red_lines_crossed_by) {
      out << "  It crosses " << party_label(s, i) << "'s red line";
      for (const std::size_t r : s.red_lines_crossed(i, tabled.agreement))
        out << " (" << red_line_text(s, s.parties[i].red_lines[r]) << ")";
      out << ", which it never signs.\n";
    }
    if (tabled.rejected_by.empty()) {
      out << "  Every veto party gains from signing it.\n";
    } else {
      std::string who;
      for (std::size_t k = 0; k < tabled.rejected_by.size(); ++k)
        who += (k == 0 ? "" : k + 1 == tabled.rejected_by.size() ? " and " : ", ") + party_label(s, tabled.rejected_by[k]);
      out << "  " << who << (tabled.rejected_by.size() == 1 ? " prefers " : " prefer ") << fallback
          << " to it: as tabled it cannot pass.\n";
    }
    for (const auto& line : package_lines(s, tabled.agreement)) out << "  " << line << "\n";
  }
}

/// The peace each package would make if signed now (issue 14), when the scenario has a
/// durability section: its hazard, expected length, the chance it holds, whether it is
/// self-enforcing, and each veto party's value of it against its value were the peace final.
void write_durability_table(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  if (a.durability.empty()) return;
  const auto horizons = holding_horizons(s);
  out << "\nThe peace each package would make, signed now (base hazard "
      << format_fixed(s.durability->base_hazard, 4) << " per " << s.period_unit << ")\n";
  std::vector<std::string> header{"package", "hazard", "expected peace"};
  std::vector<TableWriter::Align> align{TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::right};
  for (const auto& [periods, heading] : horizons) {
    header.push_back(heading);
    align.push_back(TableWriter::Align::right);
  }
  header.emplace_back("self-enforcing");
  align.push_back(TableWriter::Align::left);
  TableWriter table(header, align);
  for (const PackageDurability& d : a.durability) {
    std::vector<std::string> row{durability_package_name(s, d), format_fixed(d.outlook.hazard, 4),
                                 format_fixed(d.outlook.expected_periods(), 1) + " " + s.period_unit + "s"};
    for (const auto& [periods, heading] : horizons) row.push_back(format_fixed(d.outlook.holds_probability(periods), 3));
    row.push_back(renewal_phrase(s, d.outlook));
    table.add_row(row);
  }
  table.write(out, "  ");
  out << "  (the peace is final at the horizon, " << s.horizon << " " << s.period_unit
      << "s; P(holds) counts a peace that reached it as holding; after a breakdown "
      << (a.renewed_talks ? "talks resume in the renewed war, as `parley solve` plays it)\n"
                          : "the renewed war is fought to the end: the solver cannot solve these talks)\n");
  out << "\nValue of each package to the veto parties: were the peace final, and as it may break\n";
  TableWriter values({"package", "party", "final", "may break", "difference"},
                     {TableWriter::Align::left, TableWriter::Align::left, TableWriter::Align::right,
                      TableWriter::Align::right, TableWriter::Align::right});
  for (const PackageDurability& d : a.durability) {
    bool first = true;
    for (const std::size_t i : s.veto_parties()) {
      const double with = d.outlook.value[i][0];
      values.add_row({first ? durability_package_name(s, d) : "", party_label(s, i), format_fixed(d.utilities[i], 4),
                      format_fixed(with, 4), format_signed(with - d.utilities[i], 4)});
      first = false;
    }
  }
  values.write(out, "  ");
}

void write_analysis_table(std::ostream& out, const Scenario& s, const ScenarioAnalysis& a) {
  out << printable_text(s.title) << " - exact analytics\n";
  if (a.outcome) {
    const auto& bf = *s.battlefield;
    out << "\nWar fought to the end with no talks, from state " << bf.start << " of " << bf.states << " over "
        << s.horizon << " " << s.period_unit << "s\n";
    TableWriter table({"outcome", "probability"}, {TableWriter::Align::left, TableWriter::Align::right});
    table.add_row({party_label(s, static_cast<std::size_t>(s.side_a())) + " collapses", format_fixed(a.outcome->collapse_a, 4)});
    table.add_row({party_label(s, static_cast<std::size_t>(s.side_b())) + " collapses", format_fixed(a.outcome->collapse_b, 4)});
    table.add_row({"front frozen at the horizon", format_fixed(a.outcome->frozen, 4)});
    table.write(out, "  ");
    out << "  expected duration " << format_fixed(a.outcome->expected_duration, 2) << " " << s.period_unit
        << "s, median " << a.outcome->median_duration << "\n";
  } else {
    out << "\nNo battlefield: disagreement at the deadline gives each party its reservation value.\n";
  }
  out << "\nValue of " << (s.battlefield ? "fighting to the end" : "disagreement") << " at the start\n";
  TableWriter values({"party", "role", "true value", "as it believes"},
                         {TableWriter::Align::left, TableWriter::Align::left, TableWriter::Align::right,
                          TableWriter::Align::right});
  for (std::size_t i = 0; i < s.parties.size(); ++i)
    values.add_row({party_label(s, i), to_string(s.parties[i].role), format_fixed(a.war_value[i], 4),
                    format_fixed(a.subjective_value[i], 4)});
  values.write(out, "  ");
  write_zopa_table(out, s, a);
  write_limits_table(out, s, a);
  write_solution_table(out, s, "Nash bargaining package (Nash 1950)", a.nash);
  write_nash_clauses(out, s, a);
  write_solution_table(out, s, "Kalai-Smorodinsky package (Kalai and Smorodinsky 1975)", a.kalai_smorodinsky);
  write_solution_table(out, s, "Maximum-welfare package", a.max_welfare);
  write_proposals_table(out, s, a);
  write_durability_table(out, s, a);
  out << "\nPareto frontier of the veto parties: " << a.space.point_count() << " points";
  if (a.space.is_exact()) {
    out << ", " << a.space.frontier().segment_count() << " of the edges between them continuous segments (exact)";
  } else {
    out << ", epsilon " << format_shortest(a.space.epsilon());
  }
  out << "; --format json lists them with their packages.\n";
}

}  // namespace

const char* limit_effect(const ScenarioAnalysis& a, const Zopa& without) {
  if (!a.zopa.exists) return without.exists ? "empties" : "none";
  if (!without.exists) return "none";  // cannot happen: lifting a limit only adds packages
  bool narrower = worth_more(without.max_welfare, a.zopa.max_welfare);
  for (std::size_t k = 0; k < a.zopa.sides.size(); ++k)
    narrower = narrower || worth_more(without.sides[k].high, a.zopa.sides[k].high);
  return narrower ? "narrows" : "none";
}

void write_analyze_table(std::ostream& out, const AnalyzeReport& report) {
  write_analysis_table(out, report.scenario, report.analysis);
}

void write_analyze_json(std::ostream& out, const AnalyzeReport& report) {
  write_analysis_json(out, report.scenario, report.analysis);
}

void write_analyze_csv(std::ostream& out, const AnalyzeReport& report) {
  write_analysis_csv(out, report.scenario, report.analysis);
}

}  // namespace parley::io
