#include "parley/engine/run_statistics.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

namespace {

MeanEstimate estimate(const RunningMoments& m) {
  MeanEstimate e;
  e.count = m.count();
  e.mean = m.mean();
  e.std_dev = std::sqrt(m.variance());
  e.std_error = m.standard_error();
  e.ci95 = mean_interval(e.mean, e.std_error);
  return e;
}

ProportionEstimate proportion(std::int64_t count, std::int64_t runs) {
  ProportionEstimate e;
  e.count = count;
  e.p = runs > 0 ? static_cast<double>(count) / static_cast<double>(runs) : 0.0;
  e.ci95 = wilson_interval(count, runs);
  return e;
}

}  // namespace

const ProportionEstimate& RunSummary::outcome(Outcome o) const {
  switch (o) {
    case Outcome::settled: return settled;
    case Outcome::collapse_a: return collapse_a;
    case Outcome::collapse_b: return collapse_b;
    case Outcome::frozen: break;
  }
  return frozen;
}

int histogram_quantile(const std::vector<std::int64_t>& counts, std::int64_t numerator, std::int64_t denominator) {
  std::int64_t total = 0;
  for (const std::int64_t c : counts) total += c;
  if (total == 0) return 0;
  std::int64_t cumulative = 0;
  for (std::size_t d = 0; d < counts.size(); ++d) {
    cumulative += counts[d];
    if (cumulative * denominator >= numerator * total) return static_cast<int>(d);
  }
  return static_cast<int>(counts.size()) - 1;
}

RunAccumulator::RunAccumulator(const Scenario& scenario) {
  for (const Issue& issue : scenario.issues) {
    issue_ids_.push_back(issue.id);
    kinds_.push_back(issue.kind);
    level_offsets_.push_back(total_levels_);
    const std::size_t levels = issue.kind == IssueKind::ordinal ? issue.levels.size() : 0;
    level_counts_.push_back(levels);
    total_levels_ += levels;
    clause_offsets_.push_back(issue.clause_offset);
    clause_counts_.push_back(issue.kind == IssueKind::clauses ? issue.clauses.size() : 0);
  }
  total_clauses_ = scenario.clause_count();
  durations_.assign(static_cast<std::size_t>(scenario.horizon) + 1, 0);
  settlement_periods_.assign(static_cast<std::size_t>(scenario.horizon), 0);
  first_agreements_.assign(static_cast<std::size_t>(scenario.horizon), 0);
  payoffs_.resize(scenario.parties.size());
  durable_ = scenario.durability.has_value() && scenario.battlefield.has_value();
  for (Terms* terms : {&settled_, &final_}) {
    terms->amounts.resize(scenario.issues.size());
    terms->levels.assign(total_levels_, 0);
    terms->clauses.assign(total_clauses_, 0);
  }
}

void RunAccumulator::add_terms(Terms& terms, const Agreement& package) const {
  ++terms.count;
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    switch (kinds_[k]) {
      case IssueKind::continuous: terms.amounts[k].add(package.amounts[k]); break;
      case IssueKind::ordinal:
        terms.amounts[k].add(package.amounts[k]);
        ++terms.levels[level_offsets_[k] + static_cast<std::size_t>(package.level(k))];
        break;
      case IssueKind::clauses: break;
    }
  }
  for (std::size_t c = 0; c < total_clauses_; ++c) terms.clauses[c] += package.clauses[c];
}

void RunAccumulator::add(const EpisodeResult& result) {
  ++runs_;
  ++outcomes_[static_cast<std::size_t>(result.outcome)];
  duration_.add(static_cast<double>(result.duration));
  ++durations_[static_cast<std::size_t>(result.duration)];
  for (std::size_t i = 0; i < payoffs_.size(); ++i) payoffs_[i].add(result.payoffs[i]);
  if (result.outcome == Outcome::settled) {
    ++settlement_periods_[static_cast<std::size_t>(result.period)];
    settlement_period_.add(static_cast<double>(result.period));
    add_terms(settled_, *result.terms);
  }
  add_terms(final_, *result.terms);
  if (durable_) {
    if (result.held()) ++held_;
    if (result.broke()) ++broke_;
    if (result.renewals > 0) ++renewed_;
    breakdowns_.add(static_cast<double>(result.breakdowns));
    peace_periods_.add(static_cast<double>(result.peace_periods));
    if (result.first_agreement >= 0) ++first_agreements_[static_cast<std::size_t>(result.first_agreement)];
  }
}

void RunAccumulator::merge_terms(Terms& into, const Terms& from) {
  into.count += from.count;
  for (std::size_t k = 0; k < into.amounts.size(); ++k) into.amounts[k].merge(from.amounts[k]);
  for (std::size_t l = 0; l < into.levels.size(); ++l) into.levels[l] += from.levels[l];
  for (std::size_t c = 0; c < into.clauses.size(); ++c) into.clauses[c] += from.clauses[c];
}

