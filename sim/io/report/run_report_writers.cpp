#include "parley/io/report/run_report_writers.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parley/io/report/artifact_warnings.hpp"
#include "parley/io/format/csv_writer.hpp"
#include "parley/io/format/json_writer.hpp"
#include "parley/io/format/number_format.hpp"
#include "parley/io/format/printable_text.hpp"
#include "parley/io/format/table_writer.hpp"

namespace parley::io {

namespace {

constexpr Outcome every_outcome[] = {Outcome::settled, Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen};

// ---- table --------------------------------------------------------------------------------

void write_terms_table(std::ostream& out, const Scenario& s, const std::vector<TermsSummary>& terms) {
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const TermsSummary& t = terms[k];
    const std::string title = issue.name.empty() || issue.name == issue.id ? issue.id : issue.name + " (" + issue.id + ")";
    switch (issue.kind) {
      case IssueKind::continuous:
        out << "  " << title << ": mean " << format_fixed(t.amount.mean, 3) << " " << interval_text(t.amount.ci95, 3)
            << (issue.unit.empty() ? "" : ", " + issue.unit) << "\n";
        break;
      case IssueKind::ordinal: {
        out << "  " << title << ":\n";
        TableWriter table({"level", "share"}, {TableWriter::Align::left, TableWriter::Align::right});
        for (std::size_t l = 0; l < issue.levels.size(); ++l) {
          const std::string name = l < issue.level_names.size() && issue.level_names[l] != issue.levels[l]
                                       ? issue.levels[l] + " (" + issue.level_names[l] + ")"
                                       : issue.levels[l];
          table.add_row({name, percent_text(t.level_frequencies[l])});
        }
        table.write(out, "    ");
        break;
      }
      case IssueKind::clauses: {
        out << "  " << title << ", how often each clause is in the deal:\n";
        TableWriter table({"clause", "in", "text"},
                          {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::left});
        for (std::size_t c = 0; c < issue.clauses.size(); ++c)
          table.add_row({issue.clauses[c].id, percent_text(t.clause_frequencies[c]), issue.clauses[c].text});
        table.write(out, "    ");
        break;
      }
    }
  }
}

// ---- JSON ---------------------------------------------------------------------------------

void write_interval_json(JsonWriter& json, const Interval& ci) {
  json.begin_array().value(ci.low).value(ci.high).end_array();
}

// `settled` >= 0 writes it first as `n_settled` (the count the conditional means are over).
void write_terms_json(JsonWriter& json, const Scenario& s, const std::vector<TermsSummary>& terms,
                      std::int64_t settled = -1) {
  json.begin_object();
  if (settled >= 0) json.field("n_settled", settled);
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const TermsSummary& t = terms[k];
    json.key(issue.id).begin_object();
    switch (issue.kind) {
      case IssueKind::continuous:
        json.field("mean", t.amount.mean).field("std_error", t.amount.std_error).key("ci95");
        write_interval_json(json, t.amount.ci95);
        break;
      case IssueKind::ordinal:
        json.field("mean_level", t.amount.mean).key("levels").begin_object();
        for (std::size_t l = 0; l < issue.levels.size(); ++l) json.field(issue.levels[l], t.level_frequencies[l]);
        json.end_object();
        break;
      case IssueKind::clauses:
        json.key("clauses").begin_object();
        for (std::size_t c = 0; c < issue.clauses.size(); ++c) json.field(issue.clauses[c].id, t.clause_frequencies[c]);
        json.end_object();
        break;
    }
    json.end_object();
  }
  json.end_object();
}

}  // namespace

