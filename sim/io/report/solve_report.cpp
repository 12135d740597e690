#include "parley/io/report/solve_report.hpp"

#include "parley/io/report/artifact_warnings.hpp"
#include "parley/battlefield/war_value.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/table_writer.hpp"
#include "parley/io/report/package_report.hpp"
#include "parley/io/report/peace_report.hpp"

namespace parley::io {

SolveReport make_solve_report(const Scenario& scenario, const AgreementSpace& space,
                              const BargainingEquilibrium& equilibrium, int period) {
  SolveReport report{scenario, space, equilibrium, {}, period >= 0 ? period : equilibrium.first_talk_period()};
  for (std::size_t i = 0; i < scenario.parties.size(); ++i)
    report.war_value.push_back(war_value(scenario, i)(0, equilibrium.start_state()));
  return report;
}

int path_offer(const BargainingEquilibrium& eq, int t, int s) {
  const auto who = eq.proposers(t);
  int best = -1;
  for (std::size_t k = 0; k < who.size(); ++k) {
    if (!eq.offer(t, s, k).settles) continue;
    if (best >= 0 && who[k].stage != who[static_cast<std::size_t>(best)].stage) break;
    if (best < 0 || who[k].probability > who[static_cast<std::size_t>(best)].probability) best = static_cast<int>(k);
  }
  if (best < 0 && !who.empty()) best = 0;
  return best;
}

std::string issue_cell(const Scenario& s, std::size_t k, const Agreement& x, bool full_clauses) {
  const Issue& issue = s.issues[k];
  switch (issue.kind) {
    case IssueKind::continuous: return full_clauses ? format_shortest(x.amounts[k]) : format_fixed(x.amounts[k], 3);
    case IssueKind::ordinal: return issue.levels[static_cast<std::size_t>(x.level(k))];
    case IssueKind::clauses: {
      const auto in = included_clauses(s, k, x);
      if (!full_clauses) return std::to_string(in.size()) + "/" + std::to_string(issue.clauses.size());
      std::string joined;
      for (const auto& c : in) joined += (joined.empty() ? "" : ";") + c;
      return joined;
    }
  }
  return "";
}

namespace {

using Align = TableWriter::Align;

/// V_i(t, s) of every party i.
std::vector<double> values_at(const BargainingEquilibrium& eq, std::size_t parties, int t, int s) {
  std::vector<double> v(parties);
  for (std::size_t i = 0; i < parties; ++i) v[i] = eq.value(t, s, i);
  return v;
}

std::string protocol_sentence(const Scenario& s, const BargainingEquilibrium& eq) {
  const ProtocolParams& p = s.protocol;
  std::string when = !p.periods.empty() ? "at the listed periods"
                     : p.every == 1     ? "every " + s.period_unit
                                        : "every " + std::to_string(p.every) + " " + s.period_unit + "s";
  const int t0 = eq.first_talk_period();
  if (t0 < 0) return "No veto party proposes before the horizon: the equilibrium is the war fought to the end.";
  std::string who;
  const auto proposers = eq.proposers(t0);
  switch (p.kind) {
    case ProtocolParams::Kind::alternating:
      who = "the proposers take turns in the order of protocol.order";
      break;
    case ProtocolParams::Kind::random:
      who = "one proposer is drawn with the recognition probabilities";
      break;
    case ProtocolParams::Kind::mediated:
      who = eq.plan_stage()
                ? "the mediator's plan is tabled first and passes where every veto party gets at least what "
                  "rejecting it leads to"
                : "the mediator's package comes first (the solver does not model it: it passes only where it is as "
                  "good for every veto party as what follows)";
      if (proposers.empty()) {
        who += "; no counter-proposals";
        break;
      }
      who += "; then ";
      for (std::size_t k = 0; k < proposers.size(); ++k)
        who += (k == 0 ? "" : k + 1 == proposers.size() ? " then " : ", ") + s.parties[proposers[k].party].id;
      who += " counter-propose in turn (the last has the proposer's power)";
      break;
  }
  return std::string(to_string(p.kind)) + " talks " + when + ": " + who + ".";
}

/// The peace that agreement x, signed at (t, s), would make (issue 14): two lines under the
/// equilibrium offer. A renewed war is valued as the solver plays it (its renewed wars).
void write_offer_peace(std::ostream& out, const Scenario& sc, const PeaceOffers& peace, const Agreement& x, int t,
                       int s) {
  const PeaceOutlook outlook = peace_outlook(peace.terms_of(x, t, s));
  out << "  the peace it makes: hazard " << format_fixed(outlook.hazard, 4) << " a " << sc.period_unit << ", "
      << format_fixed(outlook.expected_periods(), 1) << " " << sc.period_unit << "s of peace expected";
  for (const auto& [periods, heading] : holding_horizons(sc))
    out << ", " << heading << " " << format_fixed(outlook.holds_probability(periods), 3);
  out << "; self-enforcing: " << renewal_phrase(sc, outlook) << "\n";
  out << "  (the model ends at " << sc.period_unit << " " << sc.horizon
      << ": a peace that reaches it counts as final, which caps its expected length and P(holds))\n";
  out << "  value of the peace as it may break (were it final):";
  for (std::size_t i = 0; i < sc.parties.size(); ++i)
    out << " " << sc.parties[i].id << " " << format_fixed(outlook.value[i][0], 4) << " ("
        << format_fixed(sc.utility(i, x), 4) << ")";
  out << "\n";
}

/// The plan's verdict as a word: "passes", "rejected", "not_self_enforcing".
const char* verdict_name(PlanVerdict verdict) {
  switch (verdict) {
    case PlanVerdict::passes: return "passes";
    case PlanVerdict::rejected: return "rejected";
    case PlanVerdict::not_self_enforcing: return "not_self_enforcing";
  }
  return "";
}

/// The veto parties that reject the plan at (t, s), in veto order (the solver's verdict).
std::vector<std::size_t> plan_rejecters(const BargainingEquilibrium& eq, int t, int s) {
  std::vector<std::size_t> out;
  const std::uint64_t mask = eq.plan_rejected_by(t, s);
  for (std::size_t b = 0; b < eq.veto_parties().size(); ++b)
    if (mask >> b & 1U) out.push_back(eq.veto_parties()[b]);
  return out;
}

/// The mediator's plan at (t, s) in words (issue 15): whether it passes, who rejects it and
/// why, and the package.
void write_plan_lines(std::ostream& out, const Scenario& sc, const BargainingEquilibrium& eq, int t, int s) {
  const PlanVerdict verdict = eq.plan_verdict(t, s);
  out << "  " << party_label(sc, eq.mediator()) << " tables its plan; ";
  if (verdict == PlanVerdict::passes) {
    out << "it is accepted (every veto party gets at least what rejecting it leads to)\n";
  } else if (verdict == PlanVerdict::not_self_enforcing) {
    out << "it is not accepted: a belligerent would renew the war from it, so it makes no peace\n";
  } else if (eq.plan_breaks_constraint()) {
    out << "it cannot be signed: it breaks the constraint "
        << constraint_text(sc, sc.constraints[sc.constraints_broken(eq.plan()).front()]) << "\n";
  } else {
    out << "it is rejected by";
    for (const std::size_t j : plan_rejecters(eq, t, s)) {
      out << " " << sc.parties[j].id;
      if (const auto crossed = sc.red_lines_crossed(j, eq.plan()); !crossed.empty())
        out << " (it crosses its red line on " << sc.issues[sc.parties[j].red_lines[crossed.front()].issue].id << ")";
      else
        out << " (" << format_fixed(eq.plan_utilities(t, s)[j], 4) << " < "
            << format_fixed(eq.plan_rejection_value(t, s, j), 4) << " from rejecting)";
    }
    out << "\n";
  }
  if (verdict != PlanVerdict::not_self_enforcing) out << utilities_line(sc, eq.plan_utilities(t, s), 4) << "\n";
  // Leverage (issue 15): the measures its rejection puts in force if the talks fail.
  const std::uint64_t in_force = eq.between_talks_mask(eq.after_talks(t, s));
  for (const Leverage& m : sc.leverage)
    if (leverage_in_force(m, eq.veto_parties(), in_force))
      out << "  if the talks fail, in force until the next talks (" << sc.parties[m.on].id
          << " rejected the plan): " << leverage_text(sc, m) << "\n";
  for (const auto& line : package_lines(sc, eq.plan())) out << "  " << line << "\n";
}

// ---- JSON -------------------------------------------------------------------------------

void write_offer_json(JsonWriter& json, const SolveReport& r, int t, int s, std::size_t k, Agreement& scratch) {
  const Scenario& sc = r.scenario;
  const Recognition& who = r.equilibrium.proposers(t)[k];
  const EquilibriumOffer& offer = r.equilibrium.offer(t, s, k);
  json.begin_object().field("proposer", sc.parties[who.party].id).field("probability", who.probability);
  json.field("stage", static_cast<int>(who.stage)).field("feasible", offer.feasible).field("settles", offer.settles);
  json.key("utilities");
  write_party_values_json(json, sc, r.equilibrium.offer_utilities(t, s, k));
  json.key("agreement");
  if (offer.feasible) {
    r.equilibrium.package_into(offer.point, scratch);
    write_package_json(json, sc, scratch);
  } else {
    json.null();
  }
  if (r.equilibrium.peace_offers()) {
    // Only under durability: the peace the offer would make if signed at (t, s).
    json.key("peace");
    if (offer.feasible) {
      json.begin_object();
      std::vector<double> final_utilities;
      for (std::size_t i = 0; i < sc.parties.size(); ++i) final_utilities.push_back(sc.utility(i, scratch));
      write_peace_fields_json(json, sc, peace_outlook(r.equilibrium.peace_offers()->terms_of(scratch, t, s)),
                              final_utilities);
      json.end_object();
    } else {
      json.null();
    }
  }
  json.end_object();
}

void write_equilibrium_json(std::ostream& out, const SolveReport& r, const RobustnessCheck* robustness) {
  const Scenario& sc = r.scenario;
  const BargainingEquilibrium& eq = r.equilibrium;
  const int s0 = eq.start_state();
  const EquilibriumPath& path = eq.path();
  Agreement scratch;
  JsonWriter json(out);
  json.begin_object().field("scenario", sc.id).field("title", sc.title).field("protocol", to_string(sc.protocol.kind));
  json.field("horizon", sc.horizon).field("start_state", s0);
  json.field("model_of_play", "complete-information equilibrium");
  write_warnings_json(json, solve_warnings(sc, eq));
  json.key("value");
  write_party_values_json(json, sc, values_at(eq, sc.parties.size(), 0, s0));
  json.key("war_value");
  write_party_values_json(json, sc, r.war_value);
  json.field("settlement_probability", path.settled);
  json.field("settlement_period", path.expected_settlement_period);  // NaN -> null without agreement
  json.key("outcomes").begin_object().field("settled", path.settled).field("collapse_a", path.collapse_a);
  json.field("collapse_b", path.collapse_b).field("frozen", path.frozen).end_object();
  json.field("expected_duration", path.expected_duration);
  json.key("first_talks");
  if (r.period >= 0) json.value(r.period); else json.null();
  json.key("offer");
  const int k0 = r.period >= 0 ? path_offer(eq, r.period, s0) : -1;
  if (k0 >= 0) write_offer_json(json, r, r.period, s0, static_cast<std::size_t>(k0), scratch);
  else json.null();
  if (const PeaceOffers* peace = eq.peace_offers(); peace && k0 >= 0) {
    // Only under durability: why the reported offer can or cannot be made (issue 14). A
    // commitment problem is an offer nothing feasible meets although self-enforcing packages
    // exist (Powell 2006); no self-enforcing package at all is the other way to fail.
    const bool any = peace->any_self_enforcing(r.period, s0);
    const bool feasible = eq.offer(r.period, s0, static_cast<std::size_t>(k0)).feasible;
    json.key("durability").begin_object().field("classes", static_cast<std::uint64_t>(peace->class_count()));
    json.field("any_self_enforcing", any).field("commitment_problem", any && !feasible).end_object();
  }
  json.key("plan");
  if (eq.plan_stage() && r.period >= 0) {
    // The mediator's plan as the solver's first stage (issue 15), at (period, s_0).
    json.begin_object().field("mediator", sc.parties[eq.mediator()].id);
    json.field("verdict", verdict_name(eq.plan_verdict(r.period, s0)));
    json.key("utilities");
    write_party_values_json(json, sc, eq.plan_utilities(r.period, s0));
    std::vector<double> rejecting;
    for (std::size_t i = 0; i < sc.parties.size(); ++i) rejecting.push_back(eq.plan_rejection_value(r.period, s0, i));
    json.key("rejection_values");
    write_party_values_json(json, sc, rejecting);
    json.key("rejected_by").begin_array();
    if (eq.plan_verdict(r.period, s0) == PlanVerdict::rejected)
      for (const std::size_t j : plan_rejecters(eq, r.period, s0)) json.value(sc.parties[j].id);
    json.end_array();
    if (!sc.leverage.empty()) {
      // The measures in force if the talks there fail (issue 15), by their targets.
      json.key("leverage_if_talks_fail").begin_array();
      const std::uint64_t in_force = eq.between_talks_mask(eq.after_talks(r.period, s0));
      for (std::size_t b = 0; b < eq.veto_parties().size(); ++b)
        if (in_force >> b & 1U) json.value(sc.parties[eq.veto_parties()[b]].id);
      json.end_array();
    }
    json.key("agreement");
    write_package_json(json, sc, eq.plan());
    json.field("settlement_probability", path.settled_on_plan).end_object();
  } else {
    json.null();
  }
  if (eq.between_talks_count() > 1 && r.period >= 0) {
    // Pressure (issue 15): who presses until the next talks if the talks at (period, s_0) fail.
    json.key("pressing_if_talks_fail").begin_array();
    const std::uint64_t pressing = eq.between_talks_mask(eq.after_talks(r.period, s0)) >> kPressingBit;
    for (std::size_t b = 0; b < eq.veto_parties().size(); ++b)
      if (pressing >> b & 1U) json.value(sc.parties[eq.veto_parties()[b]].id);
    json.end_array();
  }
  json.key("offers").begin_array();
  if (r.period >= 0)
    for (std::size_t k = 0; k < eq.proposers(r.period).size(); ++k) write_offer_json(json, r, r.period, s0, k, scratch);
  json.end_array();
  json.key("states").begin_array();
  if (r.period >= 0) {
    for (int s = 0; s < eq.state_count(); ++s) {
      if (eq.absorbing(s)) continue;
      json.begin_object().field("state", s).field("share", front_share(sc, s));
      json.field("settlement_probability", eq.settlement_probability(r.period, s));
      if (eq.plan_stage()) json.field("plan", verdict_name(eq.plan_verdict(r.period, s)));
      json.key("value");
      write_party_values_json(json, sc, values_at(eq, sc.parties.size(), r.period, s));
      json.key("offers").begin_array();
      for (std::size_t k = 0; k < eq.proposers(r.period).size(); ++k) write_offer_json(json, r, r.period, s, k, scratch);
      json.end_array().end_object();
    }
  }
  json.end_array();
  if (robustness) write_robustness_json(json, *robustness);
  json.end_object();
  out << "\n";
}

// ---- CSV: one row per interior state and proposer at the reported period ------------------

void write_equilibrium_csv(std::ostream& out, const SolveReport& r) {
  const Scenario& sc = r.scenario;
  const BargainingEquilibrium& eq = r.equilibrium;
  CsvWriter csv(out);
  std::vector<std::string> header{"period", "state", "share", "settlement_probability", "proposer", "stage",
                                  "probability", "feasible", "settles"};
  for (const auto& p : sc.parties) header.push_back("value." + p.id);
  for (const auto& p : sc.parties) header.push_back("offer." + p.id);
  for (const auto& issue : sc.issues) header.push_back("terms." + issue.id);
  csv.write_row(header);
  if (r.period < 0) return;
  Agreement x;
  for (int s = 0; s < eq.state_count(); ++s) {
    if (eq.absorbing(s)) continue;
    if (eq.plan_stage()) {
      // The mediator's plan, the first stage (issue 15): stage "plan", feasible unless it makes
      // no peace, settling where it passes.
      const PlanVerdict verdict = eq.plan_verdict(r.period, s);
      csv.field(r.period).field(s).field(front_share(sc, s)).field(eq.settlement_probability(r.period, s));
      csv.field(sc.parties[eq.mediator()].id).field("plan").field(1.0);
      csv.field(verdict == PlanVerdict::not_self_enforcing ? "false" : "true");
      csv.field(verdict == PlanVerdict::passes ? "true" : "false");
      for (std::size_t i = 0; i < sc.parties.size(); ++i) csv.field(eq.value(r.period, s, i));
      for (const double u : eq.plan_utilities(r.period, s)) csv.field(u);
      for (std::size_t issue = 0; issue < sc.issues.size(); ++issue) csv.field(issue_cell(sc, issue, eq.plan(), true));
      csv.end_row();
    }
    const auto who = eq.proposers(r.period);
    for (std::size_t k = 0; k < who.size(); ++k) {
      const EquilibriumOffer& offer = eq.offer(r.period, s, k);
      csv.field(r.period).field(s).field(front_share(sc, s)).field(eq.settlement_probability(r.period, s));
      csv.field(sc.parties[who[k].party].id).field(static_cast<int>(who[k].stage)).field(who[k].probability);
      csv.field(offer.feasible ? "true" : "false").field(offer.settles ? "true" : "false");
      for (std::size_t i = 0; i < sc.parties.size(); ++i) csv.field(eq.value(r.period, s, i));
      const auto u = eq.offer_utilities(r.period, s, k);
      for (std::size_t i = 0; i < sc.parties.size(); ++i) csv.field(u[i]);
      if (offer.feasible) r.equilibrium.package_into(offer.point, x);
      for (std::size_t issue = 0; issue < sc.issues.size(); ++issue)
        csv.field(offer.feasible ? issue_cell(sc, issue, x, true) : std::string());
      csv.end_row();
    }
  }
}

// ---- table ------------------------------------------------------------------------------

void write_equilibrium_table(std::ostream& out, const SolveReport& r) {
  const Scenario& sc = r.scenario;
  const BargainingEquilibrium& eq = r.equilibrium;
  const int s0 = eq.start_state();
  const EquilibriumPath& path = eq.path();
  const std::string unit = sc.period_unit;
  out << printable_text(sc.title) << " - subgame-perfect equilibrium under complete information\n\n";
  out << protocol_sentence(sc, eq) << "\n";
  out << "Model of play: the subgame-perfect equilibrium under complete information"
      << (sc.battlefield ? ": every party knows the true battlefield schedule" : "")
      << "; not the scenario's strategies (`parley run` plays those, with beliefs).\n";
  for (const ArtifactWarning& w : solve_warnings(sc, eq)) out << "Warning: " << w.message << "\n";

  out << "\nValues at the start (period 0" << (sc.battlefield ? ", front at state " + std::to_string(s0) + " of " +
                                                                   std::to_string(sc.battlefield->states)
                                                             : std::string())
      << ")\n";
  TableWriter values({"party", "role", "equilibrium", sc.battlefield ? "fighting to the end" : "no deal", "gain"},
                         {Align::left, Align::left, Align::right, Align::right, Align::right});
  for (std::size_t i = 0; i < sc.parties.size(); ++i)
    values.add_row({party_label(sc, i), to_string(sc.parties[i].role), format_fixed(eq.value(0, s0, i), 4),
                    format_fixed(r.war_value[i], 4), format_signed(eq.value(0, s0, i) - r.war_value[i], 4)});
  values.write(out, "  ");
  if (eq.between_talks_count() > 1)
    out << "  (fighting to the end: with no leverage measure and no offensive; in equilibrium they come into force "
           "after failed talks, so a party may get less than this)\n";

  out << "\nHow the equilibrium plays out\n";
  TableWriter outcomes({"outcome", "probability"}, {Align::left, Align::right});
  outcomes.add_row({"agreement", format_fixed(path.settled, 4)});
  if (sc.battlefield) {
    outcomes.add_row({party_label(sc, static_cast<std::size_t>(sc.side_a())) + " collapses", format_fixed(path.collapse_a, 4)});
    outcomes.add_row({party_label(sc, static_cast<std::size_t>(sc.side_b())) + " collapses", format_fixed(path.collapse_b, 4)});
  }
  outcomes.add_row({sc.battlefield ? "front frozen at the horizon" : "no deal by the horizon", format_fixed(path.frozen, 4)});
  outcomes.write(out, "  ");
  if (path.settled > 0.0) {
    out << "  agreement comes, when it comes, in " << unit << " " << format_fixed(path.expected_settlement_period, 2)
        << " on average";
    if (path.settled_at.size() > 0 && path.settled_at[0] == path.settled) out << " (at once: the first talks settle)";
    out << "\n";
  } else {
    out << "  no agreement is ever reached in equilibrium\n";
  }
  out << "  expected fighting: " << format_fixed(path.expected_duration, 2) << " " << unit << "s\n";

  if (r.period < 0) return;
  const int k0 = path_offer(eq, r.period, s0);
  out << "\nEquilibrium offer at " << unit << " " << r.period
      << (sc.battlefield ? ", front at state " + std::to_string(s0) : std::string()) << "\n";
  const bool plan_passes = eq.plan_stage() && eq.plan_verdict(r.period, s0) == PlanVerdict::passes;
  if (eq.plan_stage()) {
    write_plan_lines(out, sc, eq, r.period, s0);
    if (plan_passes && eq.peace_offers()) write_offer_peace(out, sc, *eq.peace_offers(), eq.plan(), r.period, s0);
    if (plan_passes && k0 >= 0) out << "  (the counter-proposals that would follow its rejection are not made)\n";
  }
  const auto who = eq.proposers(r.period);
  if (k0 >= 0 && !plan_passes) {
    const EquilibriumOffer& offer = eq.offer(r.period, s0, static_cast<std::size_t>(k0));
    const std::size_t proposer = who[static_cast<std::size_t>(k0)].party;
    out << "  " << party_label(sc, proposer) << (eq.plan_stage() ? " counter-proposes" : " proposes")
        << (who.size() > 1 && sc.protocol.kind == ProtocolParams::Kind::random
                ? " (recognised with probability " + format_fixed(who[static_cast<std::size_t>(k0)].probability, 3) + ")"
                : std::string())
        << (offer.settles ? "; it is accepted"
            : offer.feasible ? "; it would not settle: the proposer prefers to fight on"
            : eq.peace_offers() ? "; no package that every belligerent would keep meets the others' values of rejecting"
                                : "; no package meets the others' values of rejecting")
        << "\n";
    if (offer.feasible) {
      out << utilities_line(sc, eq.offer_utilities(r.period, s0, static_cast<std::size_t>(k0)), 4) << "\n";
      const Agreement x = r.equilibrium.package(offer.point);
      for (const auto& line : package_lines(sc, x)) out << "  " << line << "\n";
      if (eq.peace_offers()) write_offer_peace(out, sc, *eq.peace_offers(), x, r.period, s0);
    } else if (const PeaceOffers* peace = eq.peace_offers()) {
      out << (peace->any_self_enforcing(r.period, s0)
                  ? "  Packages that no belligerent would break exist, but none gives the others what fighting on is "
                    "worth to them now: what the stronger side could promise after the settlement is less than the "
                    "weaker side can take by fighting before the balance shifts (Powell 2006's commitment problem).\n"
                  : "  No package is self-enforcing here: whatever is signed, a belligerent would renew the war under "
                    "the post-settlement balance.\n");
    }
  }
  // Pressure (issue 15): who presses until the next talks if these fail.
  if (const std::uint64_t pressing = eq.between_talks_mask(eq.after_talks(r.period, s0)) >> kPressingBit; pressing != 0) {
    out << "  if the talks fail, pressing until the next talks:";
    for (std::size_t b = 0; b < eq.veto_parties().size(); ++b)
      if (pressing >> b & 1U) out << " " << sc.parties[eq.veto_parties()[b]].id;
    out << "\n";
  }

  if (!sc.battlefield) return;
  out << "\nOver the front's states at " << unit << " " << r.period
      << " (the offer that passes; --format csv lists every proposer's offer in full)\n";
  std::vector<std::string> header{"state", "share", "P(agree)", "proposer"};
  std::vector<Align> align{Align::right, Align::right, Align::right, Align::left};
  for (const std::size_t i : eq.veto_parties()) {
    header.push_back("V " + sc.parties[i].id);
    align.push_back(Align::right);
  }
  for (const auto& issue : sc.issues) {
    header.push_back(issue.id);
    align.push_back(issue.kind == IssueKind::ordinal ? Align::left : Align::right);
  }
  TableWriter table(header, align);
  Agreement x;
  for (int s = 0; s < eq.state_count(); ++s) {
    if (eq.absorbing(s)) continue;
    const int k = path_offer(eq, r.period, s);
    const bool on_plan = eq.plan_stage() && eq.plan_verdict(r.period, s) == PlanVerdict::passes;
    const EquilibriumOffer* o = k >= 0 ? &eq.offer(r.period, s, static_cast<std::size_t>(k)) : nullptr;
    std::vector<std::string> row{std::to_string(s), format_fixed(front_share(sc, s), 3),
                                 format_fixed(eq.settlement_probability(r.period, s), 3),
                                 on_plan ? sc.parties[eq.mediator()].id + " (plan)"
                                 : o     ? sc.parties[who[static_cast<std::size_t>(k)].party].id
                                         : std::string("-")};
    for (const std::size_t i : eq.veto_parties()) row.push_back(format_fixed(eq.value(r.period, s, i), 4));
    if (on_plan) x = eq.plan();
    else if (o && o->feasible) r.equilibrium.package_into(o->point, x);
    const bool settles = on_plan || (o && o->settles);
    for (std::size_t issue = 0; issue < sc.issues.size(); ++issue)
      row.push_back(settles ? issue_cell(sc, issue, x, false) : "-");
    table.add_row(row);
  }
  table.write(out, "  ");
}

}  // namespace

void write_solve_table(std::ostream& out, const SolveReport& report) { write_equilibrium_table(out, report); }
void write_solve_json(std::ostream& out, const SolveReport& report, const RobustnessCheck* robustness) {
  write_equilibrium_json(out, report, robustness);
}
void write_solve_csv(std::ostream& out, const SolveReport& report) { write_equilibrium_csv(out, report); }

}  // namespace parley::io