void RunAccumulator::merge(const RunAccumulator& later) {
  runs_ += later.runs_;
  for (std::size_t o = 0; o < outcomes_.size(); ++o) outcomes_[o] += later.outcomes_[o];
  duration_.merge(later.duration_);
  for (std::size_t d = 0; d < durations_.size(); ++d) durations_[d] += later.durations_[d];
  for (std::size_t t = 0; t < settlement_periods_.size(); ++t) settlement_periods_[t] += later.settlement_periods_[t];
  settlement_period_.merge(later.settlement_period_);
  for (std::size_t i = 0; i < payoffs_.size(); ++i) payoffs_[i].merge(later.payoffs_[i]);
  merge_terms(settled_, later.settled_);
  merge_terms(final_, later.final_);
  held_ += later.held_;
  broke_ += later.broke_;
  renewed_ += later.renewed_;
  breakdowns_.merge(later.breakdowns_);
  peace_periods_.merge(later.peace_periods_);
  for (std::size_t t = 0; t < first_agreements_.size(); ++t) first_agreements_[t] += later.first_agreements_[t];
}

void RunAccumulator::clear_terms(Terms& terms) {
  terms.count = 0;
  for (auto& m : terms.amounts) m.clear();
  std::fill(terms.levels.begin(), terms.levels.end(), 0);
  std::fill(terms.clauses.begin(), terms.clauses.end(), 0);
}

void RunAccumulator::clear() {
  runs_ = 0;
  outcomes_.fill(0);
  duration_.clear();
  std::fill(durations_.begin(), durations_.end(), 0);
  std::fill(settlement_periods_.begin(), settlement_periods_.end(), 0);
  settlement_period_.clear();
  for (auto& m : payoffs_) m.clear();
  clear_terms(settled_);
  clear_terms(final_);
  held_ = broke_ = renewed_ = 0;
  breakdowns_.clear();
  peace_periods_.clear();
  std::fill(first_agreements_.begin(), first_agreements_.end(), 0);
}

std::vector<TermsSummary> RunAccumulator::summarise(const Terms& terms) const {
  std::vector<TermsSummary> out(kinds_.size());
  const double n = terms.count > 0 ? static_cast<double>(terms.count) : 1.0;
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    TermsSummary& s = out[k];
    s.issue = issue_ids_[k];
    s.kind = kinds_[k];
    s.count = terms.count;
    if (kinds_[k] != IssueKind::clauses) s.amount = estimate(terms.amounts[k]);
    for (std::size_t l = 0; l < level_counts_[k]; ++l)
      s.level_frequencies.push_back(static_cast<double>(terms.levels[level_offsets_[k] + l]) / n);
    for (std::size_t c = 0; c < clause_counts_[k]; ++c)
      s.clause_frequencies.push_back(static_cast<double>(terms.clauses[clause_offsets_[k] + c]) / n);
  }
  return out;
}

RunSummary RunAccumulator::summary(std::uint64_t seed, std::uint64_t point) const {
  RunSummary s;
  s.runs = runs_;
  s.seed = seed;
  s.point = point;
  s.settled = proportion(outcomes_[static_cast<std::size_t>(Outcome::settled)], runs_);
  s.collapse_a = proportion(outcomes_[static_cast<std::size_t>(Outcome::collapse_a)], runs_);
  s.collapse_b = proportion(outcomes_[static_cast<std::size_t>(Outcome::collapse_b)], runs_);
  s.frozen = proportion(outcomes_[static_cast<std::size_t>(Outcome::frozen)], runs_);
  s.duration.mean = estimate(duration_);
  s.duration.median = histogram_quantile(durations_, 1, 2);
  s.duration.p10 = histogram_quantile(durations_, 1, 10);
  s.duration.p90 = histogram_quantile(durations_, 9, 10);
  s.duration.histogram = durations_;
  for (const auto& m : payoffs_) s.utility.push_back(estimate(m));
  s.settlement_period = estimate(settlement_period_);
  s.settlement_periods = settlement_periods_;
  s.settlement_terms = summarise(settled_);
  s.outcome_terms = summarise(final_);
  s.durable = durable_;
  if (durable_) {
    s.held = proportion(held_, runs_);
    s.broke = proportion(broke_, runs_);
    s.renewed = proportion(renewed_, runs_);
    s.breakdowns = estimate(breakdowns_);
    s.peace_periods = estimate(peace_periods_);
    s.fighting_periods = s.duration.mean;
    std::int64_t signed_runs = 0;
    for (const std::int64_t n : first_agreements_) signed_runs += n;
    s.signed_agreement = proportion(signed_runs, runs_);
    s.first_agreement_periods = first_agreements_;
  }
  return s;
}

}  // namespace parley