void write_run_table(std::ostream& out, const RunReport& report) {
  const Scenario& s = report.scenario();
  const RunSummary& r = report.summary();
  const std::string& unit = s.period_unit;
  out << printable_text(s.title) << " (" << printable_text(s.id) << ")\n"
      << r.runs << " runs, seed " << r.seed << ", horizon " << s.horizon << " " << unit
      << "s; 95% intervals in brackets\n";
  // Which model of play this is, so that it is not read as the equilibrium (issue 16).
  out << "Model of play: each party follows the strategy the scenario gives it, judging offers by its "
         "beliefs about the battlefield; not an equilibrium (`parley solve` computes the complete-information "
         "equilibrium, and `--set parties.<id>.strategy=equilibrium` plays it)\n";
  for (const ArtifactWarning& w : run_warnings(s, r)) out << "Warning: " << w.message << "\n";
  out << "\n";

  out << "How the war ends\n";
  TableWriter outcomes({"outcome", "probability", "95% interval"},
                       {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::left});
  outcomes.add_row({"settled at the table", format_fixed(r.settled.p, 3), interval_text(r.settled.ci95, 3)});
  if (s.battlefield) {
    outcomes.add_row({collapse_label(s, true), format_fixed(r.collapse_a.p, 3), interval_text(r.collapse_a.ci95, 3)});
    outcomes.add_row({collapse_label(s, false), format_fixed(r.collapse_b.p, 3), interval_text(r.collapse_b.ci95, 3)});
    outcomes.add_row({"frozen at " + unit + " " + std::to_string(s.horizon), format_fixed(r.frozen.p, 3),
                      interval_text(r.frozen.ci95, 3)});
  } else {
    outcomes.add_row({"no deal by " + unit + " " + std::to_string(s.horizon), format_fixed(r.frozen.p, 3),
                      interval_text(r.frozen.ci95, 3)});
  }
  outcomes.write(out, "  ");

  if (r.durable) {
    // DESIGN 1.10: settlements may break; `settled at the table` above counts those that held.
    out << "\nWhether the peace lasts (a settlement may break and the war resume; DESIGN 1.10)\n";
    TableWriter peace({"", "probability", "95% interval"},
                      {TableWriter::Align::left, TableWriter::Align::right, TableWriter::Align::left});
    peace.add_row({"settled, the peace held to " + unit + " " + std::to_string(s.horizon), format_fixed(r.held.p, 3),
                   interval_text(r.held.ci95, 3)});
    peace.add_row({"a peace broke at least once", format_fixed(r.broke.p, 3), interval_text(r.broke.ci95, 3)});
    peace.add_row({"the war renewed at will at least once", format_fixed(r.renewed.p, 3),
                   interval_text(r.renewed.ci95, 3)});
    peace.write(out, "  ");
    out << "  times the peace broke: mean " << format_fixed(r.breakdowns.mean, 3) << " "
        << interval_text(r.breakdowns.ci95, 3) << "\n"
        << "  " << unit << "s of peace: mean " << format_fixed(r.peace_periods.mean, 1) << " "
        << interval_text(r.peace_periods.ci95, 1) << "; of fighting: mean " << format_fixed(r.fighting_periods.mean, 1)
        << " " << interval_text(r.fighting_periods.ci95, 1) << "\n";
    // When the talks first succeed, apart from whether that peace held: under durability the
    // settlements that hold may be only the late ones, where renewing no longer pays.
    out << "  an agreement was signed in " << format_fixed(r.signed_agreement.p, 3) << " "
        << interval_text(r.signed_agreement.ci95, 3);
    if (r.signed_agreement.count > 0)
      out << "; the first in " << unit << " " << histogram_quantile(r.first_agreement_periods, 1, 2)
          << " (median; 10% by " << unit << " " << histogram_quantile(r.first_agreement_periods, 1, 10) << ", 90% by "
          << unit << " " << histogram_quantile(r.first_agreement_periods, 9, 10) << ")";
    out << "\n";
  }

  out << "\nHow long it lasts (" << unit
      << (r.durable ? "s of fighting, before and after any breakdown of the peace)\n"
                    : "s until a settlement, a collapse or the freeze)\n")
      << "  mean " << format_fixed(r.duration.mean.mean, 1) << " " << interval_text(r.duration.mean.ci95, 1)
      << ", median " << r.duration.median << "; 10% are over by " << unit << " " << r.duration.p10 << ", 90% by "
      << unit << " " << r.duration.p90 << "\n";

  out << "\nExpected utility (discounted, net of the costs of war; DESIGN 1.1)\n";
  TableWriter parties({"party", "role", "strategy", "mean", "95% interval"},
                      {TableWriter::Align::left, TableWriter::Align::left, TableWriter::Align::left,
                       TableWriter::Align::right, TableWriter::Align::left});
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const Party& p = s.parties[i];
    parties.add_row({p.name, std::string(to_string(p.role)) + (p.veto ? ", veto" : ""),
                     strategy_label(report.simulation().strategy(i)), format_fixed(r.utility[i].mean, 3),
                     interval_text(r.utility[i].ci95, 3)});
  }
  parties.write(out, "  ");

  out << "\nThe typical settlement";
  if (r.settled.count == 0) {
    out << ": no run settled.\n";
    return;
  }
  out << " (" << r.settled.count << " settled runs; settled in " << unit << " "
      << format_fixed(r.settlement_period.mean, 1) << " on average, median "
      << histogram_quantile(r.settlement_periods, 1, 2) << ")\n";
  write_terms_table(out, s, r.settlement_terms);
}

