#include "parley/io/report/run_report.hpp"

#include <limits>

#include "parley/io/format/number_format.hpp"

namespace parley::io {

namespace {

// The metric row of a run of `scenario`, its values from `summary` (NaN without one): the one
// place where the names of the metrics are spelled, so the names and the values cannot drift.
std::vector<RunMetric> run_metrics(const Scenario& scenario, const RunSummary* summary) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<RunMetric> row;
  const auto add = [&row](std::string name, double value) { row.push_back({std::move(name), value}); };
  for (const Outcome o : {Outcome::settled, Outcome::collapse_a, Outcome::collapse_b, Outcome::frozen})
    add(std::string("outcomes.") + to_string(o), summary ? summary->outcome(o).p : nan);
  const DurationSummary* duration = summary ? &summary->duration : nullptr;
  add("duration.mean", duration ? duration->mean.mean : nan);
  add("duration.median", duration ? static_cast<double>(duration->median) : nan);
  add("duration.p10", duration ? static_cast<double>(duration->p10) : nan);
  add("duration.p90", duration ? static_cast<double>(duration->p90) : nan);
  for (std::size_t i = 0; i < scenario.parties.size(); ++i) {
    const std::string key = "parties." + scenario.parties[i].id + ".utility";
    add(key + ".mean", summary ? summary->utility[i].mean : nan);
    add(key + ".std_error", summary ? summary->utility[i].std_error : nan);
  }
  // The settlement terms, means over the settled runs with their count (issue 17: a
  // conditional mean comes with its count); undefined (NaN) when no run settled. Then the
  // terms in force at the end of every run (settlement, collapse terms or the frozen front).
  add("terms.n_settled", summary ? static_cast<double>(summary->settled.count) : nan);
  const auto add_terms = [&](const std::string& prefix, const std::vector<TermsSummary>* all) {
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      const Issue& issue = scenario.issues[k];
      const TermsSummary* terms = all && (*all)[k].count > 0 ? &(*all)[k] : nullptr;
      const std::string key = prefix + issue.id;
      switch (issue.kind) {
        case IssueKind::continuous: add(key + ".mean", terms ? terms->amount.mean : nan); break;
        case IssueKind::ordinal:
          add(key + ".mean_level", terms ? terms->amount.mean : nan);
          for (std::size_t l = 0; l < issue.levels.size(); ++l)
            add(key + ".levels." + issue.levels[l], terms ? terms->level_frequencies[l] : nan);
          break;
        case IssueKind::clauses:
          for (std::size_t c = 0; c < issue.clauses.size(); ++c)
            add(key + ".clauses." + issue.clauses[c].id, terms ? terms->clause_frequencies[c] : nan);
          break;
      }
    }
  };
  add_terms("terms.", summary ? &summary->settlement_terms : nullptr);
  add_terms("final_terms.", summary ? &summary->outcome_terms : nullptr);
  // Durability (DESIGN 1.10), last so that a sweep's columns of the other metrics keep their
  // positions; only with the section, so rows without it are what they always were.
  if (scenario.durability && scenario.battlefield) {
    add("durability.held", summary ? summary->held.p : nan);
    add("durability.broke", summary ? summary->broke.p : nan);
    add("durability.renewed", summary ? summary->renewed.p : nan);
    add("durability.breakdowns.mean", summary ? summary->breakdowns.mean : nan);
    add("durability.peace_periods.mean", summary ? summary->peace_periods.mean : nan);
    add("durability.fighting_periods.mean", summary ? summary->fighting_periods.mean : nan);
    add("durability.signed", summary ? summary->signed_agreement.p : nan);
    add("durability.first_agreement_period.median",
        summary && summary->signed_agreement.count > 0
            ? static_cast<double>(histogram_quantile(summary->first_agreement_periods, 1, 2))
            : nan);
  }
  return row;
}

}  // namespace

std::vector<RunMetric> RunReport::metrics() const { return run_metrics(scenario(), &summary_); }

std::vector<std::string> RunReport::metric_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (auto& metric : run_metrics(scenario, nullptr)) names.push_back(std::move(metric.name));
  return names;
}

std::string percent_text(double share) { return format_fixed(100.0 * share, 1) + "%"; }

std::string interval_text(const Interval& ci, int decimals) {
  return "[" + format_fixed(ci.low, decimals) + ", " + format_fixed(ci.high, decimals) + "]";
}

std::string collapse_label(const Scenario& scenario, bool side_a) {
  const int i = side_a ? scenario.side_a() : scenario.side_b();
  return i < 0 ? std::string(side_a ? "side A" : "side B") + " collapses"
               : scenario.parties[static_cast<std::size_t>(i)].name + "'s effort collapses";
}

std::string strategy_label(const StrategySpec& spec) {
  std::string label = spec.name;
  if (spec.params.empty()) return label;
  label += " (";
  bool first = true;
  for (const auto& [name, value] : spec.params) {
    label += (first ? "" : ", ") + name + " " + format_shortest(value);
    first = false;
  }
  return label + ")";
}

}  // namespace parley::io