void write_run_json(std::ostream& out, const RunReport& report, const RobustnessCheck* robustness) {
  const Scenario& s = report.scenario();
  const RunSummary& r = report.summary();
  JsonWriter json(out);
  json.begin_object().field("scenario", s.id).field("title", s.title);
  json.field("runs", r.runs).field("seed", r.seed).field("horizon", s.horizon).field("period", s.period_unit);
  json.field("model_of_play", "behavioural strategies with beliefs");
  write_warnings_json(json, run_warnings(s, r));
  json.key("outcomes").begin_object();
  for (const Outcome o : every_outcome) json.field(to_string(o), r.outcome(o).p);
  json.end_object().key("outcomes_ci95").begin_object();
  for (const Outcome o : every_outcome) {
    json.key(to_string(o));
    write_interval_json(json, r.outcome(o).ci95);
  }
  json.end_object();
  json.key("duration").begin_object().field("mean", r.duration.mean.mean).field("std_error", r.duration.mean.std_error);
  json.key("ci95");
  write_interval_json(json, r.duration.mean.ci95);
  json.field("median", r.duration.median).field("p10", r.duration.p10).field("p90", r.duration.p90);
  json.key("histogram").array(r.duration.histogram).end_object();
  json.key("parties").begin_object();
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    json.key(s.parties[i].id).begin_object();
    const StrategySpec& spec = report.simulation().strategy(i);
    json.key("strategy").begin_object().field("name", spec.name);
    for (const auto& [name, value] : spec.params) json.field(name, value);
    json.end_object();
    json.key("utility").begin_object().field("mean", r.utility[i].mean).field("std_error", r.utility[i].std_error);
    json.key("ci95");
    write_interval_json(json, r.utility[i].ci95);
    json.end_object().end_object();
  }
  json.end_object();
  json.field("settlements", r.settled.count);
  json.key("settlement_period").begin_object().field("mean", r.settlement_period.mean);
  json.field("median", histogram_quantile(r.settlement_periods, 1, 2));
  json.key("counts").array(r.settlement_periods).end_object();
  json.key("terms");
  write_terms_json(json, s, r.settlement_terms, r.settled.count);
  json.key("final_terms");
  write_terms_json(json, s, r.outcome_terms);
  if (r.durable) {
    // DESIGN 1.10, only with a durability section.
    const auto mean_json = [&json](const char* key, const MeanEstimate& m) {
      json.key(key).begin_object().field("mean", m.mean).field("std_error", m.std_error).key("ci95");
      write_interval_json(json, m.ci95);
      json.end_object();
    };
    // Shares as under "outcomes" (the value, its interval under "ci95"), means as "duration".
    json.key("durability").begin_object();
    json.field("held", r.held.p).field("broke", r.broke.p).field("renewed", r.renewed.p);
    json.key("counts").begin_object().field("held", r.held.count).field("broke", r.broke.count);
    json.field("renewed", r.renewed.count).end_object();
    json.key("ci95").begin_object();
    json.key("held");
    write_interval_json(json, r.held.ci95);
    json.key("broke");
    write_interval_json(json, r.broke.ci95);
    json.key("renewed");
    write_interval_json(json, r.renewed.ci95);
    json.end_object();
    mean_json("breakdowns", r.breakdowns);
    mean_json("peace_periods", r.peace_periods);
    mean_json("fighting_periods", r.fighting_periods);
    json.field("signed", r.signed_agreement.p).key("signed_ci95");
    write_interval_json(json, r.signed_agreement.ci95);
    json.key("first_agreement_period").begin_object();
    json.field("median", histogram_quantile(r.first_agreement_periods, 1, 2));
    json.key("counts").array(r.first_agreement_periods).end_object();
    json.end_object();
  }
  if (robustness) write_robustness_json(json, *robustness);
  json.end_object();
  out << "\n";
}

void write_run_csv(std::ostream& out, const RunReport& report) {
  const Scenario& s = report.scenario();
  const RunSummary& r = report.summary();
  std::vector<std::string> names;
  std::vector<std::string> values;
  const auto add = [&](std::string name, std::string value) {
    names.push_back(std::move(name));
    values.push_back(std::move(value));
  };
  const auto number = [](double x) { return format_shortest(x); };
  add("scenario", s.id);
  add("runs", std::to_string(r.runs));
  add("seed", std::to_string(r.seed));
  for (const Outcome o : every_outcome) {
    const std::string key = std::string("outcomes.") + to_string(o);
    add(key, number(r.outcome(o).p));
    add(key + ".ci95_low", number(r.outcome(o).ci95.low));
    add(key + ".ci95_high", number(r.outcome(o).ci95.high));
  }
  add("duration.mean", number(r.duration.mean.mean));
  add("duration.median", std::to_string(r.duration.median));
  add("duration.p10", std::to_string(r.duration.p10));
  add("duration.p90", std::to_string(r.duration.p90));
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    const std::string key = "parties." + s.parties[i].id + ".utility";
    add(key + ".mean", number(r.utility[i].mean));
    add(key + ".ci95_low", number(r.utility[i].ci95.low));
    add(key + ".ci95_high", number(r.utility[i].ci95.high));
  }
  add("settlement_period.mean", number(r.settlement_period.mean));
  // The terms columns exactly as a sweep's (RunReport::metrics): the count of settled runs, the
  // settlement terms (empty when no run settled) and the terms in force at the end of every run.
  for (const RunMetric& metric : report.metrics()) {
    if (metric.name.rfind("terms.", 0) != 0 && metric.name.rfind("final_terms.", 0) != 0) continue;
    add(metric.name, std::isnan(metric.value) ? std::string() : number(metric.value));
  }
  if (r.durable) {  // DESIGN 1.10, only with a durability section
    for (const auto& [key, share] : {std::pair<const char*, const ProportionEstimate*>{"durability.held", &r.held},
                                     {"durability.broke", &r.broke},
                                     {"durability.renewed", &r.renewed}}) {
      add(key, number(share->p));
      add(std::string(key) + ".ci95_low", number(share->ci95.low));
      add(std::string(key) + ".ci95_high", number(share->ci95.high));
    }
    add("durability.breakdowns.mean", number(r.breakdowns.mean));
    add("durability.peace_periods.mean", number(r.peace_periods.mean));
    add("durability.fighting_periods.mean", number(r.fighting_periods.mean));
    add("durability.signed", number(r.signed_agreement.p));
    add("durability.first_agreement_period.median",
        r.signed_agreement.count > 0 ? std::to_string(histogram_quantile(r.first_agreement_periods, 1, 2)) : "");
  }
  CsvWriter csv(out);
  csv.write_row(names);
  csv.write_row(values);
}

}  // namespace parley::io
